"""Agents' work on tickets. One write path: console, API, email and chat all come through here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..domain.agents import Agent
from ..domain.channels import staff_id
from ..domain.conversations import Author, ConversationState, Message
from ..domain.events import Change, Event
from ..domain.sla import Priority
from ..domain.tickets import Ticket, TicketStatus
from ..errors import InvalidInput, NotFound
from ..i18n import guess_language, t
from ..store.repositories import Page, TicketQuery
from ..store.unit_of_work import UnitOfWork
from . import audit, shielding, validation
from .access import access_ticket


@dataclass(frozen=True)
class TicketDetail:
    ticket: Ticket
    messages: list[Message]
    events: list[Event]
    merged: list[Ticket]


def detail(uow: UnitOfWork, agent: Agent, ticket_id: int) -> TicketDetail:
    ticket = access_ticket(uow, agent, ticket_id)
    merged = uow.tickets.merged_into(ticket.id)
    group = [ticket, *merged]
    messages = uow.conversations.messages([t.conversation_id for t in group])
    events = uow.events.for_ticket([t.id for t in group])
    return TicketDetail(ticket, messages, events, merged)


def reply(
    uow: UnitOfWork, agent: Agent, ticket_id: int, body: str, now: datetime,
    status: TicketStatus | None = TicketStatus.PENDING_CUSTOMER,
) -> Message:
    """Answer the customer; by default the ticket then waits for them."""
    ticket = access_ticket(uow, agent, ticket_id, lock=True)
    text = shielding.redact(validation.message_body(body)).text
    conversation = uow.conversations.get(ticket.conversation_id)
    assert conversation is not None
    conversation.ensure_open()
    message = Message(
        conversation_id=conversation.id, author=Author.AGENT, body=text, agent_id=agent.id,
        language=guess_language(text, conversation.language), created_at=now,
        data={"staff_id": staff_id(agent)},  # customers can check it with the verify service
    )
    conversation.updated_at = now
    audit.post(uow, message)
    changes = [Change("message.agent", None, message.id), *ticket.record_agent_reply(now)]
    if status is not None and status is not ticket.status:
        changes.append(ticket.set_status(status, now))
    audit.record(uow, changes, agent.actor, now, ticket_id=ticket.id,
                 conversation_id=conversation.id)
    return message


def add_note(uow: UnitOfWork, agent: Agent, ticket_id: int, body: str, now: datetime) -> Message:
    ticket = access_ticket(uow, agent, ticket_id)
    text = shielding.redact(validation.message_body(body)).text
    note = Message(
        conversation_id=ticket.conversation_id, author=Author.AGENT, body=text, internal=True,
        agent_id=agent.id, language=guess_language(text), created_at=now,
    )
    ticket.updated_at = now
    audit.post(uow, note)
    audit.record(uow, [Change("message.note", None, note.id)], agent.actor, now,
                 ticket_id=ticket.id)
    return note


def assign(
    uow: UnitOfWork, agent: Agent, ticket_id: int, assignee_username: str | None, now: datetime
) -> Ticket:
    ticket = access_ticket(uow, agent, ticket_id, lock=True)
    assignee = None
    if assignee_username is not None:
        assignee = uow.agents.by_username(assignee_username)
        if assignee is None or not assignee.active:
            raise NotFound(
                f"No active agent is called {assignee_username}.",
                f"没有名为 {assignee_username} 的在职客服。",
                field="assignee", value=assignee_username,
            )
    new_id = assignee.id if assignee else None
    if new_id == ticket.assignee_id:
        return ticket
    changes = [ticket.assign(new_id, now)]
    if ticket.status is TicketStatus.NEW and new_id is not None:
        changes.append(ticket.set_status(TicketStatus.OPEN, now))
    changes += _sync_conversations(
        uow, ticket, ConversationState.ASSIGNED if new_id else ConversationState.QUEUED
    )
    audit.record(uow, changes, agent.actor, now, ticket_id=ticket.id)
    return ticket


def set_status(
    uow: UnitOfWork, agent: Agent, ticket_id: int, status: TicketStatus, now: datetime
) -> Ticket:
    ticket = access_ticket(uow, agent, ticket_id, lock=True)
    changes = [ticket.set_status(status, now)]
    if status is TicketStatus.CLOSED:
        changes += _sync_conversations(uow, ticket, ConversationState.CLOSED)
    audit.record(uow, changes, agent.actor, now, ticket_id=ticket.id)
    return ticket


def set_priority(
    uow: UnitOfWork, agent: Agent, ticket_id: int, priority: Priority, now: datetime
) -> Ticket:
    ticket = access_ticket(uow, agent, ticket_id, lock=True)
    if priority is ticket.priority:
        return ticket
    change = ticket.set_priority(priority, uow.policies.get(priority), now)
    audit.record(uow, [change], agent.actor, now, ticket_id=ticket.id)
    return ticket


def set_tags(
    uow: UnitOfWork, agent: Agent, ticket_id: int, tags: list[str], now: datetime
) -> Ticket:
    ticket = access_ticket(uow, agent, ticket_id, lock=True)
    audit.record(uow, [ticket.set_tags(tags, now)], agent.actor, now, ticket_id=ticket.id)
    return ticket


def escalate(
    uow: UnitOfWork, agent: Agent, ticket_id: int, team: str, now: datetime,
    note: str | None = None,
) -> Ticket:
    ticket = access_ticket(uow, agent, ticket_id, lock=True)
    if uow.agents.team(team) is None:
        raise NotFound(f"There is no team called {team}.", f"没有名为 {team} 的团队。",
                       field="team", value=team)
    changes = ticket.escalate(team, now)
    if ticket.status in (TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER):
        changes.append(ticket.set_status(TicketStatus.PENDING_INTERNAL, now))
    changes += _sync_conversations(uow, ticket, ConversationState.QUEUED)
    audit.record(uow, changes, agent.actor, now, ticket_id=ticket.id)
    if note:
        add_note(uow, agent, ticket.id, note, now)
    return ticket


def merge(uow: UnitOfWork, agent: Agent, source_id: int, target_id: int, now: datetime) -> Ticket:
    """Close `source` as a duplicate; its thread shows under `target` from now on."""
    if source_id == target_id:
        raise InvalidInput("A ticket cannot be merged into itself.", "工单不能合并到自身。",
                           field="target_id", value=target_id)
    first, second = sorted((source_id, target_id))  # a fixed lock order avoids deadlocks
    locked = {i: access_ticket(uow, agent, i, lock=True) for i in (first, second)}
    source, target = locked[source_id], locked[target_id]
    audit.record(uow, source.merge_into(target, now), agent.actor, now, ticket_id=source.id)
    audit.post(uow, Message(
        conversation_id=target.conversation_id, author=Author.SYSTEM, internal=True,
        body=t("ticket.merged_note", "en", source=source.id), language="en", created_at=now,
    ))
    audit.record(uow, [Change("ticket.merged_from", None, source.id)], agent.actor, now,
                 ticket_id=target.id)
    return target


def search(uow: UnitOfWork, query: TicketQuery) -> Page[Ticket]:
    return uow.tickets.search(query)


def _sync_conversations(uow: UnitOfWork, ticket: Ticket, state: ConversationState) -> list[Change]:
    """Keep the customer-facing conversations of a ticket (and those merged in) in step."""
    changes = []
    ids = [ticket.conversation_id] + [m.conversation_id for m in uow.tickets.merged_into(ticket.id)]
    for conversation_id in ids:
        conversation = uow.conversations.get(conversation_id)
        if conversation is not None and conversation.state not in (state, ConversationState.CLOSED):
            changes.append(conversation.move_to(state))
    return changes


QUEUES = ("mine", "team", "unassigned", "sla")


def queue_query(
    agent: Agent, name: str, now: datetime, *, within_minutes: int = 60, page: int = 1,
    per_page: int = 25,
) -> TicketQuery:
    """The standing views of the inbox, oldest due first."""
    active = tuple(s for s in TicketStatus if s not in (TicketStatus.RESOLVED, TicketStatus.CLOSED))
    common = {"statuses": active, "page": page, "per_page": per_page, "sort": "resolution_due"}
    if name == "mine":
        return TicketQuery(assignee_id=agent.id, **common)
    if name == "team":
        return TicketQuery(team=agent.team, **common)
    if name == "unassigned":
        return TicketQuery(unassigned=True, **common)
    if name == "sla":
        return TicketQuery(breaching_by=now + timedelta(minutes=within_minutes), **common)
    raise InvalidInput(
        f"Unknown queue {name!r}.", f"未知队列 {name!r}。", field="queue", value=name
    )
