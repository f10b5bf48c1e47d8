"""Secrets never reach the database: every message body passes through the shield first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import shield
from ..domain.conversations import Author, Message
from ..domain.events import Actor, Change
from ..store.unit_of_work import UnitOfWork
from . import audit

SECRET_TAG = "secret-redacted"


@dataclass(frozen=True)
class Shielded:
    text: str
    kinds: tuple[str, ...]  # what was removed, e.g. ("seed_phrase",); never the secret itself

    @property
    def data(self) -> dict | None:
        return {"redacted": list(self.kinds)} if self.kinds else None


def redact(text: str) -> Shielded:
    result = shield.scan(text)
    kinds = tuple(dict.fromkeys(str(s.kind) for s in result.secrets))
    return Shielded(result.redacted, kinds)


def warn(
    uow: UnitOfWork, conversation_id: int, shielded: Shielded, language: str, actor: Actor,
    now: datetime, ticket_id: int | None,
) -> None:
    """Tell the customer at once, in their language, and leave a trace for the security team."""
    audit.post(uow, Message(
        conversation_id=conversation_id, author=Author.SYSTEM, body=shield.warning(language),
        language=language, created_at=now, data={"shield": "secret_warning"},
    ))
    audit.record(uow, [Change("shield.secret_redacted", None, {"kinds": list(shielded.kinds)})],
                 actor, now, conversation_id=conversation_id, ticket_id=ticket_id)
