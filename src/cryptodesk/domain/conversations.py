"""Conversations on any channel and the messages in them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from ..errors import Conflict, IllegalTransition
from .customers import Language
from .events import Change


class Channel(enum.StrEnum):
    CHAT = "chat"
    EMAIL = "email"
    PHONE = "phone"
    API = "api"


class ConversationState(enum.StrEnum):
    BOT = "bot"
    QUEUED = "queued"
    ASSIGNED = "assigned"
    CLOSED = "closed"


class Author(enum.StrEnum):
    CUSTOMER = "customer"
    BOT = "bot"
    AGENT = "agent"
    SYSTEM = "system"


_S = ConversationState
_NEXT: dict[ConversationState, frozenset[ConversationState]] = {
    _S.BOT: frozenset({_S.QUEUED, _S.ASSIGNED, _S.CLOSED}),
    _S.QUEUED: frozenset({_S.ASSIGNED, _S.CLOSED}),
    _S.ASSIGNED: frozenset({_S.QUEUED, _S.CLOSED}),
    _S.CLOSED: frozenset(),
}

MAX_BODY_CHARS = 20_000


@dataclass(eq=False, kw_only=True)
class Conversation:
    channel: Channel
    language: Language
    created_at: datetime
    updated_at: datetime
    customer_id: int | None = None
    visitor_token_hash: str | None = None
    subject: str = ""
    state: ConversationState = ConversationState.BOT
    id: int | None = None

    def move_to(self, state: ConversationState) -> Change:
        if state not in _NEXT[self.state]:
            raise IllegalTransition(
                f"A conversation cannot go from {self.state} to {state}.",
                f"会话不能从 {self.state} 变为 {state}。",
                field="state", value=str(state),
            )
        before, self.state = self.state, state
        return Change("conversation.state", str(before), str(state))

    def ensure_open(self) -> None:
        if self.state is ConversationState.CLOSED:
            raise Conflict(
                "This conversation is closed; please start a new one.",
                "该会话已结束，请发起新的会话。",
                code="conversation_closed", value=self.id,
            )


@dataclass(eq=False, kw_only=True)
class Message:
    conversation_id: int
    author: Author
    body: str
    language: Language
    created_at: datetime
    internal: bool = False
    agent_id: int | None = None
    client_message_id: str | None = None
    data: dict | None = None  # structured extras: bot intent, options, diagnosis card
    id: int | None = None
