"""Loading and saving aggregates; queries the services need, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..domain.agents import Agent, AgentSession, Team
from ..domain.conversations import Conversation, Message
from ..domain.customers import Customer
from ..domain.events import Event
from ..domain.knowledge import Article, ArticleStatus, ArticleVersion, KnowledgeGap
from ..domain.sla import Priority, SlaPolicy
from ..domain.tickets import ACTIVE, Ticket, TicketStatus
from . import tables

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int


@dataclass(frozen=True)
class TicketQuery:
    """Search filters; every field optional. `sort` names a column, '-' for descending."""

    text: str | None = None
    statuses: tuple[TicketStatus, ...] = ()
    priorities: tuple[Priority, ...] = ()
    team: str | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    customer_id: int | None = None
    breaching_by: datetime | None = None
    sort: str = "-id"
    page: int = 1
    per_page: int = 25


_t = tables.tickets.c
SORTABLE = {
    "id": _t.id, "created": _t.created_at, "updated": _t.updated_at, "priority": _t.priority,
    "first_response_due": _t.first_response_due, "resolution_due": _t.resolution_due,
}


class Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)


class Customers(Repository):
    def get(self, customer_id: int) -> Customer | None:
        return self.session.get(Customer, customer_id)

    def by_ref(self, ref: str) -> Customer | None:
        return self.session.scalar(sa.select(Customer).where(Customer.ref == ref))

    def count(self) -> int:
        return self.session.scalar(sa.select(sa.func.count()).select_from(Customer)) or 0


class Agents(Repository):
    def get(self, agent_id: int) -> Agent | None:
        return self.session.get(Agent, agent_id)

    def by_username(self, username: str, *, lock: bool = False) -> Agent | None:
        query = sa.select(Agent).where(Agent.username == username)
        return self.session.scalar(query.with_for_update() if lock else query)

    def all(self) -> list[Agent]:
        return list(self.session.scalars(sa.select(Agent).order_by(Agent.id)))

    def team(self, name: str) -> Team | None:
        return self.session.get(Team, name)

    def teams(self) -> list[Team]:
        return list(self.session.scalars(sa.select(Team).order_by(Team.name)))

    def session_for(self, token_hash: str) -> AgentSession | None:
        return self.session.get(AgentSession, token_hash)

    def end_session(self, token_hash: str) -> None:
        self.session.execute(sa.delete(AgentSession).where(AgentSession.token_hash == token_hash))

    def purge_sessions(self, now: datetime) -> None:
        self.session.execute(sa.delete(AgentSession).where(AgentSession.expires_at <= now))


class Conversations(Repository):
    def get(self, conversation_id: int) -> Conversation | None:
        return self.session.get(Conversation, conversation_id)

    def for_customer(self, customer_id: int, page: int, per_page: int) -> Page[Conversation]:
        query = sa.select(Conversation).where(Conversation.customer_id == customer_id)
        return _page(self.session, query, (Conversation.id.desc(),), page, per_page)

    def for_visitor(self, token_hash: str, page: int, per_page: int) -> Page[Conversation]:
        query = sa.select(Conversation).where(
            Conversation.customer_id.is_(None), Conversation.visitor_token_hash == token_hash
        )
        return _page(self.session, query, (Conversation.id.desc(),), page, per_page)

    def message_by_client_id(self, conversation_id: int, client_id: str) -> Message | None:
        return self.session.scalar(
            sa.select(Message).where(
                Message.conversation_id == conversation_id,
                Message.client_message_id == client_id,
            )
        )

    def message(self, conversation_id: int, message_id: int) -> Message | None:
        """One message of this conversation; None if it is not there."""
        message = self.session.get(Message, message_id)
        if message is None or message.conversation_id != conversation_id:
            return None
        return message

    def messages(
        self, conversation_ids: list[int], *, internal: bool = True, after_id: int = 0
    ) -> list[Message]:
        query = sa.select(Message).where(
            Message.conversation_id.in_(conversation_ids), Message.id > after_id
        )
        if not internal:
            query = query.where(Message.internal.is_(False))
        return list(self.session.scalars(query.order_by(Message.created_at, Message.id)))


class Tickets(Repository):
    def for_customer(self, customer_id: int, page: int, per_page: int) -> Page[Ticket]:
        query = sa.select(Ticket).where(Ticket.customer_id == customer_id)
        return _page(self.session, query, (Ticket.id.desc(),), page, per_page)

    def get(self, ticket_id: int, *, lock: bool = False) -> Ticket | None:
        return self.session.get(Ticket, ticket_id, with_for_update=lock)

    def for_conversation(self, conversation_id: int) -> Ticket | None:
        query = sa.select(Ticket).where(Ticket.conversation_id == conversation_id)
        return self.session.scalar(query)

    def merged_into(self, ticket_id: int) -> list[Ticket]:
        return list(self.session.scalars(
            sa.select(Ticket).where(Ticket.merged_into_id == ticket_id).order_by(Ticket.id)
        ))

    def search(self, q: TicketQuery) -> Page[Ticket]:
        query = sa.select(Ticket)
        if q.text:
            pattern = f"%{_escape_like(q.text)}%"
            in_messages = sa.select(Message.conversation_id).where(
                Message.body.ilike(pattern, escape="\\")
            )
            query = query.where(sa.or_(
                Ticket.subject.ilike(pattern, escape="\\"),
                Ticket.conversation_id.in_(in_messages),
            ))
        if q.statuses:
            query = query.where(Ticket.status.in_(q.statuses))
        if q.priorities:
            query = query.where(Ticket.priority.in_(q.priorities))
        if q.team:
            query = query.where(Ticket.team == q.team)
        if q.assignee_id is not None:
            query = query.where(Ticket.assignee_id == q.assignee_id)
        if q.unassigned:
            query = query.where(Ticket.assignee_id.is_(None))
        if q.customer_id is not None:
            query = query.where(Ticket.customer_id == q.customer_id)
        if q.breaching_by is not None:
            query = query.where(Ticket.status.in_(ACTIVE), sa.or_(
                sa.and_(
                    Ticket.first_responded_at.is_(None),
                    Ticket.first_response_due <= q.breaching_by,
                ),
                Ticket.resolution_due <= q.breaching_by,
            ))
        column = SORTABLE[q.sort.lstrip("-")]
        order = (column.desc(), _t.id.desc()) if q.sort.startswith("-") else (
            column.asc(), _t.id.asc())
        return _page(self.session, query, order, q.page, q.per_page)


class Events(Repository):
    def add(self, obj: object) -> None:
        self.session.add(obj)
        self.session.info["events_added"] = True  # the unit of work seals them after commit

    def for_ticket(self, ticket_ids: list[int]) -> list[Event]:
        query = sa.select(Event).where(Event.ticket_id.in_(ticket_ids))
        return list(self.session.scalars(query.order_by(Event.id)))

    def for_conversation(self, conversation_id: int) -> list[Event]:
        query = sa.select(Event).where(Event.conversation_id == conversation_id)
        return list(self.session.scalars(query.order_by(Event.id)))


class Policies(Repository):
    def get(self, priority: Priority) -> SlaPolicy:
        policy = self.session.get(SlaPolicy, priority)
        if policy is None:
            raise LookupError(f"no SLA policy for {priority}")
        return policy

    def all(self) -> list[SlaPolicy]:
        return list(self.session.scalars(sa.select(SlaPolicy).order_by(SlaPolicy.priority)))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _page(session: Session, query: sa.Select, order: tuple, page: int, per_page: int) -> Page:
    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(*order).limit(per_page).offset((page - 1) * per_page))
    return Page(list(rows), total, page, per_page)


class Knowledge(Repository):
    def get(self, article_id: int) -> Article | None:
        return self.session.get(Article, article_id)

    def by_slug(self, slug: str, language: str) -> Article | None:
        query = sa.select(Article).where(Article.slug == slug, Article.language == language)
        return self.session.scalar(query)

    def articles(
        self, *, language: str | None = None, status: ArticleStatus | None = None,
        intent: str | None = None, page: int = 1, per_page: int = 50,
    ) -> Page[Article]:
        query = sa.select(Article)
        if language:
            query = query.where(Article.language == language)
        if status:
            query = query.where(Article.status == status)
        if intent:
            query = query.where(Article.intent == intent)
        return _page(self.session, query, (Article.slug, Article.language), page, per_page)

    def published(self) -> list[Article]:
        query = sa.select(Article).where(Article.status == ArticleStatus.PUBLISHED)
        return list(self.session.scalars(query.order_by(Article.id)))

    def versions(self, article_id: int) -> list[ArticleVersion]:
        query = sa.select(ArticleVersion).where(ArticleVersion.article_id == article_id)
        return list(self.session.scalars(query.order_by(ArticleVersion.version)))

    def gaps(self, since: datetime, limit: int) -> list[KnowledgeGap]:
        query = sa.select(KnowledgeGap).where(KnowledgeGap.at >= since)
        return list(self.session.scalars(query.order_by(KnowledgeGap.id.desc()).limit(limit)))
