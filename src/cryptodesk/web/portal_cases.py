"""A customer's own case in the portal: where it stands, what comes next and by when.

The history is the notices the customer was sent in chat, so the page never shows more than
the conversation already did; another customer's case is simply not found.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..domain.cases import WITH_US, Case
from ..domain.conversations import Message
from ..errors import NotFound
from ..i18n import t
from ..services import case_notices as notices
from ..services import cases as case_services
from ..services.access import CustomerViewer
from ..store.unit_of_work import UnitOfWork
from .deps import DeskDep, read
from .portal import missing, portal_viewer, signin_page
from .rendering import page_language, render
from .schemas import Id

router = APIRouter(prefix="/portal", include_in_schema=False)


@dataclass(frozen=True)
class Step:
    """One notice the customer was sent about this case, and the status it announced."""

    status: str
    message: Message


@dataclass(frozen=True)
class CaseView:
    case: Case
    steps: list[Step]
    next: str  # what the deciding team does, in the page's language
    due: str  # the promised answer date, zone spelled out


def _case_view(uow: UnitOfWork, viewer: CustomerViewer, case_id: int, language: str) -> CaseView:
    case, messages = case_services.customer_case(uow, viewer, case_id)
    steps = [Step(str(told["status"]), m) for m in messages
             if (told := (m.data or {}).get("case")) and told.get("id") == case.id]
    ticket = uow.tickets.get(case.ticket_id)
    team = notices.team_name(uow, ticket.team if ticket else case.routing.team,
                             language)
    return CaseView(case, steps, t(f"case.next.{case.kind}", language, team=team),
                    notices.due_text(case.review_due, language))


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, desk: DeskDep, case_id: Id) -> Response:
    viewer = portal_viewer(request, desk)
    if viewer is None:
        return signin_page(request)
    try:
        view = read(desk, _case_view, viewer, case_id, page_language(request))
    except NotFound:
        return missing(request)
    return render(request, "portal_cases_detail.html", {
        "v": view, "c": view.case, "waiting": view.case.status in WITH_US,
        "overdue": view.case.is_overdue(desk.now()),
    }, private=True)

