"""Server-rendered pages, in the visitor's language."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..i18n import choose_language

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
router = APIRouter(include_in_schema=False)


def _language(request: Request) -> str:
    chosen = request.query_params.get("lang")
    if chosen in ("zh", "en"):
        return chosen
    return choose_language(request.headers.get("accept-language"))


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "home.html", {"lang": _language(request)})


@router.get("/console", response_class=HTMLResponse)
def console(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "console_login.html", {"lang": _language(request)})
