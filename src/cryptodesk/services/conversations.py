"""Customers' side of a conversation: open one, write in it, be handed to a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ..domain.conversations import Author, Channel, Conversation, ConversationState, Message
from ..domain.customers import Customer, Language
from ..domain.events import Actor, Change
from ..domain.sla import Priority
from ..domain.tickets import Category, Ticket
from ..errors import InvalidInput
from ..i18n import guess_language, t
from ..store.unit_of_work import UnitOfWork
from . import audit, cases, link_guard, shielding, validation
from .access import CustomerViewer, Viewer

MAX_CLIENT_ID_CHARS = 64


@dataclass(frozen=True)
class Receipt:
    """What a customer's client is told once its message is safely stored."""

    message: Message
    created: bool
    ticket_id: int | None


def open_conversation(
    uow: UnitOfWork, viewer: Viewer, *, channel: Channel, now: datetime,
    language: Language | None = None, subject: str | None = None,
) -> Conversation:
    customer = _customer(uow, viewer)
    lang: Language = language or (customer.language if customer else "en")
    conversation = Conversation(
        channel=channel, language=lang, created_at=now, updated_at=now,
        customer_id=customer.id if customer else None,
        visitor_token_hash=None if isinstance(viewer, CustomerViewer) else viewer.token_hash,
        subject=validation.subject(
            shielding.redact(subject).text if subject else None,
            t("conversation.default_subject", lang),
        ),
        state=ConversationState.BOT if channel is Channel.CHAT else ConversationState.QUEUED,
    )
    uow.conversations.add(conversation)
    uow.flush()
    audit.record(
        uow, [Change("conversation.opened", None, str(channel))], viewer.actor, now,
        conversation_id=conversation.id,
    )
    return conversation


def receive_message(
    uow: UnitOfWork, viewer: Viewer, conversation: Conversation, body: str, *, now: datetime,
    client_message_id: str | None = None,
) -> Receipt:
    """Store a customer's message exactly once, however often the client retries."""
    client_id = _client_id(client_message_id)
    if client_id is not None:
        existing = uow.conversations.message_by_client_id(conversation.id, client_id)
        if existing is not None:
            ticket = uow.tickets.for_conversation(conversation.id)
            return Receipt(existing, False, ticket.id if ticket else None)
    conversation.ensure_open()
    shielded = shielding.redact(validation.message_body(body))
    message = Message(
        conversation_id=conversation.id, author=Author.CUSTOMER, body=shielded.text,
        language=guess_language(shielded.text, conversation.language), created_at=now,
        client_message_id=client_id, data=shielded.data,
    )
    conversation.updated_at = now
    try:
        audit.post(uow, message)
    except IntegrityError:
        # Two retries raced; the other one stored it.
        uow.rollback()
        existing = uow.conversations.message_by_client_id(conversation.id, client_id or "")
        if existing is None:
            raise
        ticket = uow.tickets.for_conversation(conversation.id)
        return Receipt(existing, False, ticket.id if ticket else None)
    ticket = active_ticket(uow, conversation)
    changes = [Change("message.customer", None, message.id)]
    if ticket is not None:
        changes += ticket.record_customer_message(now)
    audit.record(
        uow, changes, viewer.actor, now, conversation_id=conversation.id,
        ticket_id=ticket.id if ticket else None,
    )
    cases.customer_replied(uow, viewer.actor, conversation, now, message=message)
    if shielded.kinds:
        if ticket is not None and shielding.SECRET_TAG not in ticket.tags:
            ticket.tags = [*ticket.tags, shielding.SECRET_TAG]
        shielding.warn(uow, conversation.id, shielded, message.language, viewer.actor, now,
                       ticket.id if ticket else None)
    link_guard.inspect(uow, message, ticket=ticket, now=now)
    return Receipt(message, True, ticket.id if ticket else None)


def active_ticket(uow: UnitOfWork, conversation: Conversation) -> Ticket | None:
    """The ticket this conversation's messages belong to, following merges."""
    ticket = uow.tickets.for_conversation(conversation.id)
    while ticket is not None and ticket.merged_into_id is not None:
        ticket = uow.tickets.get(ticket.merged_into_id)
    return ticket


def hand_off(
    uow: UnitOfWork, conversation: Conversation, *, now: datetime, actor: Actor,
    category: Category = Category.SERVICE, priority: Priority = Priority.P3,
    team: str = "support", tags: list[str] | None = None, acknowledge: bool = True,
) -> Ticket:
    """Put the conversation in front of people: a ticket in the team's queue."""
    existing = active_ticket(uow, conversation)
    if existing is not None:
        return existing
    conversation.ensure_open()
    ticket = Ticket.create(
        subject=conversation.subject, conversation_id=conversation.id,
        customer_id=conversation.customer_id, category=category, priority=priority,
        policy=uow.policies.get(priority), team=team, now=now, tags=tags,
    )
    uow.tickets.add(ticket)
    changes = []
    if conversation.state is ConversationState.BOT:
        changes.append(conversation.move_to(ConversationState.QUEUED))
    uow.flush()
    changes.insert(0, Change("ticket.created", None, {
        "category": str(category), "priority": str(priority), "team": team,
    }))
    audit.record(uow, changes, actor, now, ticket_id=ticket.id, conversation_id=conversation.id)
    if acknowledge:
        audit.post(uow, Message(
            conversation_id=conversation.id, author=Author.SYSTEM,
            body=t("handoff.queued", conversation.language), language=conversation.language,
            created_at=now,
        ))
    return ticket


def _customer(uow: UnitOfWork, viewer: Viewer) -> Customer | None:
    if isinstance(viewer, CustomerViewer):
        return uow.customers.get(viewer.customer_id)
    return None


def _client_id(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > MAX_CLIENT_ID_CHARS or not value.isprintable():
        raise InvalidInput(
            f"client_message_id must be 1–{MAX_CLIENT_ID_CHARS} printable characters.",
            f"client_message_id 须为 1–{MAX_CLIENT_ID_CHARS} 个可打印字符。",
            field="client_message_id", value=value[:80],
        )
    return value
