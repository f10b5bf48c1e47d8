"""Announcements on real databases: the lifecycle and its refusals, the schedule kept by the
clock alone, the audience by language, who may change them, and the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role
from cryptodesk.domain.announcements import AnnouncementStatus, AnnouncementText
from cryptodesk.domain.events import Event
from cryptodesk.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from cryptodesk.services import announcements as service

from ..support.clock import Clock
from ..support.stories import StaffMember, hire

ZH = {"title_zh": "钱包维护", "body_zh": "ETH 钱包将于周六维护。"}
EN = {"title_en": "Wallet maintenance", "body_en": "The ETH wallet is down on Saturday."}


def _text(audience: str = "both", kind: str = "maintenance", **texts: str) -> AnnouncementText:
    chosen = texts or {**({} if audience == "en" else ZH), **({} if audience == "zh" else EN)}
    return AnnouncementText.clean(kind=kind, audience=audience, **chosen)


def _draft(desk: Desk, boss: StaffMember, text: AnnouncementText | None = None) -> int:
    with desk.uow() as uow:
        made = service.create(uow, boss.agent, text or _text(), desk.now())
        uow.commit()
        return int(made.id)


def _do(desk: Desk, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with desk.uow() as uow:
        result = action(uow, *args, **kwargs)
        uow.commit()
        return result


def _published(desk: Desk, language: str) -> list[int]:
    with desk.uow() as uow:
        return [a.id for a in service.published(uow, language, desk.now())]


def _events(desk: Desk) -> list[Event]:
    with desk.uow() as uow:
        query = sa.select(Event).where(Event.kind.like("announcement.%")).order_by(Event.id)
        return list(uow.session.scalars(query))


@pytest.fixture
def boss(desk: Desk) -> StaffMember:
    return hire(desk, "boss", role=Role.SUPERVISOR, totp=False)


def test_a_draft_is_published_then_archived_and_every_step_is_audited(
    desk: Desk, boss: StaffMember
) -> None:
    ann = _draft(desk, boss)
    assert _published(desk, "en") == []
    out = _do(desk, service.publish, boss.agent, ann, desk.now())
    assert out.status is AnnouncementStatus.PUBLISHED and out.publish_at == desk.now()
    assert _published(desk, "en") == [ann] and _published(desk, "zh") == [ann]
    _do(desk, service.archive, boss.agent, ann, desk.now())
    assert _published(desk, "en") == []
    trail = _events(desk)
    assert [e.kind for e in trail] == [
        "announcement.created", "announcement.published", "announcement.archived"]
    assert {e.actor_name for e in trail} == {boss.username}
    assert trail[1].after["status"] == "published" and trail[2].before == {"status": "published"}


def test_illegal_moves_are_refused_and_change_nothing(desk: Desk, boss: StaffMember) -> None:
    ann = _draft(desk, boss)
    _do(desk, service.publish, boss.agent, ann, desk.now())
    with pytest.raises(IllegalTransition):
        _do(desk, service.publish, boss.agent, ann, desk.now())
    with pytest.raises(IllegalTransition):  # what customers saw is archived, not rewritten
        _do(desk, service.edit, boss.agent, ann, _text(title_en="Changed", body_en="x",
                                                       audience="en"), desk.now())
    _do(desk, service.archive, boss.agent, ann, desk.now())
    for action in (service.publish, service.archive):
        with pytest.raises(IllegalTransition):
            _do(desk, action, boss.agent, ann, desk.now())
    with desk.uow() as uow:
        found = service.get(uow, ann)
        assert found.status is AnnouncementStatus.ARCHIVED and found.title_en == EN["title_en"]
    with pytest.raises(NotFound):
        _do(desk, service.archive, boss.agent, 999, desk.now())


def test_a_schedule_shows_only_once_the_clock_reaches_it(
    desk: Desk, clock: Clock, boss: StaffMember
) -> None:
    ann = _draft(desk, boss)
    at = clock.now.replace(hour=12)
    out = _do(desk, service.publish, boss.agent, ann, desk.now(), at)
    assert out.status_at(desk.now()) is AnnouncementStatus.SCHEDULED
    edited = _do(desk, service.edit, boss.agent, ann, _text(kind="policy"), desk.now())
    assert edited.kind == "policy"  # a schedule not yet reached may still be corrected
    clock.advance(hours=2, minutes=59)
    assert _published(desk, "en") == []
    clock.advance(minutes=1)
    assert _published(desk, "en") == [ann] and _published(desk, "zh") == [ann]
    with desk.uow() as uow:
        assert service.get(uow, ann).status_at(desk.now()) is AnnouncementStatus.PUBLISHED
    with pytest.raises(IllegalTransition):  # published by the clock: no more edits
        _do(desk, service.edit, boss.agent, ann, _text(), desk.now())


def test_a_past_time_publishes_at_once(desk: Desk, clock: Clock, boss: StaffMember) -> None:
    ann = _draft(desk, boss)
    out = _do(desk, service.publish, boss.agent, ann, desk.now(), clock.now.replace(hour=1))
    assert out.status is AnnouncementStatus.PUBLISHED and out.publish_at == desk.now()


def test_readers_see_their_language_newest_first(
    desk: Desk, clock: Clock, boss: StaffMember
) -> None:
    zh_only = _draft(desk, boss, _text("zh"))
    en_only = _draft(desk, boss, _text("en", kind="listing"))
    both = _draft(desk, boss, _text("both", kind="feature"))
    for ann in (zh_only, en_only, both):
        _do(desk, service.publish, boss.agent, ann, desk.now())
        clock.advance(minutes=5)
    assert _published(desk, "zh") == [both, zh_only]
    assert _published(desk, "en") == [both, en_only]
    with desk.uow() as uow:
        assert [a.id for a in service.published(uow, "en", desk.now(), 1)] == [both]


def test_the_texts_must_match_the_audience() -> None:
    with pytest.raises(InvalidInput) as missing:
        AnnouncementText.clean(kind="policy", audience="both", **ZH)
    assert missing.value.field == "title_en"
    with pytest.raises(InvalidInput) as stray:
        AnnouncementText.clean(kind="policy", audience="zh", **ZH, **EN)
    assert stray.value.field == "title_en"
    with pytest.raises(InvalidInput):
        AnnouncementText.clean(kind="rumour", audience="zh", **ZH)
    with pytest.raises(InvalidInput):
        AnnouncementText.clean(kind="policy", audience="fr", **ZH)
    clean = AnnouncementText.clean(kind="policy", audience="zh", title_zh="  新  规 ",
                                   body_zh="正文\r\n第二行 ", title_en="  ", body_en="")
    assert (clean.title_zh, clean.body_zh, clean.title_en) == ("新 规", "正文\n第二行", None)


def test_agents_cannot_change_announcements(desk: Desk, boss: StaffMember) -> None:
    sam = hire(desk, "sam", totp=False)
    with pytest.raises(PermissionDenied):
        _draft(desk, sam)
    ann = _draft(desk, boss)
    for action in (service.publish, service.archive):
        with pytest.raises(PermissionDenied):
            _do(desk, action, sam.agent, ann, desk.now())
    with pytest.raises(PermissionDenied):
        _do(desk, service.manage, sam.agent)
    assert [e.kind for e in _events(desk)] == ["announcement.created"]
