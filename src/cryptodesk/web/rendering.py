"""What every server-rendered page shares: the templates, the reader's language, safe headers.

Pages load no inline script or style, so the Content-Security-Policy can forbid both: customer
text that slipped past escaping still could not run.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..domain.customers import LANGUAGES, Language
from ..i18n import choose_language
from .page_text import Text

LANG_COOKIE = "cryptodesk_lang"
LANG_COOKIE_DAYS = 365

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
templates.env.autoescape = True
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+)$", re.M)
_URL = re.compile(r"https?://(?:(?!&#34;|&#39;|&lt;|&gt;)[^\s<>\"')])+")


def chat_text(text: str) -> Markup:
    """A message for a thread: escaped first, then the bot's **bold**, headings and links."""
    escaped = str(escape(text))
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    escaped = _HEADING.sub(r"<strong>\1</strong>", escaped)
    escaped = _URL.sub(lambda m: f'<a href="{m.group(0)}" rel="noopener noreferrer nofollow">'
                                 f"{m.group(0)}</a>", escaped)
    return Markup(escaped)  # built from escaped text only


templates.env.filters["chat"] = chat_text

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def page_language(request: Request) -> Language:
    """`?lang=` first, then the switch's cookie, then the browser's Accept-Language."""
    for chosen in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if chosen in LANGUAGES:
            return chosen  # type: ignore[return-value]
    return choose_language(request.headers.get("accept-language"))


def safe_next(target: str | None, default: str = "/") -> str:
    """Only paths on this site: no scheme, no host, no `//evil.example`."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(c in target for c in "\r\n\t"):
        return default
    return target


def here(request: Request, *, drop: tuple[str, ...] = ("lang",)) -> str:
    """This page's path and query, minus the language override, for the switch to return to."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in drop]
    return request.url.path + (f"?{urlencode(query)}" if query else "")


def when(value: datetime | None, lang: Language) -> str:
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d %H:%M UTC")


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *,
    status_code: int = 200, lang: Language | None = None, private: bool = False,
) -> HTMLResponse:
    language = lang or page_language(request)
    values = {
        "lang": language, "tr": Text(language), "here": here(request),
        "when": lambda v: when(v, language), **(context or {}),
    }
    response = templates.TemplateResponse(request, template, values, status_code=status_code)
    secure(response, private=private)
    return response


def secure(response: HTMLResponse | RedirectResponse, *, private: bool = False) -> None:
    response.headers.update(SECURITY_HEADERS)
    if private:
        response.headers["Cache-Control"] = "no-store"


def redirect(target: str, *, private: bool = True) -> RedirectResponse:
    response = RedirectResponse(target, status_code=303)
    secure(response, private=private)
    return response
