"""Announcements as supervisors keep them from the console: the list with a new-draft form, and
one page per announcement to edit, publish now, schedule (times in UTC) or archive it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from ..bootstrap import Desk
from ..domain.agents import Agent
from ..domain.announcements import AnnouncementKind, AnnouncementText, Audience
from ..errors import CryptodeskError, InvalidInput
from ..services import announcements as announcement_services
from .admin_guard import page, posted, refusal, supervisor
from .deps import DeskDep, read, transact
from .rendering import redirect
from .schemas import Id

router = APIRouter()
Short = Annotated[str, Form(max_length=500)]
Long = Annotated[str, Form(max_length=12_000)]
BASE = "/console/admin/announcements"
FIELDS = ("kind", "audience", "title_zh", "body_zh", "title_en", "body_en")  # editor form, in order
DONE = ("ann_created", "ann_saved", "ann_published", "ann_archived")


def _context(request: Request, desk: Desk) -> dict[str, Any]:
    done = request.query_params.get("done")
    return {"kinds": list(AnnouncementKind), "audiences": list(Audience), "now": desk.now(),
            "ann_done": done if done in DONE else None}


def _list_page(request: Request, desk: Desk, who: Agent, *, form: dict[str, str] | None = None,
               error: str | None = None, status_code: int = 200) -> HTMLResponse:
    found = read(desk, announcement_services.manage, who)
    return page(request, "console_admin_announcements.html", who, "announcements", {
        **_context(request, desk), "found": found, "form": form or {}, "error": error,
    }, status_code=status_code)


def _text(form: dict[str, str]) -> AnnouncementText:
    return AnnouncementText.clean(**form)


@router.get("/announcements", response_class=HTMLResponse)
def announcements(request: Request, desk: DeskDep) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _list_page(request, desk, who)


@router.post("/announcements", response_class=HTMLResponse)
def create(request: Request, desk: DeskDep, kind: Short = "", audience: Short = "",
           title_zh: Short = "", body_zh: Long = "", title_en: Short = "",
           body_en: Long = "") -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    form = dict(zip(FIELDS, (kind, audience, title_zh, body_zh, title_en, body_en), strict=True))
    try:
        made = transact(desk, announcement_services.create, who, _text(form), desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _list_page(request, desk, who, form=form, error=error, status_code=status)
    return redirect(f"{BASE}/{made.id}?done=ann_created")


def _edit_page(request: Request, desk: Desk, who: Agent, announcement_id: int, *,
               form: dict[str, str] | None = None, error: str | None = None,
               status_code: int = 200) -> HTMLResponse:
    try:
        found = read(desk, announcement_services.view, who, announcement_id)
    except CryptodeskError:
        return page(request, "console_admin_message.html", who, "announcements",
                    {"message_key": "admin.ann_missing"}, status_code=404)
    now = desk.now()
    return page(request, "console_admin_announcements_edit.html", who, "announcements", {
        **_context(request, desk), "a": found, "status": found.status_at(now), "error": error,
        "form": form or {k: getattr(found, k) or "" for k in FIELDS},
    }, status_code=status_code)


@router.get("/announcements/{announcement_id}", response_class=HTMLResponse)
def editor(request: Request, desk: DeskDep, announcement_id: Id) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _edit_page(request, desk, who, announcement_id)


@router.post("/announcements/{announcement_id}", response_class=HTMLResponse)
def save(request: Request, desk: DeskDep, announcement_id: Id, kind: Short = "",
         audience: Short = "", title_zh: Short = "", body_zh: Long = "", title_en: Short = "",
         body_en: Long = "") -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    form = dict(zip(FIELDS, (kind, audience, title_zh, body_zh, title_en, body_en), strict=True))
    try:
        transact(desk, announcement_services.edit, who, announcement_id, _text(form), desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _edit_page(request, desk, who, announcement_id, form=form, error=error,
                          status_code=status)
    return redirect(f"{BASE}/{announcement_id}?done=ann_saved")


def scheduled_time(value: str) -> datetime | None:
    """A `datetime-local` value, read as UTC; empty means now."""
    if not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=UTC)
    except ValueError:
        raise InvalidInput("Enter the time as YYYY-MM-DD HH:MM (UTC).",
                           "请按 YYYY-MM-DD HH:MM（UTC）填写时间。", field="publish_at") from None


@router.post("/announcements/{announcement_id}/publish", response_class=HTMLResponse)
def publish(request: Request, desk: DeskDep, announcement_id: Id,
            publish_at: Annotated[str, Form(max_length=40)] = "") -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    try:
        transact(desk, announcement_services.publish, who, announcement_id, desk.now(),
                 scheduled_time(publish_at))
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _edit_page(request, desk, who, announcement_id, error=error, status_code=status)
    return redirect(f"{BASE}/{announcement_id}?done=ann_published")


@router.post("/announcements/{announcement_id}/archive", response_class=HTMLResponse)
def archive(request: Request, desk: DeskDep, announcement_id: Id) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    try:
        transact(desk, announcement_services.archive, who, announcement_id, desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _edit_page(request, desk, who, announcement_id, error=error, status_code=status)
    return redirect(f"{BASE}/{announcement_id}?done=ann_archived")
