"""The append-only log: who changed what, when, from what to what."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class ActorKind(enum.StrEnum):
    AGENT = "agent"
    CUSTOMER = "customer"
    VISITOR = "visitor"
    BOT = "bot"
    SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: int | None = None
    name: str = ""


SYSTEM = Actor(ActorKind.SYSTEM, None, "system")


@dataclass(frozen=True)
class Change:
    """What a domain rule did; the service turns it into an Event once ids are known."""

    kind: str
    before: Any = None
    after: Any = None


@dataclass(eq=False, kw_only=True)
class Event:
    kind: str
    actor_kind: ActorKind
    actor_id: int | None
    actor_name: str
    at: datetime
    ticket_id: int | None = None
    conversation_id: int | None = None
    before: Any = None
    after: Any = None
    id: int | None = None

    @classmethod
    def record(
        cls, change: Change, actor: Actor, at: datetime, *, ticket_id: int | None = None,
        conversation_id: int | None = None,
    ) -> Event:
        return cls(
            kind=change.kind, actor_kind=actor.kind, actor_id=actor.id, actor_name=actor.name,
            at=at, ticket_id=ticket_id, conversation_id=conversation_id,
            before=change.before, after=change.after,
        )
