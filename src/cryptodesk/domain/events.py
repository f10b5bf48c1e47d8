"""The append-only log: who changed what, when, from what to what."""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


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
    seq: int | None = None  # position in the sealed chain; None until sealed
    hash: str | None = None
    id: int | None = None

    def digest(self, previous: str, seq: int) -> str:
        """This event's link in the chain: a hash over its content, its place and the last link.

        Changing any recorded field, reordering, inserting or removing a sealed event changes
        every link after it.
        """
        content = json.dumps(
            [seq, previous, self.id, self.kind, str(self.actor_kind), self.actor_id,
             self.actor_name, self.at.isoformat(), self.ticket_id, self.conversation_id,
             self.before, self.after],
            ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str,
        )
        return hashlib.sha256(content.encode()).hexdigest()

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
