"""A waiting customer's place in the queue, for the widget to show until someone picks it up."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from ...services import queue_info
from ...services.access import access_conversation
from ...services.conversations import active_ticket
from ...store.unit_of_work import UnitOfWork
from ..deps import CurrentViewer, DeskDep, read
from ..schemas import Id
from .responses import FULL

router = APIRouter(prefix="/customer", tags=["customers"], responses=FULL)


class QueueOut(BaseModel):
    queued: bool = Field(description="false once an agent owns the ticket, or before a hand-off")
    ticket_id: int | None = None
    position: int | None = Field(None, description="1 when next to be picked up")
    ahead: int | None = Field(None, description="tickets in front of this one")
    expected_wait_seconds: int | None = Field(
        None, description="from the team's median first reply over 7 days; null without history"
    )
    reply_target_seconds: int | None = Field(
        None, description="seconds left before the first-response target (0 once passed)"
    )


@router.get("/conversations/{conversation_id}/queue")
def queue_position(conversation_id: Id, desk: DeskDep, viewer: CurrentViewer) -> QueueOut:
    """Where the conversation's ticket stands among the team's tickets nobody owns yet."""
    now = desk.now()

    def run(uow: UnitOfWork) -> QueueOut:
        conversation = access_conversation(uow, viewer, conversation_id)
        ticket = active_ticket(uow, conversation)
        if ticket is None or not queue_info.is_queued(ticket):
            return QueueOut(queued=False, ticket_id=ticket.id if ticket else None)
        info = queue_info.position(uow, ticket, now)
        return QueueOut(
            queued=True, ticket_id=ticket.id, position=info.position, ahead=info.ahead,
            expected_wait_seconds=info.expected_wait_seconds,
            reply_target_seconds=queue_info.reply_target_seconds(ticket, now),
        )

    return read(desk, run)
