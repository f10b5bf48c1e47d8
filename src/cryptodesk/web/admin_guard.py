"""What every supervisors' page shares: who may see it, whose form it is, how it is drawn."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from ..bootstrap import Desk
from ..channels.identity import same_origin
from ..domain.agents import Agent
from ..errors import CryptodeskError
from .admin_text import AdminText
from .console import console_page, session_agent, to_login
from .errors import STATUS
from .rendering import page_language, templates

DONE = ("agent", "sla", "channel_added", "channel_retired", "created", "saved", "status")
templates.env.globals["admin_nav"] = lambda lang: AdminText(lang)("admin.nav")


def supervisor(request: Request, desk: Desk) -> Agent | Response:
    """The signed-in supervisor or admin, or the answer for anyone else."""
    agent = session_agent(request, desk)
    if agent is None:
        return to_login(request)
    if not agent.can_supervise:
        return message(request, agent, "admin.forbidden", 403)
    return agent


def posted(request: Request, desk: Desk) -> Agent | Response:
    """As `supervisor`, and the form must come from one of our pages."""
    who = supervisor(request, desk)
    if isinstance(who, Agent) and not same_origin(request, desk.settings.public_url):
        return message(request, who, "admin.foreign_form", 403)
    return who


def page(request: Request, template: str, agent: Agent, section: str, context: dict[str, Any],
         *, status_code: int = 200) -> HTMLResponse:
    done = request.query_params.get("done")
    return console_page(request, template, agent, {
        "at": AdminText(page_language(request)), "section": section,
        "done": done if done in DONE else None, **context,
    }, status_code=status_code)


def message(request: Request, agent: Agent, key: str, status_code: int) -> HTMLResponse:
    return page(request, "console_admin_message.html", agent, "", {"message_key": key},
                status_code=status_code)


def refusal(request: Request, refused: CryptodeskError) -> tuple[str, int]:
    status = next((code for kind, code in STATUS if isinstance(refused, kind)), 422)
    return refused.message(page_language(request)), status


