"""The HTTP contract of docs/platform-api.yaml, served from any Platform adapter.

`cryptodesk platform serve` runs it over the built-in ledger; the contract suite runs the HTTP
client against it. Errors are `{"error": {"code", "message"}}`: 401 for a wrong token, 404
`unknown_customer` / `unknown_market`, 422 for a malformed request, 503 when the Platform
behind it is unavailable.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .codec import CodecError, FreezeRequest, decode, encode
from .models import CaseRequest
from .port import Platform, PlatformUnavailable, UnknownCustomer

MAX_LIMIT = 500
_REMEMBERED_KEYS = 10_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most records to return")]


class _ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers or None
    )


class _IdempotentCases:
    """Case ids by idempotency key, so a retried POST /v1/cases opens one case, not two.

    Kept in this process (the last 10 000 keys); an exchange's own server keeps them durably.
    """

    def __init__(self, platform: Platform) -> None:
        self._platform = platform
        self._seen: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._lock = threading.Lock()

    def create(self, request: CaseRequest, key: str | None) -> str:
        if key is None:
            return self._platform.create_case(request)
        body = json.dumps(encode(request), sort_keys=True, ensure_ascii=False)
        fingerprint = hashlib.sha256(body.encode()).hexdigest()
        with self._lock:
            if key in self._seen:
                seen_fingerprint, case_id = self._seen[key]
                if seen_fingerprint != fingerprint:
                    raise _ApiError(422, "idempotency_key_reused",
                                    "this Idempotency-Key was used for another case")
                return case_id
            case_id = self._platform.create_case(request)
            self._seen[key] = (fingerprint, case_id)
            if len(self._seen) > _REMEMBERED_KEYS:
                self._seen.popitem(last=False)
            return case_id


def create_platform_app(platform: Platform, token: str) -> FastAPI:
    """An ASGI app answering the Platform contract for `platform`, to callers holding `token`."""
    if not token:
        raise ValueError("the platform API needs a token")
    expected = token.encode()

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected):
            raise _ApiError(401, "unauthorized", "a valid bearer token is required")

    app = FastAPI(
        title="cryptodesk Platform API", openapi_url=None, docs_url=None, redoc_url=None,
        dependencies=[Depends(authorised)],
    )
    _handle_errors(app)
    cases = _IdempotentCases(platform)

    def items(records: Any) -> dict[str, Any]:
        return {"items": [encode(r) for r in records]}

    @app.get("/v1/customers/{ref}/account")
    def account(ref: str) -> dict[str, Any]:
        return encode(platform.account(ref))

    @app.get("/v1/customers/{ref}/balances")
    def balances(ref: str) -> dict[str, Any]:
        return items(platform.balances(ref))

    @app.get("/v1/customers/{ref}/deposit-addresses")
    def deposit_addresses(ref: str) -> dict[str, Any]:
        return items(platform.deposit_addresses(ref))

    @app.get("/v1/customers/{ref}/deposits")
    def deposits(ref: str, limit: Limit = 20) -> dict[str, Any]:
        return items(platform.deposits(ref, limit=limit))

    @app.get("/v1/customers/{ref}/withdrawals")
    def withdrawals(ref: str, limit: Limit = 20) -> dict[str, Any]:
        return items(platform.withdrawals(ref, limit=limit))

    @app.get("/v1/customers/{ref}/orders")
    def orders(ref: str, limit: Limit = 20) -> dict[str, Any]:
        return items(platform.orders(ref, limit=limit))

    @app.get("/v1/customers/{ref}/security-events")
    def security_events(ref: str, limit: Limit = 20) -> dict[str, Any]:
        return items(platform.security_events(ref, limit=limit))

    @app.get("/v1/trading-rules")
    def trading_rules() -> dict[str, Any]:
        return items(platform.trading_rules())

    @app.get("/v1/fees")
    def fees() -> dict[str, Any]:
        return items(platform.fee_schedule())

    @app.get("/v1/networks")
    def networks() -> dict[str, Any]:
        return items(platform.network_statuses())

    @app.get("/v1/status")
    def status() -> dict[str, Any]:
        return encode(platform.platform_status())

    @app.get("/v1/tickers/{pair}")
    def ticker(pair: str) -> dict[str, Any]:
        if pair.count("-") != 1:
            raise _ApiError(404, "unknown_market", f"no market {pair}; write pairs as BTC-USDT")
        try:
            return encode(platform.ticker(pair.replace("-", "/")))
        except LookupError as exc:
            raise _ApiError(404, "unknown_market", f"no market {pair}") from exc

    @app.post("/v1/customers/{ref}/freeze")
    def freeze(ref: str, payload: Annotated[Any, Body()]) -> dict[str, Any]:
        request = _decoded(FreezeRequest, payload)
        return encode(platform.freeze_account(ref, request.reason, request.at))

    @app.post("/v1/cases", status_code=201)
    def create_case(
        payload: Annotated[Any, Body()],
        idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
    ) -> dict[str, Any]:
        return {"id": cases.create(_decoded(CaseRequest, payload), idempotency_key)}

    return app


def _decoded(cls: type[Any], payload: object) -> Any:
    try:
        return decode(cls, payload, "body")
    except CodecError as exc:
        raise _ApiError(422, "invalid_request", str(exc)) from exc


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(_ApiError)
    def api_error(_request: Request, exc: _ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        return _error(exc.status, exc.code, exc.message, **headers)

    @app.exception_handler(UnknownCustomer)
    def unknown_customer(_request: Request, exc: UnknownCustomer) -> JSONResponse:
        return _error(404, "unknown_customer", f"no customer {exc.args[0] if exc.args else ''}")

    @app.exception_handler(PlatformUnavailable)
    def unavailable(_request: Request, exc: PlatformUnavailable) -> JSONResponse:
        return _error(503, "unavailable", str(exc) or "the exchange's records are unavailable")

    @app.exception_handler(RequestValidationError)
    def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "http_error"
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    def crashed(_request: Request, _exc: Exception) -> JSONResponse:
        return _error(500, "internal_error", "the platform API failed; see its log")
