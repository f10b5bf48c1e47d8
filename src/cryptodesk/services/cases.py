"""Cases: opened from a conversation, decided by the team the kind belongs to, and every step
told to the customer in their language with the date they will hear back by.

No commits here; callers commit. The exchange is told before anything is written: the built-in
ledger shares the database, and SQLite lets one writer in at a time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ..domain.agents import Agent
from ..domain.cases import (
    MAX_NOTE_CHARS,
    ROUTING,
    Case,
    CaseKind,
    CaseStatus,
    clean_note,
    clean_summary,
    parse_kind,
)
from ..domain.conversations import Conversation, ConversationState, Message
from ..domain.customers import Customer
from ..domain.events import Actor, Change, Event
from ..domain.sla import Priority
from ..domain.tickets import TRANSITIONS as TICKET_TRANSITIONS
from ..domain.tickets import Ticket, TicketStatus
from ..errors import Conflict, NotFound
from ..i18n import t
from ..platform import CaseRequest, Platform, PlatformUnavailable, UnknownCustomer
from ..store.case_repository import CaseQuery, CaseRow
from ..store.repositories import Page
from ..store.unit_of_work import UnitOfWork
from . import audit, shielding
from . import case_notices as notices
from . import conversations as conversation_services  # a module: conversations may call back
from .access import CustomerViewer

log = logging.getLogger("cryptodesk.cases")
Opener = CustomerViewer | Agent
_URGENCY = (Priority.P1, Priority.P2, Priority.P3, Priority.P4)


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    events: list[Event]


def open_case(
    uow: UnitOfWork, platform: Platform, opener: Opener, conversation: Conversation,
    kind: CaseKind | str, now: datetime, evidence: str | None = None,
    summary: str | None = None,
) -> Case:
    """Open a case on the conversation's ticket, with its latest diagnosis and `evidence` (text
    the opener attaches) as evidence, and tell the exchange and the customer."""
    kind = parse_kind(str(kind))
    customer, ticket = _openable(uow, opener, conversation)
    note = shielding.redact(clean_note(evidence, "evidence")) if evidence else None
    title = shielding.redact(summary) if summary else None
    text = clean_summary(title.text if title else None,
                         f"{t(f'case.kind.{kind}', 'en')}: {conversation.subject}")
    diagnosis = uow.cases.latest_diagnosis(conversation.id)
    ref, error = _tell_exchange(platform, CaseRequest(
        customer_ref=customer.ref, kind=str(kind), summary=text,
        evidence={"diagnosis": diagnosis, "notes": [note.text] if note else []},
    ))
    # Reads end here; writes start.
    ticket, changes = _route(uow, conversation, ticket, kind, opener.actor, now)
    case = Case.open(ticket_id=ticket.id, conversation_id=conversation.id,
                     customer_id=customer.id, kind=kind, summary=text, now=now,
                     diagnosis=diagnosis)
    uow.cases.add(case)
    try:
        uow.flush()
    except IntegrityError:  # opened twice at once: the other request won
        uow.rollback()
        raise _exists(None) from None
    changes.append(Change("case.opened", None, {
        "case_id": case.id, "kind": str(kind), "review_due": case.review_due.isoformat()}))
    if note:
        changes.append(case.attach(note.text, str(opener.actor.kind), opener.actor.name, now))
    changes.append(case.exchange_told(ref) if ref else case.exchange_not_told(error))
    audit.record(uow, changes, opener.actor, now, ticket_id=ticket.id,
                 conversation_id=conversation.id)
    notices.tell(uow, case, "case.opened", now,
                 agent=opener if isinstance(opener, Agent) else None)
    if isinstance(opener, CustomerViewer):
        notices.warn_of_secrets(uow, case, opener.actor, now, note, title)
    return case


def _openable(
    uow: UnitOfWork, opener: Opener, conversation: Conversation
) -> tuple[Customer, Ticket | None]:
    """The customer and the ticket a case would join, or why no case can open here."""
    if isinstance(opener, CustomerViewer) and conversation.customer_id != opener.customer_id:
        raise NotFound(f"Conversation {conversation.id} was not found.",
                       f"未找到会话 {conversation.id}。", value=conversation.id)
    conversation.ensure_open()
    customer = uow.customers.get(conversation.customer_id) if conversation.customer_id else None
    if customer is None:
        raise Conflict("Only a customer signed in through the exchange can open a case.",
                       "只有通过交易所登录的客户才能提交申请。", code="customer_required",
                       value=conversation.id)
    ticket = conversation_services.active_ticket(uow, conversation)
    existing = uow.cases.for_conversation(conversation.id) or (
        uow.cases.for_ticket(ticket.id) if ticket is not None else None)
    if existing is not None:
        raise _exists(existing.id)
    if ticket is not None and ticket.status is TicketStatus.CLOSED:
        raise Conflict(f"Ticket #{ticket.id} is closed.", f"工单 #{ticket.id} 已关闭。",
                       code="ticket_closed", value=ticket.id)
    return customer, ticket


def _exists(case_id: int | None) -> Conflict:
    shown = f" #{case_id}" if case_id else ""
    return Conflict(f"This conversation already has case{shown}.", f"该会话已有申请{shown}。",
                    code="case_exists", value=case_id)


def review(uow: UnitOfWork, agent: Agent, case_id: int, now: datetime) -> Case:
    """Start the review, or resume it without waiting longer for the customer."""
    case = access_case(uow, agent, case_id, lock=True)
    resumed = case.status is CaseStatus.NEEDS_INFO
    _apply(uow, case, case.review(now), agent.actor, now, TicketStatus.OPEN)
    notices.tell(uow, case, "case.resumed" if resumed else "case.under_review", now,
                 agent=agent)
    return case


def request_info(uow: UnitOfWork, agent: Agent, case_id: int, note: str, now: datetime) -> Case:
    case = access_case(uow, agent, case_id, lock=True)
    changes = case.request_info(shielding.redact(clean_note(note)).text, now)
    _apply(uow, case, changes, agent.actor, now, TicketStatus.PENDING_CUSTOMER, replied=True)
    notices.tell(uow, case, "case.needs_info", now, agent=agent, note=case.info_request)
    return case


def approve(uow: UnitOfWork, agent: Agent, case_id: int, note: str, now: datetime) -> Case:
    return _decide(uow, agent, case_id, note, now, approved=True)


def reject(uow: UnitOfWork, agent: Agent, case_id: int, note: str, now: datetime) -> Case:
    return _decide(uow, agent, case_id, note, now, approved=False)


def close(uow: UnitOfWork, agent: Agent, case_id: int, now: datetime) -> Case:
    case = access_case(uow, agent, case_id, lock=True)
    _apply(uow, case, case.close(now), agent.actor, now, TicketStatus.RESOLVED)
    notices.tell(uow, case, "case.closed", now, agent=agent)
    return case


def customer_replied(
    uow: UnitOfWork, actor: Actor, conversation: Conversation, now: datetime,
    message: Message | None = None,
) -> Case | None:
    """The customer wrote while their case waited on them: keep the answer, resume the review."""
    case = uow.cases.for_conversation(conversation.id)
    if case is None or case.status is not CaseStatus.NEEDS_INFO:
        return None
    changes = []
    if message is not None and message.body.strip():
        changes.append(case.attach(message.body[:MAX_NOTE_CHARS], str(actor.kind), actor.name,
                                   now))
    _apply(uow, case, [*changes, *case.review(now)], actor, now, None)
    notices.tell(uow, case, "case.resumed", now)
    return case


def add_evidence(uow: UnitOfWork, who: Opener, case_id: int, text: str, now: datetime) -> Case:
    """More evidence in words; from the customer it also answers a request for information."""
    case = (access_customer_case(uow, who, case_id) if isinstance(who, CustomerViewer)
            else access_case(uow, who, case_id, lock=True))
    shielded = shielding.redact(clean_note(text, "text"))
    changes = [case.attach(shielded.text, str(who.actor.kind), who.actor.name, now)]
    if isinstance(who, CustomerViewer) and case.status is CaseStatus.NEEDS_INFO:
        _apply(uow, case, [*changes, *case.review(now)], who.actor, now, None)
        notices.tell(uow, case, "case.resumed", now)
    else:
        _apply(uow, case, changes, who.actor, now, None)
    if isinstance(who, CustomerViewer):
        notices.warn_of_secrets(uow, case, who.actor, now, shielded)
    return case


def notify_exchange(
    uow: UnitOfWork, platform: Platform, agent: Agent, case_id: int, now: datetime
) -> Case:
    """Try again to tell the exchange of a case it did not hear about when it was opened."""
    case = access_case(uow, agent, case_id, lock=True)  # one retry at a time
    if case.exchange_ref is not None:
        raise Conflict(f"The exchange already knows case #{case.id} as {case.exchange_ref}.",
                       f"交易所已登记申请 #{case.id}（{case.exchange_ref}）。",
                       code="exchange_already_told", value=case.id)
    customer = uow.customers.get(case.customer_id)
    assert customer is not None
    ref, error = _tell_exchange(platform, CaseRequest(
        customer_ref=customer.ref, kind=str(case.kind), summary=case.summary,
        evidence=dict(case.evidence),
    ))
    change = case.exchange_told(ref) if ref else case.exchange_not_told(error)
    _apply(uow, case, [change], agent.actor, now, None)
    return case


def search(uow: UnitOfWork, query: CaseQuery) -> Page[CaseRow]:
    return uow.cases.search(query)


def detail(uow: UnitOfWork, agent: Agent, case_id: int) -> CaseDetail:
    case = access_case(uow, agent, case_id)
    ticket = uow.tickets.get(case.ticket_id)
    assert ticket is not None
    events = [e for e in uow.events.for_ticket([ticket.id]) if e.kind.startswith("case.")]
    return CaseDetail(CaseRow(case, ticket), events)


def customer_cases(
    uow: UnitOfWork, viewer: CustomerViewer, page: int, per_page: int
) -> Page[Case]:
    return uow.cases.for_customer(viewer.customer_id, page, per_page)


def customer_case(
    uow: UnitOfWork, viewer: CustomerViewer, case_id: int
) -> tuple[Case, list[Message]]:
    """A customer's own case and the public side of its conversation."""
    case = access_customer_case(uow, viewer, case_id)
    return case, uow.conversations.messages([case.conversation_id], internal=False)


def access_case(uow: UnitOfWork, agent: Agent, case_id: int, *, lock: bool = False) -> Case:
    case = uow.cases.get(case_id, lock=lock)
    if case is None or not agent.active:
        raise _missing(case_id)
    return case


def access_customer_case(uow: UnitOfWork, viewer: CustomerViewer, case_id: int) -> Case:
    """Another customer's case is simply not found."""
    case = uow.cases.get(case_id)
    if case is None or case.customer_id != viewer.customer_id:
        raise _missing(case_id)
    return case


def _missing(case_id: int) -> NotFound:
    return NotFound(f"Case {case_id} was not found.", f"未找到申请 {case_id}。", value=case_id)


def _decide(
    uow: UnitOfWork, agent: Agent, case_id: int, note: str, now: datetime, *, approved: bool
) -> Case:
    case = access_case(uow, agent, case_id, lock=True)
    text = shielding.redact(clean_note(note)).text
    changes = case.approve(text, now) if approved else case.reject(text, now)
    _apply(uow, case, changes, agent.actor, now, TicketStatus.RESOLVED, replied=True)
    notices.tell(uow, case, "case.approved" if approved else "case.rejected", now,
                 agent=agent, note=case.decision_note)
    return case


def _tell_exchange(platform: Platform, request: CaseRequest) -> tuple[str | None, str]:
    """The exchange's reference, or why it could not be told (the case opens either way)."""
    try:
        return platform.create_case(request)[:128], ""
    except PlatformUnavailable as exc:
        log.warning("the exchange was not told of a %s case: %s", request.kind, exc)
        return None, "unavailable"
    except UnknownCustomer:
        log.warning("the exchange does not know customer %s", request.customer_ref)
        return None, "unknown_customer"


def _route(
    uow: UnitOfWork, conversation: Conversation, ticket: Ticket | None, kind: CaseKind,
    actor: Actor, now: datetime,
) -> tuple[Ticket, list[Change]]:
    """The conversation's ticket, with the kind's team, priority (or a more urgent one) and tag."""
    routing = ROUTING[kind]
    if ticket is None:
        created = conversation_services.hand_off(
            uow, conversation, now=now, actor=actor, category=routing.category,
            priority=routing.priority, team=routing.team, tags=[str(kind)], acknowledge=False,
        )
        return created, []
    changes: list[Change] = []
    if ticket.status is TicketStatus.RESOLVED:
        changes.append(ticket.set_status(TicketStatus.OPEN, now))
    if ticket.team != routing.team:
        changes += ticket.escalate(routing.team, now)
        if conversation.state in (ConversationState.BOT, ConversationState.ASSIGNED):
            changes.append(conversation.move_to(ConversationState.QUEUED))
    if _URGENCY.index(routing.priority) < _URGENCY.index(ticket.priority):
        changes.append(ticket.set_priority(routing.priority, uow.policies.get(routing.priority),
                                           now))
    if str(kind) not in ticket.tags:
        changes.append(ticket.set_tags([*ticket.tags, str(kind)], now))
    return ticket, changes


def _apply(
    uow: UnitOfWork, case: Case, changes: list[Change], actor: Actor, now: datetime,
    ticket_status: TicketStatus | None, *, replied: bool = False,
) -> None:
    """Record the case's changes, keeping its ticket in step where the ticket allows it."""
    ticket = uow.tickets.get(case.ticket_id)
    if ticket is not None and ticket.status is not TicketStatus.CLOSED:
        if replied:
            changes = [*changes, *ticket.record_agent_reply(now)]
        if (ticket_status is not None and ticket.status is not ticket_status
                and ticket_status in TICKET_TRANSITIONS[ticket.status]):
            changes = [*changes, ticket.set_status(ticket_status, now)]
    audit.record(uow, changes, actor, now, ticket_id=case.ticket_id,
                 conversation_id=case.conversation_id)
