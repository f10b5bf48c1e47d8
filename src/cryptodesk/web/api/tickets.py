"""The agents' ticket API: thin routes over services.tickets."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ...domain.sla import Priority
from ...domain.tickets import TicketStatus
from ...errors import NotFound
from ...services import tickets as ticket_services
from ...store.repositories import TicketQuery
from ...store.unit_of_work import UnitOfWork
from ..deps import CurrentAgent, DeskDep, read, transact
from ..schemas import (
    AssignIn,
    BodyIn,
    EscalateIn,
    EventOut,
    Id,
    MergeIn,
    MessageOut,
    PageOut,
    PriorityIn,
    ReplyIn,
    StatusIn,
    TagsIn,
    TicketDetailOut,
    TicketOut,
)
from .responses import FULL

router = APIRouter(prefix="/tickets", tags=["tickets"], responses=FULL)

Sort = Literal[
    "id", "-id", "created", "-created", "updated", "-updated", "priority", "-priority",
    "first_response_due", "-first_response_due", "resolution_due", "-resolution_due",
]


@router.get("")
def list_tickets(
    desk: DeskDep,
    agent: CurrentAgent,
    q: Annotated[str | None, Query(max_length=200, description="text in subject/messages")] = None,
    status: Annotated[list[TicketStatus] | None, Query()] = None,
    priority: Annotated[list[Priority] | None, Query()] = None,
    team: Annotated[str | None, Query(max_length=40)] = None,
    assignee: Annotated[str | None, Query(max_length=64, description="username")] = None,
    customer: Annotated[str | None, Query(max_length=128, description="customer reference")] = None,
    queue: Annotated[Literal["mine", "team", "unassigned", "sla"] | None, Query()] = None,
    within: Annotated[int, Query(ge=0, le=7 * 24 * 60, description="sla queue: minutes")] = 60,
    sort: Sort = "-id",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 25,
) -> PageOut[TicketOut]:
    def run(uow: UnitOfWork) -> PageOut[TicketOut]:
        if queue is not None:
            query = ticket_services.queue_query(
                agent, queue, desk.now(), within_minutes=within, page=page, per_page=per_page
            )
        else:
            query = TicketQuery(
                text=q or None, statuses=tuple(status or ()), priorities=tuple(priority or ()),
                team=team, assignee_id=_agent_id(uow, assignee),
                customer_id=_customer_id(uow, customer), sort=sort, page=page,
                per_page=per_page,
            )
        return PageOut.of(ticket_services.search(uow, query), TicketOut.of)

    return read(desk, run)


def _agent_id(uow: UnitOfWork, username: str | None) -> int | None:
    if username is None:
        return None
    found = uow.agents.by_username(username.lower())
    if found is None:
        raise NotFound(f"No agent is called {username}.", f"没有名为 {username} 的客服。",
                       field="assignee", value=username)
    return found.id


def _customer_id(uow: UnitOfWork, ref: str | None) -> int | None:
    if ref is None:
        return None
    found = uow.customers.by_ref(ref)
    if found is None:
        raise NotFound(f"No customer has the reference {ref}.", f"没有引用为 {ref} 的客户。",
                       field="customer", value=ref)
    return found.id


@router.get("/{ticket_id}")
def get_ticket(ticket_id: Id, desk: DeskDep, agent: CurrentAgent) -> TicketDetailOut:
    found = read(desk, ticket_services.detail, agent, ticket_id)
    return TicketDetailOut(
        **TicketOut.of(found.ticket).model_dump(),
        messages=[MessageOut.model_validate(m) for m in found.messages],
        events=[EventOut.of(e) for e in found.events],
        merged_ticket_ids=[t.id for t in found.merged],
    )


@router.post("/{ticket_id}/replies", status_code=201)
def reply(ticket_id: Id, body: ReplyIn, desk: DeskDep, agent: CurrentAgent) -> MessageOut:
    message = transact(desk, ticket_services.reply, agent, ticket_id, body.body, desk.now(),
                       status=body.status)
    return MessageOut.model_validate(message)


@router.post("/{ticket_id}/notes", status_code=201)
def add_note(ticket_id: Id, body: BodyIn, desk: DeskDep, agent: CurrentAgent) -> MessageOut:
    note = transact(desk, ticket_services.add_note, agent, ticket_id, body.body, desk.now())
    return MessageOut.model_validate(note)


@router.post("/{ticket_id}/assign")
def assign(ticket_id: Id, body: AssignIn, desk: DeskDep, agent: CurrentAgent) -> TicketOut:
    ticket = transact(desk, ticket_services.assign, agent, ticket_id, body.assignee, desk.now())
    return TicketOut.of(ticket)


@router.post("/{ticket_id}/status")
def set_status(ticket_id: Id, body: StatusIn, desk: DeskDep, agent: CurrentAgent) -> TicketOut:
    ticket = transact(desk, ticket_services.set_status, agent, ticket_id, body.status, desk.now())
    return TicketOut.of(ticket)


@router.post("/{ticket_id}/priority")
def set_priority(
    ticket_id: Id, body: PriorityIn, desk: DeskDep, agent: CurrentAgent
) -> TicketOut:
    ticket = transact(
        desk, ticket_services.set_priority, agent, ticket_id, body.priority, desk.now()
    )
    return TicketOut.of(ticket)


@router.put("/{ticket_id}/tags")
def set_tags(ticket_id: Id, body: TagsIn, desk: DeskDep, agent: CurrentAgent) -> TicketOut:
    ticket = transact(desk, ticket_services.set_tags, agent, ticket_id, body.tags, desk.now())
    return TicketOut.of(ticket)


@router.post("/{ticket_id}/escalate")
def escalate(ticket_id: Id, body: EscalateIn, desk: DeskDep, agent: CurrentAgent) -> TicketOut:
    ticket = transact(desk, ticket_services.escalate, agent, ticket_id, body.team, desk.now(),
                      note=body.note)
    return TicketOut.of(ticket)


@router.post("/{ticket_id}/merge")
def merge(ticket_id: Id, body: MergeIn, desk: DeskDep, agent: CurrentAgent) -> TicketOut:
    """Merge this ticket into `target_id`; the answer is the ticket that remains."""
    target = transact(desk, ticket_services.merge, agent, ticket_id, body.target_id, desk.now())
    return TicketOut.of(target)
