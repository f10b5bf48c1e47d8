"""Cases over HTTP: agents review and decide them; customers open them from chat and follow them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import Field

from ...domain.cases import MAX_NOTE_CHARS, MAX_SUMMARY_CHARS, Case, CaseKind, CaseStatus
from ...domain.sla import Priority
from ...domain.tickets import TicketStatus
from ...errors import NotFound
from ...services import cases as case_services
from ...services.access import access_conversation, access_ticket
from ...store.case_repository import CaseQuery, CaseRow
from ...store.unit_of_work import UnitOfWork
from ..deps import CurrentAgent, CurrentCustomer, DeskDep, read, transact
from ..schemas import MAX_ID, EventOut, Id, Input, Output, PageOut, PublicMessageOut
from .responses import FULL

router = APIRouter(prefix="/cases", tags=["cases"], responses=FULL)
customer_router = APIRouter(prefix="/customer", tags=["customers"], responses=FULL)
PageNo = Annotated[int, Query(ge=1, le=10_000)]
PerPage = Annotated[int, Query(ge=1, le=100)]
Sort = Literal["id", "-id", "review_due", "-review_due", "created", "-created", "updated",
               "-updated"]


class OpenCaseIn(Input):
    kind: CaseKind
    summary: str | None = Field(None, max_length=MAX_SUMMARY_CHARS,
                                description="defaults to the kind and the conversation subject")
    evidence: str | None = Field(None, min_length=1, max_length=MAX_NOTE_CHARS,
                                 description="anything to add to the diagnosis, in words")


class AgentOpenCaseIn(OpenCaseIn):
    ticket_id: int = Field(ge=1, le=MAX_ID, description="the ticket whose conversation it is")


class NoteIn(Input):
    note: str = Field(min_length=1, max_length=MAX_NOTE_CHARS,
                      description="told to the customer, in the message about this step")


class EvidenceIn(Input):
    text: str = Field(min_length=1, max_length=MAX_NOTE_CHARS)


class PublicCaseOut(Output):
    """A case as its customer follows it."""

    id: int
    kind: CaseKind
    status: CaseStatus
    ticket_id: int
    conversation_id: int
    summary: str
    review_due: datetime = Field(description="when the customer hears back at the latest")
    info_request: str | None = Field(description="what the customer was asked for, if anything")
    decision_note: str | None
    evidence: dict[str, Any] = Field(description="the diagnosis and the customer's own notes")
    created_at: datetime
    updated_at: datetime
    decided_at: datetime | None
    closed_at: datetime | None

    @classmethod
    def of(cls, case: Case) -> PublicCaseOut:
        out = cls.model_validate(case)
        notes = [n for n in case.evidence.get("notes") or [] if n.get("by") == "customer"]
        out.evidence = {"diagnosis": case.evidence.get("diagnosis"), "notes": notes}
        return out


class PublicCaseDetailOut(PublicCaseOut):
    messages: list[PublicMessageOut]


class CaseOut(PublicCaseOut):
    """A case as agents work it, with its ticket's routing."""

    customer_id: int
    exchange_ref: str | None = Field(description="the exchange's own reference for the case")
    exchange_error: str | None = Field(description="why the exchange was not told yet")
    team: str
    priority: Priority
    assignee_id: int | None
    ticket_status: TicketStatus
    overdue: bool

    @classmethod
    def of_row(cls, row: CaseRow, now: datetime) -> CaseOut:
        ticket = row.ticket
        return cls(
            **PublicCaseOut.model_validate(row.case).model_dump(), customer_id=row.case.customer_id,
            exchange_ref=row.case.exchange_ref, exchange_error=row.case.exchange_error,
            team=ticket.team, priority=ticket.priority, assignee_id=ticket.assignee_id,
            ticket_status=ticket.status, overdue=row.case.is_overdue(now),
        )


class CaseDetailOut(CaseOut):
    events: list[EventOut]


def _row_out(uow: UnitOfWork, case: Case, now: datetime) -> CaseOut:
    ticket = uow.tickets.get(case.ticket_id)
    assert ticket is not None
    return CaseOut.of_row(CaseRow(case, ticket), now)


@router.get("")
def list_cases(
    desk: DeskDep,
    agent: CurrentAgent,
    kind: Annotated[list[CaseKind] | None, Query()] = None,
    status: Annotated[list[CaseStatus] | None, Query()] = None,
    team: Annotated[str | None, Query(max_length=40)] = None,
    customer: Annotated[str | None, Query(max_length=128, description="customer reference")] = None,
    overdue: Annotated[bool, Query(description="only cases past their promised date")] = False,
    sort: Sort = "-id",
    page: PageNo = 1,
    per_page: PerPage = 25,
) -> PageOut[CaseOut]:
    now = desk.now()

    def run(uow: UnitOfWork) -> PageOut[CaseOut]:
        customer_id = None
        if customer is not None:
            found = uow.customers.by_ref(customer)
            if found is None:
                raise NotFound(f"No customer has the reference {customer}.",
                               f"没有引用为 {customer} 的客户。", field="customer", value=customer)
            customer_id = found.id
        query = CaseQuery(kinds=tuple(kind or ()), statuses=tuple(status or ()), team=team,
                          customer_id=customer_id, overdue_at=now if overdue else None,
                          sort=sort, page=page, per_page=per_page)
        return PageOut.of(case_services.search(uow, query), lambda r: CaseOut.of_row(r, now))

    return read(desk, run)


@router.post("", status_code=201)
def open_case(body: AgentOpenCaseIn, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    """Open a case for the customer of a ticket (a phone call, an email)."""
    now = desk.now()

    def run(uow: UnitOfWork) -> CaseOut:
        ticket = access_ticket(uow, agent, body.ticket_id)
        conversation = uow.conversations.get(ticket.conversation_id)
        assert conversation is not None
        case = case_services.open_case(uow, desk.platform, agent, conversation, body.kind, now,
                                       evidence=body.evidence, summary=body.summary)
        return _row_out(uow, case, now)

    return transact(desk, run)


@router.get("/{case_id}")
def get_case(case_id: Id, desk: DeskDep, agent: CurrentAgent) -> CaseDetailOut:
    found = read(desk, case_services.detail, agent, case_id)
    return CaseDetailOut(**CaseOut.of_row(found.row, desk.now()).model_dump(),
                         events=[EventOut.of(e) for e in found.events])


def _act(desk: DeskDep, action: Any, *args: Any) -> CaseOut:
    now = desk.now()

    def run(uow: UnitOfWork) -> CaseOut:
        return _row_out(uow, action(uow, *args, now), now)

    return transact(desk, run)


@router.post("/{case_id}/review")
def review(case_id: Id, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    """Start the review (or resume it after asking the customer); they are told by when."""
    return _act(desk, case_services.review, agent, case_id)


@router.post("/{case_id}/request-info")
def request_info(case_id: Id, body: NoteIn, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    """Ask the customer for more; `note` says what, and their answer resumes the review."""
    return _act(desk, case_services.request_info, agent, case_id, body.note)


@router.post("/{case_id}/approve")
def approve(case_id: Id, body: NoteIn, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    return _act(desk, case_services.approve, agent, case_id, body.note)


@router.post("/{case_id}/reject")
def reject(case_id: Id, body: NoteIn, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    """`note` is the reason the customer reads."""
    return _act(desk, case_services.reject, agent, case_id, body.note)


@router.post("/{case_id}/close")
def close(case_id: Id, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    return _act(desk, case_services.close, agent, case_id)


@router.post("/{case_id}/evidence")
def add_evidence(case_id: Id, body: EvidenceIn, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    return _act(desk, case_services.add_evidence, agent, case_id, body.text)


@router.post("/{case_id}/notify-exchange")
def notify_exchange(case_id: Id, desk: DeskDep, agent: CurrentAgent) -> CaseOut:
    """Tell the exchange again when it did not answer at opening (see `exchange_error`)."""
    return _act(desk, case_services.notify_exchange, desk.platform, agent, case_id)


@customer_router.post("/conversations/{conversation_id}/cases", status_code=201)
def open_my_case(
    conversation_id: Id, body: OpenCaseIn, desk: DeskDep, customer: CurrentCustomer
) -> PublicCaseOut:
    """Open a case from chat; the conversation's latest diagnosis is attached as evidence."""

    def run(uow: UnitOfWork) -> Case:
        conversation = access_conversation(uow, customer, conversation_id)
        return case_services.open_case(uow, desk.platform, customer, conversation, body.kind,
                                       desk.now(), evidence=body.evidence, summary=body.summary)

    return PublicCaseOut.of(transact(desk, run))


@customer_router.get("/cases")
def list_my_cases(
    desk: DeskDep, customer: CurrentCustomer, page: PageNo = 1, per_page: PerPage = 25
) -> PageOut[PublicCaseOut]:
    found = read(desk, case_services.customer_cases, customer, page, per_page)
    return PageOut.of(found, PublicCaseOut.of)


@customer_router.get("/cases/{case_id}")
def get_my_case(case_id: Id, desk: DeskDep, customer: CurrentCustomer) -> PublicCaseDetailOut:
    case, messages = read(desk, case_services.customer_case, customer, case_id)
    return PublicCaseDetailOut(**PublicCaseOut.of(case).model_dump(),
                               messages=[PublicMessageOut.model_validate(m) for m in messages])


@customer_router.post("/cases/{case_id}/evidence")
def add_my_evidence(
    case_id: Id, body: EvidenceIn, desk: DeskDep, customer: CurrentCustomer
) -> PublicCaseOut:
    """Add details in words; when the case waits on the customer, this resumes the review."""
    case = transact(desk, case_services.add_evidence, customer, case_id, body.text, desk.now())
    return PublicCaseOut.of(case)
