"""Announcements: anyone may read the published ones; supervisors and admins keep them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import AwareDatetime, Field

from ...domain.announcements import (
    MAX_BODY,
    MAX_TITLE,
    AnnouncementKind,
    AnnouncementText,
    Audience,
)
from ...services import announcements as announcement_services
from ..deps import CurrentAgent, DeskDep, read, transact
from ..schemas import Id, Input, Output
from .responses import ERRORS, FULL, ErrorOut

FORBIDDEN: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut, "description": "Only supervisors and admins may do this"},
}
router = APIRouter(tags=["announcements"])
Lang = Literal["zh", "en"]
PATH = "/admin/announcements"


class AnnouncementIn(Input):
    kind: AnnouncementKind
    audience: Audience = Field(description="who is shown it: readers in zh, en or both")
    title_zh: str | None = Field(None, max_length=MAX_TITLE)
    body_zh: str | None = Field(None, max_length=MAX_BODY, description="Markdown")
    title_en: str | None = Field(None, max_length=MAX_TITLE)
    body_en: str | None = Field(None, max_length=MAX_BODY, description="Markdown")


class PublishIn(Input):
    publish_at: AwareDatetime | None = Field(
        None, description="a future time schedules it; empty or past publishes it now")


class AnnouncementOut(Output):
    id: int
    kind: str
    audience: str
    status: str = Field(description="draft, scheduled, published (by the clock) or archived")
    title_zh: str | None
    body_zh: str | None
    title_en: str | None
    body_en: str | None
    publish_at: datetime | None
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime


class PublicAnnouncementOut(Output):
    id: int
    kind: str
    language: str
    title: str
    body: str = Field(description="Markdown")
    published_at: datetime


def _out(found: Any, now: datetime) -> AnnouncementOut:
    out = AnnouncementOut.model_validate(found)
    return out.model_copy(update={"status": str(found.status_at(now))})


def _text(body: AnnouncementIn) -> AnnouncementText:
    return AnnouncementText.clean(
        kind=body.kind, audience=body.audience, title_zh=body.title_zh, body_zh=body.body_zh,
        title_en=body.title_en, body_en=body.body_en)


@router.get("/announcements", responses=ERRORS)
def published(desk: DeskDep, language: Lang) -> list[PublicAnnouncementOut]:
    """The published announcements for readers of `language`, newest first (no sign-in)."""
    found = read(desk, announcement_services.published, language, desk.now())
    return [PublicAnnouncementOut(id=a.id, kind=str(a.kind), language=language,
                                  title=a.title(language), body=a.body(language),
                                  published_at=a.publish_at) for a in found]


@router.get(PATH, responses={**ERRORS, **FORBIDDEN})
def list_announcements(desk: DeskDep, agent: CurrentAgent) -> list[AnnouncementOut]:
    now = desk.now()
    return [_out(a, now) for a in read(desk, announcement_services.manage, agent)]


@router.post(PATH, status_code=201, responses={**FULL, **FORBIDDEN})
def create_announcement(body: AnnouncementIn, desk: DeskDep,
                        agent: CurrentAgent) -> AnnouncementOut:
    """Write a draft; each language of the audience needs a title and a body."""
    now = desk.now()
    return _out(transact(desk, announcement_services.create, agent, _text(body), now), now)


@router.get(PATH + "/{announcement_id}", responses={**FULL, **FORBIDDEN})
def get_announcement(announcement_id: Id, desk: DeskDep, agent: CurrentAgent) -> AnnouncementOut:
    return _out(read(desk, announcement_services.view, agent, announcement_id), desk.now())


@router.put(PATH + "/{announcement_id}", responses={**FULL, **FORBIDDEN})
def edit_announcement(announcement_id: Id, body: AnnouncementIn, desk: DeskDep,
                      agent: CurrentAgent) -> AnnouncementOut:
    """Edit a draft or a scheduled one; a published one is archived and written anew (409)."""
    now = desk.now()
    return _out(transact(desk, announcement_services.edit, agent, announcement_id,
                         _text(body), now), now)


@router.post(PATH + "/{announcement_id}/publish", responses={**FULL, **FORBIDDEN})
def publish_announcement(announcement_id: Id, desk: DeskDep, agent: CurrentAgent,
                         body: PublishIn | None = None) -> AnnouncementOut:
    now = desk.now()
    at = body.publish_at if body else None
    return _out(transact(desk, announcement_services.publish, agent, announcement_id, now, at),
                now)


@router.post(PATH + "/{announcement_id}/archive", responses={**FULL, **FORBIDDEN})
def archive_announcement(announcement_id: Id, desk: DeskDep,
                         agent: CurrentAgent) -> AnnouncementOut:
    now = desk.now()
    return _out(transact(desk, announcement_services.archive, agent, announcement_id, now), now)
