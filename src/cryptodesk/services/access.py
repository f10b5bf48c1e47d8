"""The only loaders for things a caller may see: what is not theirs is simply not found."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.agents import Agent
from ..domain.conversations import Conversation
from ..domain.events import Actor, ActorKind
from ..domain.tickets import Ticket
from ..errors import NotFound
from ..store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class CustomerViewer:
    """A customer the exchange vouched for with a signed identity token."""

    customer_id: int
    ref: str

    @property
    def actor(self) -> Actor:
        return Actor(ActorKind.CUSTOMER, self.customer_id, self.ref)


@dataclass(frozen=True)
class VisitorViewer:
    """An anonymous visitor, known only by the token their chat was opened with."""

    token_hash: str

    @property
    def actor(self) -> Actor:
        return Actor(ActorKind.VISITOR, None, "visitor")


Viewer = CustomerViewer | VisitorViewer


def _missing(kind_en: str, kind_zh: str, ident: int) -> NotFound:
    return NotFound(f"{kind_en} {ident} was not found.", f"未找到{kind_zh} {ident}。", value=ident)


def access_conversation(uow: UnitOfWork, viewer: Viewer, conversation_id: int) -> Conversation:
    conversation = uow.conversations.get(conversation_id)
    if conversation is not None:
        if isinstance(viewer, CustomerViewer) and conversation.customer_id == viewer.customer_id:
            return conversation
        if (
            isinstance(viewer, VisitorViewer) and conversation.customer_id is None
            and conversation.visitor_token_hash == viewer.token_hash
        ):
            return conversation
    raise _missing("Conversation", "会话", conversation_id)


def access_customer_ticket(uow: UnitOfWork, viewer: CustomerViewer, ticket_id: int) -> Ticket:
    ticket = uow.tickets.get(ticket_id)
    if ticket is None or ticket.customer_id != viewer.customer_id:
        raise _missing("Ticket", "工单", ticket_id)
    return ticket


def access_ticket(uow: UnitOfWork, agent: Agent, ticket_id: int, *, lock: bool = False) -> Ticket:
    """Every active agent works every queue today; team scoping would live here."""
    ticket = uow.tickets.get(ticket_id, lock=lock)
    if ticket is None or not agent.active:
        raise _missing("Ticket", "工单", ticket_id)
    return ticket
