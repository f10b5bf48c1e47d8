"""Every change goes through here on its way into the append-only event log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..domain.events import Actor, Change, Event
from ..store.unit_of_work import UnitOfWork


def record(
    uow: UnitOfWork, changes: Iterable[Change], actor: Actor, now: datetime, *,
    ticket_id: int | None = None, conversation_id: int | None = None,
) -> None:
    for change in changes:
        uow.events.add(Event.record(
            change, actor, now, ticket_id=ticket_id, conversation_id=conversation_id
        ))
