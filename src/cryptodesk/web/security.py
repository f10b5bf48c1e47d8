"""Headers every answer carries, and the cross-site checks that cookie sessions need."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..channels.identity import same_origin
from ..i18n import choose_language
from .deps import SESSION_COOKIE
from .errors import error_body

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The interactive API docs start Swagger UI with a small inline script; its files are ours.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'"
)
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
                headers.setdefault("Content-Security-Policy",
                                   DOCS_POLICY if docs else CONTENT_SECURITY_POLICY)
                if self.https:
                    headers.setdefault("Strict-Transport-Security",
                                       "max-age=31536000; includeSubDomains")
            await send(message)

        await self.app(scope, receive, with_headers)


class SameOriginWrites:
    """A state change made with the session cookie must come from our own pages
    (``identity.same_origin``). Requests with an explicit Authorization header are not at risk
    and pass.
    """

    def __init__(self, app: ASGIApp, *, public_url: str) -> None:
        self.app = app
        self.public_url = public_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS:
            request = HTTPConnection(scope)
            headers = request.headers
            if (f"{SESSION_COOKIE}=" in headers.get("cookie", "")
                    and "authorization" not in headers
                    and not same_origin(request, self.public_url)):
                language = choose_language(headers.get("accept-language"))
                message = ("这个请求不是从本站页面发出的，已拒绝。" if language == "zh"
                           else "This request did not come from our own pages.")
                response = JSONResponse(error_body("cross_site_request", message), 403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
