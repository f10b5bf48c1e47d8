"""Ratings and attachments: their tables (on the shared metadata and mapper registry) and the
queries the services need of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..domain.feedback import Attachment, Rating
from .repositories import Repository
from .tables import metadata
from .types import UtcDateTime

ticket_ratings = sa.Table(
    "ticket_ratings", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ticket_id", sa.Integer, sa.ForeignKey("tickets.id"), nullable=False, unique=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("score", sa.SmallInteger, nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False, index=True),
)

attachments = sa.Table(
    "attachments", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "conversation_id", sa.Integer, sa.ForeignKey("conversations.id"), nullable=False,
        index=True,
    ),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("message_id", sa.Integer, sa.ForeignKey("messages.id")),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("content_type", sa.String(40), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("storage_name", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

MAPPED = ((Rating, ticket_ratings), (Attachment, attachments))


@dataclass(frozen=True)
class Csat:
    """Satisfaction over a period: how many rated, their mean, and how many said 4 or 5."""

    count: int
    average: float | None
    satisfied: int

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.count if self.count else None


class Feedback(Repository):
    def rating_for(self, ticket_id: int, *, lock: bool = False) -> Rating | None:
        query = sa.select(Rating).where(Rating.ticket_id == ticket_id)
        return self.session.scalar(query.with_for_update() if lock else query)

    def csat(self, start: datetime, end: datetime) -> Csat:
        """Ratings last given in [start, end)."""
        c = ticket_ratings.c
        row = self.session.execute(
            sa.select(sa.func.count(), sa.func.avg(c.score),
                      sa.func.count().filter(c.score >= 4))
            .where(c.updated_at >= start, c.updated_at < end)
        ).one()
        count = int(row[0] or 0)
        return Csat(count, float(row[1]) if count else None, int(row[2] or 0))

    def attachment(self, attachment_id: int) -> Attachment | None:
        return self.session.get(Attachment, attachment_id)

    def attachments_of(self, conversation_ids: list[int]) -> list[Attachment]:
        query = sa.select(Attachment).where(Attachment.conversation_id.in_(conversation_ids))
        return list(self.session.scalars(query.order_by(Attachment.id)))
