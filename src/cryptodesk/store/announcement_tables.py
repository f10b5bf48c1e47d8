"""Announcements: their table (on the shared metadata and mapper registry) and the queries the
services need of it."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ..domain.announcements import (
    Announcement,
    AnnouncementKind,
    AnnouncementStatus,
    Audience,
)
from .repositories import Repository
from .tables import metadata
from .types import StrEnum, UtcDateTime

announcements = sa.Table(
    "announcements", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", StrEnum(AnnouncementKind, 16), nullable=False),
    sa.Column("audience", StrEnum(Audience, 4), nullable=False),
    sa.Column("status", StrEnum(AnnouncementStatus, 16), nullable=False),
    sa.Column("title_zh", sa.String(200)),
    sa.Column("body_zh", sa.Text),
    sa.Column("title_en", sa.String(200)),
    sa.Column("body_en", sa.Text),
    sa.Column("publish_at", UtcDateTime, index=True),
    sa.Column("created_by", sa.String(128), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_by", sa.String(128), nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

MAPPED = ((Announcement, announcements),)
_OUT = (AnnouncementStatus.SCHEDULED, AnnouncementStatus.PUBLISHED)


class Announcements(Repository):
    def get(self, announcement_id: int, *, lock: bool = False) -> Announcement | None:
        return self.session.get(Announcement, announcement_id, with_for_update=lock)

    def listing(self) -> list[Announcement]:
        """Every announcement, the most recently touched first."""
        query = sa.select(Announcement).order_by(
            Announcement.updated_at.desc(), Announcement.id.desc())
        return list(self.session.scalars(query))

    def published(self, language: str, now: datetime, limit: int | None = None
                  ) -> list[Announcement]:
        """Those out by `now` for readers of `language`, newest first."""
        query = sa.select(Announcement).where(
            Announcement.status.in_(_OUT),
            Announcement.publish_at <= now,
            Announcement.audience.in_((language, Audience.BOTH)),
        ).order_by(Announcement.publish_at.desc(), Announcement.id.desc()).limit(limit)
        return list(self.session.scalars(query))
