"""What the console's pages show, read in one unit of work each: queues, rows, a ticket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..domain.agents import Agent, Team
from ..domain.conversations import Conversation
from ..domain.customers import Customer
from ..domain.tickets import Ticket
from ..services import tickets as ticket_services
from ..store.repositories import TicketQuery
from ..store.unit_of_work import UnitOfWork
from .page_text import Text

AT_RISK_MINUTES = 60
QUEUE_SIZE = 50


@dataclass(frozen=True)
class Sla:
    kind: str  # sla.first_response | sla.resolution | sla.done
    due: datetime | None
    state: str  # breached | at_risk | ok | met

    def describe(self, tr: Text, now: datetime) -> str:
        if self.due is None:
            return tr("sla.done")
        if self.state == "met":
            return tr("sla.met")
        return tr(f"sla.{self.state}", span=span(tr, abs(self.due - now)))


def span(tr: Text, delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return tr("span.minutes", m=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return tr("span.hours", h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return tr("span.days", d=days, h=hours)


def _state(due: datetime, now: datetime) -> str:
    if due <= now:
        return "breached"
    return "at_risk" if due <= now + timedelta(minutes=AT_RISK_MINUTES) else "ok"


def sla_of(ticket: Ticket, now: datetime) -> Sla:
    """The next target the ticket must meet: the first answer, then the resolution."""
    if not ticket.is_active:
        return Sla("sla.done", None, "met")
    if ticket.first_responded_at is None:
        due = ticket.first_response_due
        return Sla("sla.first_response", due, _state(due, now))
    return Sla("sla.resolution", ticket.resolution_due, _state(ticket.resolution_due, now))


def target(due: datetime, met_at: datetime | None, now: datetime) -> Sla:
    if met_at is not None:
        return Sla("", due, "met" if met_at <= due else "breached")
    return Sla("", due, _state(due, now))


@dataclass(frozen=True)
class Row:
    ticket: Ticket
    customer: Customer | None
    assignee: Agent | None
    sla: Sla


@dataclass(frozen=True)
class Inbox:
    counts: dict[str, int]
    rows: list[Row]
    total: int


def _rows(uow: UnitOfWork, tickets: list[Ticket], now: datetime) -> list[Row]:
    agents = {a.id: a for a in uow.agents.all()}
    customers: dict[int, Customer | None] = {}
    rows = []
    for ticket in tickets:
        cid = ticket.customer_id
        if cid is not None and cid not in customers:
            customers[cid] = uow.customers.get(cid)
        rows.append(Row(ticket, customers.get(cid) if cid else None,
                        agents.get(ticket.assignee_id) if ticket.assignee_id else None,
                        sla_of(ticket, now)))
    return rows


def inbox(uow: UnitOfWork, agent: Agent, now: datetime, *, queue: str, text: str | None,
          customer_ref: str | None) -> Inbox:
    counts = {
        name: ticket_services.search(
            uow, ticket_services.queue_query(agent, name, now, within_minutes=AT_RISK_MINUTES,
                                             per_page=1)).total
        for name in ticket_services.QUEUES
    }
    if text:
        query = TicketQuery(text=text, sort="-updated", per_page=QUEUE_SIZE)
    elif customer_ref:
        found = uow.customers.by_ref(customer_ref)
        query = TicketQuery(customer_id=found.id if found else -1, sort="-updated",
                            per_page=QUEUE_SIZE)
    else:
        query = ticket_services.queue_query(agent, queue, now, within_minutes=AT_RISK_MINUTES,
                                            per_page=QUEUE_SIZE)
    page = ticket_services.search(uow, query)
    return Inbox(counts, _rows(uow, page.items, now), page.total)


@dataclass(frozen=True)
class TicketView:
    detail: ticket_services.TicketDetail
    customer: Customer | None
    conversation: Conversation | None
    agents: dict[int, Agent]
    teams: list[Team]
    first_response: Sla
    resolution: Sla

    @property
    def ticket(self) -> Ticket:
        return self.detail.ticket

    def agent_name(self, agent_id: int | None) -> str:
        found = self.agents.get(agent_id) if agent_id is not None else None
        return found.display_name if found else ""

    @property
    def active_agents(self) -> list[Agent]:
        return [a for a in self.agents.values() if a.active]


def ticket_view(uow: UnitOfWork, agent: Agent, ticket_id: int, now: datetime) -> TicketView:
    detail = ticket_services.detail(uow, agent, ticket_id)
    ticket = detail.ticket
    customer = uow.customers.get(ticket.customer_id) if ticket.customer_id else None
    return TicketView(
        detail=detail, customer=customer,
        conversation=uow.conversations.get(ticket.conversation_id),
        agents={a.id: a for a in uow.agents.all() if a.id is not None},
        teams=uow.agents.teams(),
        first_response=target(ticket.first_response_due, ticket.first_responded_at, now),
        resolution=target(ticket.resolution_due, ticket.resolved_at, now),
    )
