"""The one place where failures become HTTP answers: `{error: {code, message, field?}}`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (
    AuthenticationFailed,
    Conflict,
    CryptodeskError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    RateLimited,
)
from ..i18n import choose_language, t

log = logging.getLogger("cryptodesk.web")

STATUS = (
    (NotFound, 404), (IllegalTransition, 409), (Conflict, 409), (AuthenticationFailed, 401),
    (PermissionDenied, 403), (RateLimited, 429),
)
_HTTP_CODES = {401: "unauthenticated", 404: "not_found", 405: "method_not_allowed",
               413: "too_large", 429: "rate_limited"}


def error_body(code: str, message: str, field: str | None = None) -> dict:
    error: dict = {"code": code, "message": message}
    if field:
        error["field"] = field
    return {"error": error}


def _language(request: Request) -> str:
    return choose_language(request.headers.get("accept-language"))


def install(app: FastAPI) -> None:
    @app.exception_handler(CryptodeskError)
    async def _domain(request: Request, exc: CryptodeskError) -> JSONResponse:
        status = next((s for cls, s in STATUS if isinstance(exc, cls)), 422)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if isinstance(exc, RateLimited):
            headers = {"Retry-After": str(exc.retry_after)}
        return JSONResponse(
            error_body(exc.code, exc.message(_language(request)), exc.field), status, headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        location = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")]
        field = ".".join(location) or None
        detail = first.get("msg", "")
        message = t("error.validation", _language(request))
        if detail:
            message = f"{message} {field + ': ' if field else ''}{detail}"
        return JSONResponse(error_body("invalid_input", message, field), 422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        language = _language(request)
        message = t("error.not_found", language) if exc.status_code == 404 else str(exc.detail)
        return JSONResponse(error_body(code, message), exc.status_code, exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            error_body("internal_error", t("error.internal", _language(request))), 500
        )
