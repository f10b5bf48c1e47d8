"""What customers and visitors may read: their own conversations and tickets, public parts only."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.conversations import Author, Conversation, Message
from ..domain.tickets import Ticket
from ..store.repositories import Page
from ..store.unit_of_work import UnitOfWork
from .access import CustomerViewer, Viewer, access_conversation, access_customer_ticket
from .conversations import active_ticket


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    ticket_id: int | None
    messages: list[Message]


def conversations(uow: UnitOfWork, viewer: Viewer, page: int, per_page: int) -> Page[Conversation]:
    if isinstance(viewer, CustomerViewer):
        return uow.conversations.for_customer(viewer.customer_id, page, per_page)
    return uow.conversations.for_visitor(viewer.token_hash, page, per_page)


def conversation(uow: UnitOfWork, viewer: Viewer, conversation_id: int) -> ConversationView:
    found = access_conversation(uow, viewer, conversation_id)
    ticket = active_ticket(uow, found)
    messages = uow.conversations.messages([found.id], internal=False)
    return ConversationView(found, ticket.id if ticket else None, messages)


def ticket_ids(uow: UnitOfWork, items: list[Conversation]) -> dict[int, int | None]:
    out: dict[int, int | None] = {}
    for item in items:
        ticket = active_ticket(uow, item)
        out[item.id] = ticket.id if ticket else None
    return out


@dataclass(frozen=True)
class Acknowledgement:
    ticket_id: int | None
    replies: list[Message]


def acknowledgement(uow: UnitOfWork, conversation_id: int, message_id: int) -> Acknowledgement:
    """The ticket a message joined and what the product said in answer to it."""
    conversation = uow.conversations.get(conversation_id)
    assert conversation is not None
    ticket = active_ticket(uow, conversation)
    later = uow.conversations.messages([conversation_id], internal=False, after_id=message_id)
    replies = []
    for message in later:
        if message.author is Author.CUSTOMER:
            break
        if message.author in (Author.BOT, Author.SYSTEM):
            replies.append(message)
    return Acknowledgement(ticket.id if ticket else None, replies)


def tickets(uow: UnitOfWork, viewer: CustomerViewer, page: int, per_page: int) -> Page[Ticket]:
    return uow.tickets.for_customer(viewer.customer_id, page, per_page)


def ticket(uow: UnitOfWork, viewer: CustomerViewer, ticket_id: int) -> tuple[Ticket, list[Message]]:
    found = access_customer_ticket(uow, viewer, ticket_id)
    group = [found, *uow.tickets.merged_into(found.id)]
    messages = uow.conversations.messages([t.conversation_id for t in group], internal=False)
    return found, messages
