"""Canned replies as supervisors keep them from the console: both languages in one list with a
form to add one, a page per reply to edit it, and retire or restore from the list. A body with a
placeholder the desk cannot fill is refused before it can reach a customer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from ..bootstrap import Desk
from ..domain.agents import Agent
from ..domain.canned import MAX_BODY, MAX_NAME, PLACEHOLDERS, CannedText
from ..domain.customers import LANGUAGES
from ..errors import CryptodeskError
from ..services import canned as canned_services
from ..store.unit_of_work import UnitOfWork
from .admin_guard import page, posted, refusal, supervisor
from .deps import DeskDep, read, transact
from .rendering import redirect
from .schemas import Id

router = APIRouter()
Short = Annotated[str, Form(max_length=500)]
Long = Annotated[str, Form(max_length=MAX_BODY * 2)]
BASE = "/console/admin/canned"
DONE = ("canned_created", "canned_saved", "canned_retired", "canned_restored")
FIELDS = ("name", "language", "body", "tags")


def _context(request: Request) -> dict[str, Any]:
    done = request.query_params.get("done")
    return {"languages": LANGUAGES, "placeholders": ["{" + p + "}" for p in PLACEHOLDERS],
            "max_name": MAX_NAME, "max_body": MAX_BODY,
            "canned_done": done if done in DONE else None}


def _text(form: dict[str, str]) -> CannedText:
    return CannedText.clean(form["name"], form["language"], form["body"],
                            form["tags"].split(","))


def _list_page(request: Request, desk: Desk, who: Agent, *, form: dict[str, str] | None = None,
               error: str | None = None, status_code: int = 200) -> HTMLResponse:
    found = read(desk, canned_services.listing, include_retired=True)
    return page(request, "console_admin_canned.html", who, "canned", {
        **_context(request), "found": found, "form": form or {}, "error": error,
    }, status_code=status_code)


def _edit_page(request: Request, desk: Desk, who: Agent, reply_id: int, *,
               form: dict[str, str] | None = None, error: str | None = None,
               status_code: int = 200) -> HTMLResponse:
    try:
        found = read(desk, canned_services.get, reply_id)
    except CryptodeskError:
        return page(request, "console_admin_message.html", who, "canned",
                    {"message_key": "admin.canned_missing"}, status_code=404)
    return page(request, "console_admin_canned_edit.html", who, "canned", {
        **_context(request), "reply": found, "error": error,
        "form": form or {"name": found.name, "language": found.language, "body": found.body,
                         "tags": ", ".join(found.tags)},
    }, status_code=status_code)


@router.get("/canned", response_class=HTMLResponse)
def canned(request: Request, desk: DeskDep) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _list_page(request, desk, who)


@router.post("/canned", response_class=HTMLResponse)
def create(request: Request, desk: DeskDep, name: Short = "", language: Short = "",
           body: Long = "", tags: Short = "") -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    form = {"name": name, "language": language, "body": body, "tags": tags}
    try:
        transact(desk, canned_services.create, who, _text(form), desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _list_page(request, desk, who, form=form, error=error, status_code=status)
    return redirect(f"{BASE}?done=canned_created")


@router.get("/canned/{reply_id}", response_class=HTMLResponse)
def editor(request: Request, desk: DeskDep, reply_id: Id) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _edit_page(request, desk, who, reply_id)


def _edit_keeping_state(uow: UnitOfWork, who: Agent, reply_id: int, text: CannedText,
                        now: datetime) -> None:
    """An edit leaves a retired reply retired; restoring is its own button."""
    active = canned_services.get(uow, reply_id).active
    canned_services.edit(uow, who, reply_id, text, now, active=active)


@router.post("/canned/{reply_id}", response_class=HTMLResponse)
def save(request: Request, desk: DeskDep, reply_id: Id, name: Short = "", language: Short = "",
         body: Long = "", tags: Short = "") -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    form = {"name": name, "language": language, "body": body, "tags": tags}
    try:
        transact(desk, _edit_keeping_state, who, reply_id, _text(form), desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _edit_page(request, desk, who, reply_id, form=form, error=error,
                          status_code=status)
    return redirect(f"{BASE}/{reply_id}?done=canned_saved")


def _switch(request: Request, desk: Desk, action: Callable[[UnitOfWork, Agent], Any],
            done: str) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    try:
        transact(desk, action, who)
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _list_page(request, desk, who, error=error, status_code=status)
    return redirect(f"{BASE}?done={done}")


@router.post("/canned/{reply_id}/retire", response_class=HTMLResponse)
def retire(request: Request, desk: DeskDep, reply_id: Id) -> Response:
    return _switch(request, desk, lambda uow, who: canned_services.retire(
        uow, who, reply_id, desk.now()), "canned_retired")


def _restore(uow: UnitOfWork, who: Agent, reply_id: int, desk: Desk) -> None:
    found = canned_services.get(uow, reply_id)
    text = CannedText.clean(found.name, found.language, found.body, found.tags)
    canned_services.edit(uow, who, reply_id, text, desk.now(), active=True)


@router.post("/canned/{reply_id}/restore", response_class=HTMLResponse)
def restore(request: Request, desk: DeskDep, reply_id: Id) -> Response:
    return _switch(request, desk, lambda uow, who: _restore(uow, who, reply_id, desk),
                   "canned_restored")
