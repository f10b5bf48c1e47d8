"""The cases table. store.tables builds it on the schema's one metadata and maps `Case` onto it;
taking the metadata as an argument keeps the two modules free of an import cycle."""

from __future__ import annotations

import sqlalchemy as sa

from ..domain.cases import CaseKind, CaseStatus
from .types import StrEnum, UtcDateTime


def cases_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        "cases", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey("tickets.id"), nullable=False,
                  unique=True),
        sa.Column("conversation_id", sa.Integer, sa.ForeignKey("conversations.id"),
                  nullable=False, unique=True),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False,
                  index=True),
        sa.Column("kind", StrEnum(CaseKind, 24), nullable=False, index=True),
        sa.Column("status", StrEnum(CaseStatus, 16), nullable=False, index=True),
        sa.Column("summary", sa.String(500), nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("info_request", sa.Text),
        sa.Column("decision_note", sa.Text),
        sa.Column("exchange_ref", sa.String(128)),
        sa.Column("exchange_error", sa.String(40)),
        sa.Column("review_due", UtcDateTime, nullable=False, index=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("decided_at", UtcDateTime),
        sa.Column("closed_at", UtcDateTime),
    )
