"""The HTTP adapter when the exchange misbehaves: slow, down, garbage, errors, wrong token.

Every failure must end as PlatformUnavailable (or UnknownCustomer for a 404 that says so),
never as a half-read record. Attempts are counted where they land, on the server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cryptodesk.platform import CaseRequest, Platform, PlatformUnavailable, UnknownCustomer
from cryptodesk.platform.codec import encode
from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.http import HttpPlatform

from .adapters import NOW, TOKEN
from .servers import Reply, Scripted, refused_url, serving

TIMEOUT = 0.2
ACCOUNT = encode(demo_exchange(NOW).account("demo-alice"))
BALANCE = {"asset": "BTC", "available": "0.5", "locked": "0"}


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


def _error(code: str, message: str = "") -> bytes:
    return _json({"error": {"code": code, "message": message}})


@pytest.fixture(scope="module")
def scripted_server() -> Iterator[tuple[Scripted, str]]:
    scripted = Scripted()
    with serving(scripted) as url:
        try:
            yield scripted, url
        finally:
            scripted.reset()


@pytest.fixture
def exchange(scripted_server: tuple[Scripted, str]) -> Iterator[tuple[Scripted, str]]:
    scripted_server[0].reset()
    yield scripted_server
    scripted_server[0].reset()


@pytest.fixture
def client(exchange: tuple[Scripted, str]) -> Iterator[HttpPlatform]:
    with HttpPlatform(exchange[1], TOKEN, timeout=TIMEOUT, retries=2, backoff=0) as platform:
        yield platform


def test_a_slow_exchange_times_out_after_every_retry(
    exchange: tuple[Scripted, str], client: HttpPlatform
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(body=_json(ACCOUNT), delay=5))
    with pytest.raises(PlatformUnavailable, match=r"timed out after 0.2 s \(3 attempts\)"):
        client.account("demo-alice")
    assert scripted.wait_for_calls(3) == 3
    assert all(c.headers["authorization"] == f"Bearer {TOKEN}" for c in scripted.calls)


def test_one_slow_answer_is_retried_into_a_good_one(
    exchange: tuple[Scripted, str], client: HttpPlatform
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(body=_json(ACCOUNT), delay=5), Reply(body=_json(ACCOUNT)))
    assert client.account("demo-alice").ref == "demo-alice"
    assert scripted.wait_for_calls(2) == 2


def test_a_down_exchange_is_unavailable_after_backing_off() -> None:
    pauses: list[float] = []
    platform = HttpPlatform(refused_url(), TOKEN, timeout=TIMEOUT, retries=3, backoff=0.05,
                            sleep=pauses.append)
    refused = r"could not be reached.*\(4 attempts\)"
    with platform, pytest.raises(PlatformUnavailable, match=refused):
        platform.balances("demo-alice")
    assert pauses == [0.05, 0.1, 0.2]


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried_then_unavailable(
    exchange: tuple[Scripted, str], client: HttpPlatform, status: int
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(status=status, body=b"<html>upstream error</html>"))
    with pytest.raises(PlatformUnavailable, match=rf"answered {status} .*\(3 attempts\)"):
        client.network_statuses()
    assert scripted.wait_for_calls(3) == 3


def test_a_server_error_then_an_answer_is_an_answer(
    exchange: tuple[Scripted, str], client: HttpPlatform
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(status=503), Reply(status=500), Reply(body=_json({"items": [BALANCE]})))
    (balance,) = client.balances("demo-alice")
    assert str(balance.available) == "0.5"
    assert scripted.wait_for_calls(3) == 3


@pytest.mark.parametrize(("status", "body", "message"), [
    (400, _error("bad_request", "limit out of range"), r"rejected \(400\): limit out of range"),
    (422, b"nope", r"rejected \(422\): nope"),
    (401, _error("unauthorized"), r"refused our token \(401\)"),
    (403, b"", r"refused our token \(403\)"),
    (404, _json({"detail": "Not Found"}), r"not found: is the base URL right\?"),
])
def test_client_errors_are_never_retried(
    exchange: tuple[Scripted, str], client: HttpPlatform, status: int, body: bytes, message: str
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(status=status, body=body))
    with pytest.raises(PlatformUnavailable, match=message):
        client.account("demo-alice")
    assert scripted.wait_for_calls(1) == 1


def test_a_404_naming_the_customer_or_market_is_a_lookup_miss(
    exchange: tuple[Scripted, str], client: HttpPlatform
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(status=404, body=_error("unknown_customer")))
    with pytest.raises(UnknownCustomer):
        client.withdrawals("demo-nobody", limit=5)
    assert scripted.calls[0].path == "/v1/customers/demo-nobody/withdrawals"
    assert scripted.calls[0].query == "limit=5"
    scripted.answer(Reply(status=404, body=_error("unknown_market")))
    with pytest.raises(LookupError) as raised:
        client.ticker("NOPE/USDT")
    assert not isinstance(raised.value, UnknownCustomer)
    assert scripted.calls[1].path == "/v1/tickers/NOPE-USDT"


def _with(**changes: Any) -> dict[str, Any]:
    return {**ACCOUNT, **changes}


Call = Callable[[Platform], object]
GARBAGE: list[tuple[str, Call, bytes, str]] = [
    ("not json", lambda p: p.account("a"), b"{'ref': 'a'", "invalid JSON"),
    ("empty body", lambda p: p.account("a"), b"", "invalid JSON"),
    ("array for object", lambda p: p.account("a"), b"[]", "Account: expected an object"),
    ("missing fields", lambda p: p.account("a"), _json({"ref": "a"}),
     r"Account: missing field\(s\) status, kyc_level"),
    ("unknown status", lambda p: p.account("a"), _json(_with(status="sleeping")),
     "Account.status: expected one of active, frozen, disabled"),
    ("time without zone", lambda p: p.account("a"), _json(_with(created_at="2026-11-25T09:00")),
     "Account.created_at: .*has no zone"),
    ("string for bool", lambda p: p.account("a"), _json(_with(phone_bound="yes")),
     "Account.phone_bound: expected true or false"),
    ("extra field", lambda p: p.account("a"), _json(_with(vip="VIP9")),
     r"Account: unexpected field\(s\) vip"),
    ("bare list", lambda p: p.balances("a"), _json([BALANCE]), r'no \{"items": \[...\]\}'),
    ("items not a list", lambda p: p.balances("a"), _json({"items": BALANCE}),
     "items: expected an array"),
    ("float amount", lambda p: p.balances("a"), _json({"items": [{**BALANCE, "locked": 0.1}]}),
     r"items\[0\].locked: expected a decimal string"),
    ("exponent amount", lambda p: p.ticker("BTC/USDT"),
     _json({"pair": "BTC/USDT", "last": "6.4E+4", "at": "2026-11-25T09:00:00Z"}),
     "Ticker.last: expected a decimal string"),
    ("nested record", lambda p: p.platform_status(),
     _json({"incidents": [{"title_en": "x"}]}), r"PlatformStatus.incidents\[0\]: missing"),
    ("case without id", lambda p: p.create_case(CaseRequest("a", "appeal", "s")),
     _json({"id": 7}), "no case id"),
]


@pytest.mark.parametrize(("call", "body", "message"), [g[1:] for g in GARBAGE],
                         ids=[g[0] for g in GARBAGE])
def test_garbage_is_unavailable_never_half_a_record(
    exchange: tuple[Scripted, str], client: HttpPlatform, call: Call, body: bytes, message: str
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(body=body))
    with pytest.raises(PlatformUnavailable, match=message):
        call(client)
    assert scripted.wait_for_calls(1) == 1


def test_a_retried_case_keeps_one_idempotency_key(
    exchange: tuple[Scripted, str], client: HttpPlatform
) -> None:
    scripted, _url = exchange
    scripted.answer(Reply(status=503), Reply(status=502), Reply(status=201,
                                                                body=_json({"id": "case-77"})))
    case_id = client.create_case(CaseRequest("demo-carol", "deposit_recovery", "BEP20 to ERC20"))
    assert case_id == "case-77"
    assert scripted.wait_for_calls(3) == 3
    keys = {c.headers.get("idempotency-key") for c in scripted.calls}
    assert len(keys) == 1 and None not in keys
    assert {(c.method, c.path) for c in scripted.calls} == {("POST", "/v1/cases")}
    client.create_case(CaseRequest("demo-carol", "appeal", "another case"))
    assert scripted.calls[3].headers["idempotency-key"] not in keys


def test_a_limit_outside_the_contract_is_refused_before_any_call(
    exchange: tuple[Scripted, str], client: HttpPlatform
) -> None:
    scripted, _url = exchange
    for limit in (0, 501):
        with pytest.raises(ValueError, match="limit"):
            client.orders("demo-alice", limit=limit)
    assert scripted.calls == []
