"""What the console's pages show, read in one unit of work each: queues, rows, a ticket."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..brain.classifier import IntentModel
from ..domain.agents import Agent, Team
from ..domain.cases import CaseKind, CaseStatus
from ..domain.conversations import Author, Conversation, Message
from ..domain.customers import Customer
from ..domain.feedback import Attachment, Rating
from ..domain.tickets import Ticket
from ..platform import Platform
from ..platform.models import Account, Balance, Deposit, Order, SecurityEvent, Withdrawal
from ..platform.port import PlatformUnavailable, UnknownCustomer
from ..services import answering, kb_search, shielding
from ..services import attachments as attachment_services
from ..services import canned as canned_services
from ..services import tickets as ticket_services
from ..services.link_guard import PHISHING_TAG
from ..store.repositories import TicketQuery
from ..store.unit_of_work import UnitOfWork
from .page_text import Text

log = logging.getLogger("cryptodesk.web")
AT_RISK_MINUTES = 60
QUEUE_SIZE = 50
PANEL_ROWS = 5
SUGGESTED_ARTICLES = 3


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
    rating: Rating | None = None
    attachments: list[Attachment] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # security flags, most serious first
    diagnosis: dict[str, Any] | None = None  # the bot's latest diagnosis card
    canned: list[canned_services.FilledGroup] = field(default_factory=list)  # filled in

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
    conversation_ids = [ticket.conversation_id, *(m.conversation_id for m in detail.merged)]
    conversation = uow.conversations.get(ticket.conversation_id)
    language = conversation.language if conversation else customer.language if customer else "en"
    return TicketView(
        detail=detail, customer=customer, conversation=conversation,
        agents={a.id: a for a in uow.agents.all() if a.id is not None},
        teams=uow.agents.teams(),
        first_response=target(ticket.first_response_due, ticket.first_responded_at, now),
        resolution=target(ticket.resolution_due, ticket.resolved_at, now),
        rating=uow.feedback.rating_for(ticket.id),
        attachments=attachment_services.of_conversations(uow, conversation_ids),
        flags=security_flags(uow, ticket, detail.messages),
        diagnosis=uow.cases.latest_diagnosis(ticket.conversation_id),
        canned=canned_services.for_ticket(uow, agent, ticket, customer, language),
    )


def security_flags(uow: UnitOfWork, ticket: Ticket, messages: list[Message]) -> list[str]:
    """Tags the shield and link guard set, a secret redacted before the ticket existed, and an
    open security incident."""
    flags = []
    case = uow.cases.for_ticket(ticket.id) if ticket.id is not None else None
    if case is not None and case.kind is CaseKind.SECURITY_INCIDENT \
            and case.status is not CaseStatus.CLOSED:
        flags.append("flag.incident")
    if shielding.SECRET_TAG in ticket.tags or any(
        m.data and m.data.get("redacted") for m in messages
    ):
        flags.append("flag.secret")
    if PHISHING_TAG in ticket.tags:
        flags.append("flag.phishing")
    return flags


@dataclass(frozen=True)
class AccountPanel:
    """The customer's exchange account as the exchange reports it right now."""

    account: Account | None = None
    balances: list[Balance] = field(default_factory=list)
    deposits: list[Deposit] = field(default_factory=list)
    withdrawals: list[Withdrawal] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    security_events: list[SecurityEvent] = field(default_factory=list)
    unavailable: bool = False  # the exchange did not answer
    unknown: bool = False  # the exchange has no such account


def account_panel(platform: Platform, ref: str) -> AccountPanel:
    """Read through the Platform port; an exchange that does not answer only empties the panel."""
    try:
        return AccountPanel(
            account=platform.account(ref),
            balances=[b for b in platform.balances(ref) if b.available or b.locked],
            deposits=list(platform.deposits(ref, limit=PANEL_ROWS))[:PANEL_ROWS],
            withdrawals=list(platform.withdrawals(ref, limit=PANEL_ROWS))[:PANEL_ROWS],
            orders=list(platform.orders(ref, limit=PANEL_ROWS))[:PANEL_ROWS],
            security_events=list(platform.security_events(ref, limit=PANEL_ROWS))[:PANEL_ROWS],
        )
    except PlatformUnavailable:
        return AccountPanel(unavailable=True)
    except UnknownCustomer:
        return AccountPanel(unknown=True)


@dataclass(frozen=True)
class SuggestedArticle:
    slug: str
    title: str
    text: str  # what "insert" puts in the reply box


@dataclass(frozen=True)
class Suggestion:
    """What the answer engine would say to the customer's latest message, and related articles."""

    question: str | None = None
    intent: str | None = None
    confidence: float | None = None
    move: str | None = None
    text: str = ""
    articles: list[SuggestedArticle] = field(default_factory=list)
    failed: bool = False


def latest_question(messages: list[Message]) -> str | None:
    for message in reversed(messages):
        if message.author is Author.CUSTOMER and not message.internal and not (
            message.data and "attachment" in message.data
        ):
            return message.body
    return None


def suggestion(
    uow: UnitOfWork, view: TicketView, model: Callable[[], IntentModel], platform: Platform,
    now: datetime, public_url: str,
) -> Suggestion:
    question = latest_question(view.detail.messages)
    if question is None:
        return Suggestion()
    language = view.conversation.language if view.conversation else "en"
    try:
        ctx = answering.Context(model=model(), platform=platform, now=now, public_url=public_url,
                                customer_ref=view.customer.ref if view.customer else None)
        reply = answering.compose(uow, ctx, question)
    except Exception:  # a suggestion is a convenience: the ticket page must still open
        log.exception("no suggestion for ticket %s", view.ticket.id)
        return Suggestion(question=question, failed=True)
    articles = []
    for hit in kb_search.search(uow, question, language=language, limit=SUGGESTED_ARTICLES):
        article = uow.knowledge.by_slug(hit.key, hit.language)
        if article is not None:
            articles.append(SuggestedArticle(
                article.slug, article.title,
                answering.summarise(article, hit.language, public_url)))
    return Suggestion(question=question, intent=reply.decision.intent,
                      confidence=reply.decision.confidence, move=str(reply.decision.move),
                      text=reply.text, articles=articles)
