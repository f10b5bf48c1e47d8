"""Loading cases, and the few questions about a conversation that opening one needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from ..domain.cases import WITH_US, Case, CaseKind, CaseStatus
from ..domain.conversations import Author, Message
from ..domain.tickets import Ticket
from .repositories import Page, Repository


@dataclass(frozen=True)
class CaseQuery:
    """Filters for the agents' case list; `overdue_at` keeps cases whose promise has passed."""

    kinds: tuple[CaseKind, ...] = ()
    statuses: tuple[CaseStatus, ...] = ()
    team: str | None = None
    customer_id: int | None = None
    overdue_at: datetime | None = None
    sort: str = "-id"
    page: int = 1
    per_page: int = 25


@dataclass(frozen=True)
class CaseRow:
    """A case with its ticket, which holds the team, priority and assignee."""

    case: Case
    ticket: Ticket


_SORTABLE = {"id": "id", "review_due": "review_due", "created": "created_at",
             "updated": "updated_at"}
# How many of a conversation's latest bot messages are searched for a diagnosis card.
_DIAGNOSIS_LOOKBACK = 50


class Cases(Repository):
    def get(self, case_id: int, *, lock: bool = False) -> Case | None:
        return self.session.get(Case, case_id, with_for_update=lock)

    def for_conversation(self, conversation_id: int) -> Case | None:
        return self.session.scalar(sa.select(Case).where(Case.conversation_id == conversation_id))

    def for_ticket(self, ticket_id: int) -> Case | None:
        return self.session.scalar(sa.select(Case).where(Case.ticket_id == ticket_id))

    def for_customer(self, customer_id: int, page: int, per_page: int) -> Page[Case]:
        query = sa.select(Case).where(Case.customer_id == customer_id)
        total = self.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
        rows = self.session.scalars(
            query.order_by(Case.id.desc()).limit(per_page).offset((page - 1) * per_page)
        )
        return Page(list(rows), total or 0, page, per_page)

    def search(self, q: CaseQuery) -> Page[CaseRow]:
        query = sa.select(Case, Ticket).join(Ticket, Ticket.id == Case.ticket_id)
        if q.kinds:
            query = query.where(Case.kind.in_(q.kinds))
        if q.statuses:
            query = query.where(Case.status.in_(q.statuses))
        if q.team:
            query = query.where(Ticket.team == q.team)
        if q.customer_id is not None:
            query = query.where(Case.customer_id == q.customer_id)
        if q.overdue_at is not None:
            query = query.where(Case.status.in_(WITH_US), Case.review_due < q.overdue_at)
        total = self.session.scalar(
            sa.select(sa.func.count()).select_from(query.with_only_columns(Case.id).subquery())
        ) or 0
        column = getattr(Case, _SORTABLE[q.sort.lstrip("-")])
        descending = q.sort.startswith("-")
        order = (column.desc(), Case.id.desc()) if descending else (column.asc(), Case.id.asc())
        rows = self.session.execute(
            query.order_by(*order).limit(q.per_page).offset((q.page - 1) * q.per_page)
        )
        return Page([CaseRow(case, ticket) for case, ticket in rows], total, q.page, q.per_page)

    def latest_diagnosis(self, conversation_id: int) -> dict[str, Any] | None:
        """The diagnosis card of the bot's most recent diagnosing answer in the conversation."""
        query = (
            sa.select(Message.data)
            .where(Message.conversation_id == conversation_id, Message.author == Author.BOT)
            .order_by(Message.id.desc()).limit(_DIAGNOSIS_LOOKBACK)
        )
        for data in self.session.scalars(query):
            if isinstance(data, dict) and isinstance(data.get("diagnosis"), dict):
                return data["diagnosis"]
        return None

    def customer_language(self, conversation_id: int) -> str | None:
        """The language the customer last wrote in, which may differ from the conversation's."""
        return self.session.scalar(
            sa.select(Message.language)
            .where(Message.conversation_id == conversation_id,
                   Message.author == Author.CUSTOMER)
            .order_by(Message.id.desc()).limit(1)
        )
