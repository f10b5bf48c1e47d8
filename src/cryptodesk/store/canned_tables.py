"""Canned replies: their table (on the shared metadata and mapper registry) and the queries the
services need of it."""

from __future__ import annotations

import sqlalchemy as sa

from ..domain.canned import CannedReply
from .repositories import Repository
from .tables import metadata
from .types import UtcDateTime

canned_replies = sa.Table(
    "canned_replies", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_by", sa.String(128), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_by", sa.String(128), nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("name", "language"),
)

MAPPED = ((CannedReply, canned_replies),)


class CannedReplies(Repository):
    def get(self, reply_id: int, *, lock: bool = False) -> CannedReply | None:
        return self.session.get(CannedReply, reply_id, with_for_update=lock)

    def find(self, name: str, language: str) -> CannedReply | None:
        query = sa.select(CannedReply).where(
            CannedReply.name == name, CannedReply.language == language
        )
        return self.session.scalar(query)

    def listing(
        self, *, language: str | None = None, include_retired: bool = False
    ) -> list[CannedReply]:
        query = sa.select(CannedReply)
        if language:
            query = query.where(CannedReply.language == language)
        if not include_retired:
            query = query.where(CannedReply.active.is_(True))
        return list(self.session.scalars(
            query.order_by(CannedReply.language, CannedReply.name, CannedReply.id)
        ))
