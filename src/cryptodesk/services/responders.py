"""Who answers a customer's message first.

The answer engine plugs in here; until it is wired, every chat goes straight to a person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from ..domain.conversations import Conversation, ConversationState, Message
from ..domain.events import Actor, ActorKind
from ..store.unit_of_work import UnitOfWork
from .conversations import active_ticket, hand_off

BOT = Actor(ActorKind.BOT, None, "bot")


class Responder(Protocol):
    def respond(
        self, uow: UnitOfWork, conversation: Conversation, message: Message, now: datetime
    ) -> None: ...


class HumanResponder:
    """Hands every new conversation to the support queue."""

    def respond(
        self, uow: UnitOfWork, conversation: Conversation, message: Message, now: datetime
    ) -> None:
        if conversation.state is ConversationState.CLOSED:
            return
        if active_ticket(uow, conversation) is None:
            hand_off(uow, conversation, now=now, actor=BOT)
