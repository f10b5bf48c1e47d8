"""The agent console's pages: sign-in, the inbox and its queues, one ticket.

Every page but sign-in needs an agent's session cookie (HttpOnly, SameSite=Strict, set by
sign-in here or by the API); without one the agent is sent to sign in and brought back.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..bootstrap import Desk
from ..channels.identity import same_origin
from ..domain.agents import Agent
from ..domain.sla import Priority
from ..domain.tickets import TicketStatus
from ..errors import AuthenticationFailed, NotFound
from ..services import agents as agent_services
from ..services import attachments as attachment_services
from ..services.tickets import QUEUES
from . import console_views
from .api.feedback import download
from .deps import SESSION_COOKIE, DeskDep, read, transact
from .page_text import Text
from .rendering import here, page_language, redirect, render, safe_next
from .schemas import Id

router = APIRouter(prefix="/console", include_in_schema=False)
DONE = ("reply", "note", "assign", "status", "priority", "escalate", "tags", "merge")
QueueName = Annotated[str, Query(pattern="^(mine|team|unassigned|sla)$")]


def session_agent(request: Request, desk: DeskDep) -> Agent | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    try:
        return read(desk, agent_services.agent_for_token, token, desk.now())
    except AuthenticationFailed:
        return None


def to_login(request: Request) -> Response:
    return redirect(f"/console/login?next={quote(here(request), safe='')}")


def console_page(request: Request, template: str, agent: Agent, context: dict,
                 status_code: int = 200) -> HTMLResponse:
    return render(request, template, {"agent": agent, **context}, status_code=status_code,
                  private=True)


def login_page(request: Request, *, error: str | None = None, username: str = "",
               next_path: str = "/console", status_code: int = 200) -> HTMLResponse:
    return render(request, "console_login.html", {
        "error": error, "username": username, "next": safe_next(next_path, "/console"),
    }, status_code=status_code, private=True)


def _inbox(
    desk: Desk, agent: Agent, queue: str, q: str | None, customer: str | None,
) -> console_views.Inbox:
    """One queue of the inbox, as the page and its live-refreshed rows both show it."""
    return read(desk, console_views.inbox, agent, desk.now(), queue=queue,
                text=(q or "").strip() or None, customer_ref=customer)


@router.get("", response_class=HTMLResponse)
def inbox(
    request: Request, desk: DeskDep, queue: QueueName = "unassigned",
    q: Annotated[str | None, Query(max_length=200)] = None,
    customer: Annotated[str | None, Query(max_length=128)] = None,
) -> Response:
    agent = session_agent(request, desk)
    if agent is None:
        return login_page(request, next_path=here(request))  # the front door signs in
    view = _inbox(desk, agent, queue, q, customer)
    return console_page(request, "console_inbox.html", agent, {
        "queues": QUEUES, "queue": queue, "view": view, "q": q or "", "customer": customer,
        "now": desk.now(),
    })


@router.get("/rows", response_class=HTMLResponse)
def inbox_rows(
    request: Request, desk: DeskDep, queue: QueueName = "unassigned",
    q: Annotated[str | None, Query(max_length=200)] = None,
    customer: Annotated[str | None, Query(max_length=128)] = None,
) -> Response:
    """The inbox table alone, fetched again whenever the live line says something changed."""
    agent = session_agent(request, desk)
    if agent is None:
        return to_login(request)
    view = _inbox(desk, agent, queue, q, customer)
    return console_page(request, "_inbox_rows.html", agent, {
        "queues": QUEUES, "queue": queue, "view": view, "now": desk.now(),
    })


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, desk: DeskDep, next: str = "/console") -> Response:
    if session_agent(request, desk) is not None:
        return redirect(safe_next(next, "/console"))
    return login_page(request, next_path=next)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, desk: DeskDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    totp: Annotated[str, Form(max_length=12)] = "",
    next: Annotated[str, Form(max_length=500)] = "/console",
) -> Response:
    lang = page_language(request)
    if not same_origin(request, desk.settings.public_url):
        return login_page(request, error=_tr(lang, "login.forbidden"), status_code=403)
    now = desk.now()
    try:
        _, token = transact(
            desk, agent_services.login, desk.hasher, username=username, password=password,
            code=totp.strip() or None, now=now, session_hours=desk.settings.session_hours,
        )
    except AuthenticationFailed as refused:
        return login_page(request, error=refused.message(lang), username=username,
                          next_path=next, status_code=401)
    response = redirect(safe_next(next, "/console"))
    response.set_cookie(
        SESSION_COOKIE, token, max_age=int(timedelta(hours=desk.settings.session_hours)
                                           .total_seconds()),
        httponly=True, samesite="strict", path="/",
        secure=desk.settings.public_url.startswith("https"),
    )
    return response


@router.post("/logout")
def logout(request: Request, desk: DeskDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token and same_origin(request, desk.settings.public_url):
        with contextlib.suppress(AuthenticationFailed):
            transact(desk, agent_services.logout, token, desk.now())
    response = redirect("/console/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def ticket_page(request: Request, desk: DeskDep, agent: Agent, ticket_id: int, *,
                error: str | None = None, status_code: int = 200) -> HTMLResponse:
    try:
        view = read(desk, console_views.ticket_view, agent, ticket_id, desk.now())
    except NotFound:
        return console_page(request, "console_missing.html", agent, {"ticket_id": ticket_id},
                            status_code=404)
    panel = console_views.account_panel(desk.platform, view.customer.ref) \
        if view.customer else None
    suggested = read(desk, console_views.suggestion, view, desk.intent_model, desk.platform,
                     desk.now(), desk.settings.public_url)
    return console_page(request, "console_ticket.html", agent, {
        "view": view, "t": view.ticket, "now": desk.now(), "error": error,
        "panel": panel, "suggested": suggested,
        "done": done if (done := request.query_params.get("done")) in DONE else None,
        "statuses": list(TicketStatus),
        "priorities": list(Priority),
    }, status_code=status_code)


@router.get("/tickets/{ticket_id}", response_class=HTMLResponse)
def ticket(request: Request, desk: DeskDep, ticket_id: Id) -> Response:
    agent = session_agent(request, desk)
    if agent is None:
        return to_login(request)
    return ticket_page(request, desk, agent, ticket_id)


@router.get("/tickets/{ticket_id}/transcript", response_class=HTMLResponse)
def transcript(request: Request, desk: DeskDep, ticket_id: Id) -> Response:
    agent = session_agent(request, desk)
    if agent is None:
        return to_login(request)
    try:
        view = read(desk, console_views.ticket_view, agent, ticket_id, desk.now())
    except NotFound:
        return console_page(request, "console_missing.html", agent, {"ticket_id": ticket_id},
                            status_code=404)
    return console_page(request, "_transcript.html", agent, {"view": view, "now": desk.now()})


@router.get("/attachments/{attachment_id}")
def attachment(request: Request, desk: DeskDep, attachment_id: Id) -> Response:
    """A customer's file, for an agent signed in to the console."""
    agent = session_agent(request, desk)
    if agent is None:
        return to_login(request)
    try:
        found = read(desk, attachment_services.for_agent, agent, attachment_id)
        return download(desk, found)
    except NotFound:
        return console_page(request, "console_missing.html", agent, {"ticket_id": None},
                            status_code=404)


def _tr(lang: str, key: str) -> str:
    return Text("zh" if lang == "zh" else "en")(key)
