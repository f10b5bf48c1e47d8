"""Announcements to customers: new features, maintenance, policy changes and listings, written
in the languages of their audience, drafted, scheduled, published and finally archived.

A scheduled announcement becomes published by the clock alone: `status_at(now)` says which it
is, so nothing has to run at `publish_at`."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from ..errors import IllegalTransition, InvalidInput
from .customers import LANGUAGES, Language

MAX_TITLE = 200
MAX_BODY = 10_000


class AnnouncementKind(enum.StrEnum):
    FEATURE = "feature"
    MAINTENANCE = "maintenance"
    POLICY = "policy"
    LISTING = "listing"


class Audience(enum.StrEnum):
    ZH = "zh"
    EN = "en"
    BOTH = "both"

    @property
    def languages(self) -> tuple[Language, ...]:
        return LANGUAGES if self is Audience.BOTH else (cast(Language, self.value),)


class AnnouncementStatus(enum.StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    ARCHIVED = "archived"


# Editing is for what customers have not seen yet; a published notice is archived and replaced.
EDITABLE = {AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED}
PUBLISHABLE = {AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED}
ARCHIVABLE = {AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED, AnnouncementStatus.PUBLISHED}


def _clean_title(value: str | None) -> str:
    return " ".join((value or "").split())


def _clean_body(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").replace("\x00", "").strip()


@dataclass(frozen=True)
class AnnouncementText:
    """What a supervisor writes: a title and a body in each language of the audience, and in
    no other (a text nobody will be shown is a mistake worth pointing out)."""

    kind: AnnouncementKind
    audience: Audience
    title_zh: str | None
    body_zh: str | None
    title_en: str | None
    body_en: str | None

    @classmethod
    def clean(
        cls, *, kind: str, audience: str, title_zh: str | None = None, body_zh: str | None = None,
        title_en: str | None = None, body_en: str | None = None,
    ) -> AnnouncementText:
        if kind not in set(AnnouncementKind):
            raise InvalidInput("Kind is feature, maintenance, policy or listing.",
                               "类型须为 feature、maintenance、policy 或 listing。",
                               field="kind", value=kind)
        if audience not in set(Audience):
            raise InvalidInput("Audience is zh, en or both.", "受众须为 zh、en 或 both。",
                               field="audience", value=audience)
        chosen = Audience(audience)
        texts: dict[str, str | None] = {}
        for lang, title, body in (("zh", title_zh, body_zh), ("en", title_en, body_en)):
            title, body = _clean_title(title), _clean_body(body)
            if lang not in chosen.languages:
                if title or body:
                    raise InvalidInput(
                        f"The audience is {chosen}: leave the {lang} text empty.",
                        f"受众为 {chosen}：请勿填写 {lang} 文本。", field=f"title_{lang}")
                texts[f"title_{lang}"] = texts[f"body_{lang}"] = None
                continue
            if not title or len(title) > MAX_TITLE:
                raise InvalidInput(f"A title has 1–{MAX_TITLE} characters.",
                                   f"标题须为 1–{MAX_TITLE} 个字符。", field=f"title_{lang}")
            if not body or len(body) > MAX_BODY:
                raise InvalidInput(f"A body has 1–{MAX_BODY} characters.",
                                   f"正文须为 1–{MAX_BODY} 个字符。", field=f"body_{lang}")
            texts[f"title_{lang}"], texts[f"body_{lang}"] = title, body
        return cls(kind=AnnouncementKind(kind), audience=chosen, **texts)


@dataclass(eq=False, kw_only=True)
class Announcement:
    kind: AnnouncementKind
    audience: Audience
    title_zh: str | None = None
    body_zh: str | None = None
    title_en: str | None = None
    body_en: str | None = None
    status: AnnouncementStatus = AnnouncementStatus.DRAFT
    publish_at: datetime | None = None
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    id: int | None = None

    @classmethod
    def draft(cls, text: AnnouncementText, by: str, now: datetime) -> Announcement:
        return cls(kind=text.kind, audience=text.audience, title_zh=text.title_zh,
                   body_zh=text.body_zh, title_en=text.title_en, body_en=text.body_en,
                   created_by=by, created_at=now, updated_by=by, updated_at=now)

    def status_at(self, now: datetime) -> AnnouncementStatus:
        """The stored status, with a schedule whose time has come counted as published."""
        if (self.status is AnnouncementStatus.SCHEDULED and self.publish_at is not None
                and self.publish_at <= now):
            return AnnouncementStatus.PUBLISHED
        return self.status

    def snapshot(self) -> dict[str, object]:
        """What the audit trail keeps of it."""
        return {"id": self.id, "kind": str(self.kind), "audience": str(self.audience),
                "status": str(self.status), "title_zh": self.title_zh, "body_zh": self.body_zh,
                "title_en": self.title_en, "body_en": self.body_en,
                "publish_at": self.publish_at.isoformat() if self.publish_at else None}

    def revise(self, text: AnnouncementText, by: str, now: datetime) -> bool:
        """Apply an edit; False when nothing changed."""
        self._require(EDITABLE, "edited", now)
        fields = ("kind", "audience", "title_zh", "body_zh", "title_en", "body_en")
        if all(getattr(self, f) == getattr(text, f) for f in fields):
            return False
        for name in fields:
            setattr(self, name, getattr(text, name))
        self.updated_by, self.updated_at = by, now
        return True

    def publish(self, by: str, now: datetime, at: datetime | None = None) -> None:
        """Publish now, or schedule for `at`; a schedule may be moved until it is reached."""
        self._require(PUBLISHABLE, "published", now)
        when = at if at is not None and at > now else now
        self.status = (AnnouncementStatus.SCHEDULED if when > now
                       else AnnouncementStatus.PUBLISHED)
        self.publish_at = when
        self.updated_by, self.updated_at = by, now

    def archive(self, by: str, now: datetime) -> None:
        self._require(ARCHIVABLE, "archived", now)
        self.status = AnnouncementStatus.ARCHIVED
        self.updated_by, self.updated_at = by, now

    def title(self, language: str) -> str:
        return (self.title_zh if language == "zh" else self.title_en) or ""

    def body(self, language: str) -> str:
        return (self.body_zh if language == "zh" else self.body_en) or ""

    def _require(self, allowed: set[AnnouncementStatus], what: str, now: datetime) -> None:
        current = self.status_at(now)
        if current not in allowed:
            zh = {"edited": "编辑", "published": "发布", "archived": "归档"}[what]
            raise IllegalTransition(
                f"A {current} announcement cannot be {what}.",
                f"状态为 {current} 的公告不能{zh}。", field="status", value=str(current),
            )
