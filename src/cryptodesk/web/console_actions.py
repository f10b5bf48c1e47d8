"""What agents do to a ticket from the console: plain form posts, answered with a redirect
back to the ticket (so a reload never repeats them), or the page again with the reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from ..bootstrap import Desk
from ..channels.identity import same_origin
from ..domain.agents import Agent
from ..domain.sla import Priority
from ..domain.tickets import TicketStatus
from ..errors import CryptodeskError, InvalidInput
from ..services import tickets as ticket_services
from .console import session_agent, ticket_page, to_login
from .deps import DeskDep, transact
from .errors import STATUS
from .page_text import Text
from .rendering import page_language, redirect
from .schemas import Id

router = APIRouter(prefix="/console", include_in_schema=False)
MAX_FIELD = 20_000


class FormError(InvalidInput):
    def __init__(self, key: str) -> None:
        super().__init__(Text("en")(key), Text("zh")(key), code="invalid_input")


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value[:MAX_FIELD] if isinstance(value, str) else ""


def _status(value: str, *, optional: bool = False) -> TicketStatus | None:
    if optional and value == "":
        return None
    try:
        return TicketStatus(value)
    except ValueError:
        raise FormError("bad.status") from None


def _priority(value: str) -> Priority:
    try:
        return Priority(value)
    except ValueError:
        raise FormError("bad.priority") from None


def _target(value: str) -> int:
    value = value.strip().lstrip("#")
    if not value.isdigit() or not 1 <= int(value) <= 2_147_483_647:
        raise FormError("bad.ticket_number")
    return int(value)


Action = Callable[[Desk, Agent, int, FormData], Any]

ACTIONS: dict[str, Action] = {
    "reply": lambda d, a, i, f: transact(
        d, ticket_services.reply, a, i, _text(f, "body"), d.now(),
        status=_status(_text(f, "status"), optional=True)),
    "note": lambda d, a, i, f: transact(
        d, ticket_services.add_note, a, i, _text(f, "body"), d.now()),
    "assign": lambda d, a, i, f: transact(
        d, ticket_services.assign, a, i, _text(f, "assignee") or None, d.now()),
    "status": lambda d, a, i, f: transact(
        d, ticket_services.set_status, a, i, _status(_text(f, "status")), d.now()),
    "priority": lambda d, a, i, f: transact(
        d, ticket_services.set_priority, a, i, _priority(_text(f, "priority")), d.now()),
    "escalate": lambda d, a, i, f: transact(
        d, ticket_services.escalate, a, i, _text(f, "team"), d.now(),
        note=_text(f, "note").strip() or None),
    "tags": lambda d, a, i, f: transact(
        d, ticket_services.set_tags, a, i, _text(f, "tags").split(","), d.now()),
    "merge": lambda d, a, i, f: transact(
        d, ticket_services.merge, a, i, _target(_text(f, "target_id")), d.now()),
}


@router.post("/tickets/{ticket_id}/{action}")
async def act(request: Request, desk: DeskDep, ticket_id: Id, action: str) -> Response:
    agent = await run_in_threadpool(session_agent, request, desk)
    if agent is None:
        return to_login(request)
    if action not in ACTIONS or not same_origin(request, desk.settings.public_url):
        return redirect(f"/console/tickets/{ticket_id}")
    form = await request.form(max_fields=10, max_part_size=64 * 1024)
    try:
        result = await run_in_threadpool(ACTIONS[action], desk, agent, ticket_id, form)
    except CryptodeskError as refused:
        status = next((code for kind, code in STATUS if isinstance(refused, kind)), 422)
        message = refused.message(page_language(request))
        return await run_in_threadpool(
            ticket_page, request, desk, agent, ticket_id, error=message, status_code=status)
    landed = result.id if action == "merge" else ticket_id
    return redirect(f"/console/tickets/{landed}?done={action}#done")
