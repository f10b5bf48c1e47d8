"""The Platform port over HTTP: an exchange that implements docs/platform-api.yaml.

Support must never guess from a half-answer, so anything short of a well-formed reply
(timeout, refused connection, 5xx after the retries, a rejected token, invalid JSON, a record
of the wrong shape) raises `PlatformUnavailable` with what went wrong; a 404 naming
`unknown_customer` raises `UnknownCustomer`. Connection failures, timeouts and 5xx are retried
with exponential backoff; 4xx never is. Both POSTs are safe to retry: freezing is idempotent
and each case carries an `Idempotency-Key`.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from .codec import CodecError, FreezeRequest, decode, decode_many, encode
from .models import (
    Account,
    AssetNetworkStatus,
    Balance,
    CaseRequest,
    Deposit,
    DepositAddress,
    FeeTier,
    Order,
    PlatformStatus,
    SecurityEvent,
    Ticker,
    TradingRule,
    Withdrawal,
)
from .port import PlatformUnavailable, UnknownCustomer

T = TypeVar("T")
MAX_LIMIT = 500


class _NotFound(Exception):
    def __init__(self, code: str | None) -> None:
        super().__init__(code)
        self.code = code


class HttpPlatform:
    """A client of one exchange's Platform API; thread-safe, one connection pool."""

    def __init__(
        self, base_url: str, token: str, *, timeout: float = 3.0, retries: int = 2,
        backoff: float = 0.25, transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if timeout <= 0 or retries < 0 or backoff < 0:
            raise ValueError("timeout must be positive, retries and backoff not negative")
        self.base_url = base_url.rstrip("/")
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self._sleep = sleep
        self._client = httpx.Client(
            base_url=self.base_url, timeout=timeout, transport=transport,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json",
                     "User-Agent": "cryptodesk-platform-client"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpPlatform:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # The port -----------------------------------------------------------------------------

    def account(self, ref: str) -> Account:
        return self._customer(Account, ref, "account")

    def balances(self, ref: str) -> Sequence[Balance]:
        return self._customer_list(Balance, ref, "balances")

    def deposit_addresses(self, ref: str) -> Sequence[DepositAddress]:
        return self._customer_list(DepositAddress, ref, "deposit-addresses")

    def deposits(self, ref: str, *, limit: int = 20) -> Sequence[Deposit]:
        return self._customer_list(Deposit, ref, "deposits", limit)

    def withdrawals(self, ref: str, *, limit: int = 20) -> Sequence[Withdrawal]:
        return self._customer_list(Withdrawal, ref, "withdrawals", limit)

    def orders(self, ref: str, *, limit: int = 20) -> Sequence[Order]:
        return self._customer_list(Order, ref, "orders", limit)

    def security_events(self, ref: str, *, limit: int = 20) -> Sequence[SecurityEvent]:
        return self._customer_list(SecurityEvent, ref, "security-events", limit)

    def trading_rules(self) -> Sequence[TradingRule]:
        return self._items(TradingRule, self._get("/v1/trading-rules"), "/v1/trading-rules")

    def fee_schedule(self) -> Sequence[FeeTier]:
        return self._items(FeeTier, self._get("/v1/fees"), "/v1/fees")

    def network_statuses(self) -> Sequence[AssetNetworkStatus]:
        return self._items(AssetNetworkStatus, self._get("/v1/networks"), "/v1/networks")

    def platform_status(self) -> PlatformStatus:
        return self._decoded(PlatformStatus, self._get("/v1/status"), "/v1/status")

    def ticker(self, pair: str) -> Ticker:
        path = f"/v1/tickers/{quote(pair.replace('/', '-'), safe='')}"
        try:
            return self._decoded(Ticker, self._get(path), path)
        except _NotFound as exc:
            if exc.code == "unknown_market":
                raise LookupError(f"no market {pair}") from None
            raise self._wrong_url(path) from None

    def freeze_account(self, ref: str, reason: str, at: datetime) -> Account:
        path = f"{self._customer_path(ref)}/freeze"
        body = encode(FreezeRequest(reason=reason, at=at))
        return self._for_customer(ref, path, lambda: self._decoded(
            Account, self._send("POST", path, json=body), path))

    def create_case(self, request: CaseRequest) -> str:
        path = "/v1/cases"
        headers = {"Idempotency-Key": uuid.uuid4().hex}
        body = encode(request)

        def send() -> str:
            answer = self._send("POST", path, json=body, headers=headers)
            case_id = answer.get("id") if isinstance(answer, dict) else None
            if not isinstance(case_id, str) or not case_id:
                raise self._unavailable(f"POST {path} answered no case id")
            return case_id

        return self._for_customer(request.customer_ref, path, send)

    # Plumbing -----------------------------------------------------------------------------

    @staticmethod
    def _customer_path(ref: str) -> str:
        return f"/v1/customers/{quote(ref, safe='')}"

    def _customer(self, cls: type[T], ref: str, what: str) -> T:
        path = f"{self._customer_path(ref)}/{what}"
        return self._for_customer(ref, path, lambda: self._decoded(cls, self._get(path), path))

    def _customer_list(self, cls: type[T], ref: str, what: str,
                       limit: int | None = None) -> list[T]:
        if limit is not None and not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        path = f"{self._customer_path(ref)}/{what}"
        params = None if limit is None else {"limit": limit}
        return self._for_customer(
            ref, path, lambda: self._items(cls, self._get(path, params), path))

    def _for_customer(self, ref: str, path: str, call: Callable[[], T]) -> T:
        try:
            return call()
        except _NotFound as exc:
            if exc.code == "unknown_customer":
                raise UnknownCustomer(ref) from None
            raise self._wrong_url(path) from None

    def _decoded(self, cls: type[T], payload: Any, path: str) -> T:
        try:
            return decode(cls, payload, cls.__name__)
        except CodecError as exc:
            raise self._unavailable(f"{path} answered a malformed record: {exc}") from None

    def _items(self, cls: type[T], payload: Any, path: str) -> list[T]:
        if not isinstance(payload, dict) or set(payload) != {"items"}:
            raise self._unavailable(f'{path} answered no {{"items": [...]}} object')
        try:
            return decode_many(cls, payload["items"], "items")
        except CodecError as exc:
            raise self._unavailable(f"{path} answered a malformed record: {exc}") from None

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self._send("GET", path, params=params)

    def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        """One call with its retries; the parsed JSON of a 2xx answer."""
        attempts = self.retries + 1
        problem = ""
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                response = self._client.request(method, path, **kwargs)
            except httpx.TimeoutException:
                problem = f"timed out after {self.timeout:g} s"
                continue
            except httpx.TransportError as exc:
                problem = f"could not be reached ({type(exc).__name__}: {exc})"
                continue
            except httpx.HTTPError as exc:
                raise self._unavailable(f"{method} {path} failed: {exc}") from exc
            if response.status_code >= 500:
                problem = f"answered {response.status_code} {response.reason_phrase}"
                continue
            return self._answer(method, path, response)
        tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
        raise self._unavailable(f"{method} {path} {problem} ({tries})")

    def _answer(self, method: str, path: str, response: httpx.Response) -> Any:
        status = response.status_code
        if status == 404:
            raise _NotFound(_error_code(response))
        if status in (401, 403):
            raise self._unavailable(f"{method} {path} refused our token ({status})")
        if not 200 <= status < 300:
            raise self._unavailable(f"{method} {path} was rejected ({status}): "
                                    f"{_error_message(response)}")
        try:
            return json.loads(response.content)
        except ValueError:
            raise self._unavailable(f"{method} {path} answered invalid JSON") from None

    def _wrong_url(self, path: str) -> PlatformUnavailable:
        return self._unavailable(f"{path} was not found: is the base URL right?")

    def _unavailable(self, message: str) -> PlatformUnavailable:
        return PlatformUnavailable(f"exchange platform at {self.base_url}: {message}")


def _error_body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _error_code(response: httpx.Response) -> str | None:
    code = _error_body(response).get("code")
    return code if isinstance(code, str) else None


def _error_message(response: httpx.Response) -> str:
    message = _error_body(response).get("message")
    return message if isinstance(message, str) else response.text[:200]
