"""Every change goes through here on its way into the append-only event log,
and is announced to live listeners once committed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..bus import INBOX, Notice, conversation_topic, ticket_topic
from ..domain.conversations import Message
from ..domain.events import Actor, Change, Event
from ..store.unit_of_work import UnitOfWork


def record(
    uow: UnitOfWork, changes: Iterable[Change], actor: Actor, now: datetime, *,
    ticket_id: int | None = None, conversation_id: int | None = None,
) -> None:
    kinds = []
    for change in changes:
        uow.events.add(Event.record(
            change, actor, now, ticket_id=ticket_id, conversation_id=conversation_id
        ))
        kinds.append(change.kind)
    if not kinds:
        return
    data = {"kinds": kinds, "ticket_id": ticket_id, "conversation_id": conversation_id}
    if ticket_id is not None:
        uow.publish(Notice(ticket_topic(ticket_id), "changed", data))
        uow.publish(Notice(INBOX, "changed", data))
    if conversation_id is not None:
        uow.publish(Notice(conversation_topic(conversation_id), "changed", data))


def post(uow: UnitOfWork, message: Message) -> Message:
    """Store a new line in a thread and announce it: customers hear public ones, agents all."""
    uow.conversations.add(message)
    uow.flush()
    data = {
        "id": message.id, "conversation_id": message.conversation_id,
        "author": str(message.author), "body": message.body, "language": message.language,
        "internal": message.internal, "client_message_id": message.client_message_id,
        "created_at": message.created_at.isoformat(), "data": message.data,
    }
    if not message.internal:
        uow.publish(Notice(conversation_topic(message.conversation_id), "message", data))
    uow.publish(Notice(INBOX, "message", data))
    return message
