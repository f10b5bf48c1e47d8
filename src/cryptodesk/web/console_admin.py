"""Supervisors' pages of the console: agents and teams, SLA targets, the official channels
(the knowledge base and its gaps are in `console_admin_kb`).

Every page needs a signed-in agent who can supervise; others get a 403 page. Forms are plain
posts from our own pages (checked as the ticket forms are), answered with a redirect so a reload
repeats nothing, or with the page again and the reason when the change was refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from ..bootstrap import Desk
from ..domain.agents import Agent, Role
from ..domain.channels import ChannelKind
from ..domain.sla import Priority
from ..errors import CryptodeskError, InvalidInput, PermissionDenied
from ..services import agents as agent_services
from ..services import channels as channel_services
from ..services import sla_policies
from . import console_admin_announcements, console_admin_canned, console_admin_kb
from .admin_guard import page, posted, refusal, supervisor
from .deps import DeskDep, read, transact
from .rendering import redirect
from .schemas import Id

router = APIRouter(prefix="/console/admin", include_in_schema=False)
router.include_router(console_admin_kb.router)
router.include_router(console_admin_announcements.router)
router.include_router(console_admin_canned.router)
Field = Annotated[str, Form(max_length=500)]


def minutes(value: str, field: str) -> int:
    if not value.strip().isdigit():
        raise InvalidInput("Enter a whole number of minutes.", "请输入整数分钟数。", field=field)
    return int(value.strip())


# --- Agents and teams -----------------------------------------------------------------------

def _agents_page(request: Request, desk: Desk, agent: Agent, *, status_code: int = 200,
                 **context: Any) -> HTMLResponse:
    def load(uow: Any) -> dict[str, Any]:
        return {"agents": sorted(uow.agents.all(), key=lambda a: a.username),
                "teams": uow.agents.teams()}

    return page(request, "console_admin_agents.html", agent, "agents", {
        **read(desk, load), "roles": list(Role), "form": {}, **context,
    }, status_code=status_code)


@router.get("/agents", response_class=HTMLResponse)
def agents(request: Request, desk: DeskDep) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _agents_page(request, desk, who)


@router.post("/agents", response_class=HTMLResponse)
def create_agent(
    request: Request, desk: DeskDep, username: Field = "", display_name: Field = "",
    email: Field = "", role: Field = "agent", team: Field = "support",
    password: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    form = {"username": username, "display_name": display_name, "email": email, "role": role,
            "team": team}
    try:
        chosen = Role(role) if role in set(Role) else None
        if chosen is None:
            raise InvalidInput("Choose a role.", "请选择角色。", field="role")
        if chosen is Role.ADMIN and who.role is not Role.ADMIN:
            raise PermissionDenied("Only admins can create admins.", "只有管理员可以创建管理员。")
        created = transact(
            desk, agent_services.create_agent, desk.hasher, username=username,
            display_name=display_name, email=email, password=password, role=chosen, team=team,
            now=desk.now(), actor=who.actor,
        )
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _agents_page(request, desk, who, status_code=status, error=error, form=form)
    return _agents_page(request, desk, who, created=created.agent,
                        secret=created.totp_secret)  # shown this once, never stored in a URL


# --- SLA targets ----------------------------------------------------------------------------

def _sla_page(request: Request, desk: Desk, agent: Agent, *, status_code: int = 200,
              **context: Any) -> HTMLResponse:
    return page(request, "console_admin_sla.html", agent, "sla", {
        "policies": read(desk, sla_policies.listing), "low": sla_policies.MIN_MINUTES,
        "high": sla_policies.MAX_MINUTES, **context,
    }, status_code=status_code)


@router.get("/sla", response_class=HTMLResponse)
def sla(request: Request, desk: DeskDep) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _sla_page(request, desk, who)


@router.post("/sla/{priority}", response_class=HTMLResponse)
def change_sla(
    request: Request, desk: DeskDep, priority: Priority,
    first_response_minutes: Annotated[str, Form(max_length=12)] = "",
    resolution_minutes: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    try:
        transact(desk, sla_policies.change, who, priority,
                 first_response_minutes=minutes(first_response_minutes, "first_response_minutes"),
                 resolution_minutes=minutes(resolution_minutes, "resolution_minutes"),
                 now=desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _sla_page(request, desk, who, status_code=status, error=error, failed=priority)
    return redirect("/console/admin/sla?done=sla")


# --- Official channels ----------------------------------------------------------------------

def _channels_page(request: Request, desk: Desk, agent: Agent, *, status_code: int = 200,
                   **context: Any) -> HTMLResponse:
    return page(request, "console_admin_channels.html", agent, "channels", {
        "channels": read(desk, channel_services.listing, include_retired=True),
        "kinds": list(ChannelKind), "form": {}, **context,
    }, status_code=status_code)


@router.get("/channels", response_class=HTMLResponse)
def channels(request: Request, desk: DeskDep) -> Response:
    who = supervisor(request, desk)
    return who if isinstance(who, Response) else _channels_page(request, desk, who)


def _channel_change(request: Request, desk: Desk, action: Callable[[Agent], Any], done: str,
                    form: dict[str, str]) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    try:
        action(who)
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _channels_page(request, desk, who, status_code=status, error=error, form=form)
    return redirect(f"/console/admin/channels?done={done}")


@router.post("/channels", response_class=HTMLResponse)
def add_channel(request: Request, desk: DeskDep, kind: Field = "", value: Field = "",
                label: Field = "") -> Response:
    def add(who: Agent) -> Any:
        if kind not in set(ChannelKind):
            raise InvalidInput("Choose a kind of channel.", "请选择渠道类型。", field="kind")
        return transact(desk, channel_services.add, who, kind=ChannelKind(kind), value=value,
                        label=label, now=desk.now())

    return _channel_change(request, desk, add, "channel_added",
                           {"kind": kind, "value": value, "label": label})


@router.post("/channels/{channel_id}/retire", response_class=HTMLResponse)
def retire_channel(request: Request, desk: DeskDep, channel_id: Id) -> Response:
    return _channel_change(
        request, desk,
        lambda who: transact(desk, channel_services.retire, who, channel_id, desk.now()),
        "channel_retired", {})
