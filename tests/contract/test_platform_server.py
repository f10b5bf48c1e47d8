"""The server side of the HTTP contract: tokens, bad requests, idempotent cases, failures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from cryptodesk.platform import PlatformUnavailable
from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.http import HttpPlatform
from cryptodesk.platform.memory import MemoryPlatform
from cryptodesk.platform.models import AssetNetworkStatus
from cryptodesk.platform.server import create_platform_app

from .adapters import NOW, TOKEN
from .servers import refused_url, serving

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CASE = {"customer_ref": "demo-carol", "kind": "deposit_recovery", "summary": "BEP20 to ERC20",
        "evidence": {"deposit_id": "D71000020"}}


@pytest.fixture
def memory() -> MemoryPlatform:
    return demo_exchange(NOW)


@pytest.fixture
def server(memory: MemoryPlatform) -> Iterator[httpx.Client]:
    with serving(create_platform_app(memory, TOKEN)) as url, httpx.Client(base_url=url) as http:
        yield http


def _error(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    return body["error"]


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong-token"}, {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
])
def test_without_the_token_every_endpoint_is_401(
    server: httpx.Client, headers: dict[str, str]
) -> None:
    for path in ("/v1/customers/demo-alice/account", "/v1/networks", "/v1/tickers/BTC-USDT"):
        response = server.get(path, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert _error(response)["code"] == "unauthorized"
    posted = server.post("/v1/cases", json=CASE, headers=headers)
    assert posted.status_code == 401


def test_the_client_with_a_wrong_token_is_unavailable(server: httpx.Client) -> None:
    with HttpPlatform(str(server.base_url), "wrong-token", timeout=1, retries=2,
                      backoff=0) as platform, pytest.raises(PlatformUnavailable, match="401"):
        platform.account("demo-alice")


def test_unknown_customers_markets_and_routes_are_told_apart(server: httpx.Client) -> None:
    assert _error(server.get("/v1/customers/demo-nobody/orders", headers=AUTH))["code"] == (
        "unknown_customer")
    assert _error(server.get("/v1/tickers/NOPE-USDT", headers=AUTH))["code"] == "unknown_market"
    assert _error(server.get("/v1/tickers/BTCUSDT", headers=AUTH))["code"] == "unknown_market"
    missing = server.get("/v1/nothing-here", headers=AUTH)
    assert (missing.status_code, _error(missing)["code"]) == (404, "not_found")


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "limit=ten"])
def test_a_limit_outside_the_contract_is_422(server: httpx.Client, query: str) -> None:
    response = server.get(f"/v1/customers/demo-alice/deposits?{query}", headers=AUTH)
    assert response.status_code == 422
    assert _error(response)["code"] == "invalid_request"
    assert "limit" in _error(response)["message"]


def test_a_malformed_freeze_or_case_is_422_and_changes_nothing(
    server: httpx.Client, memory: MemoryPlatform
) -> None:
    freeze = server.post("/v1/customers/demo-alice/freeze", headers=AUTH,
                         json={"reason": "hacked", "at": "2026-11-25T09:00:00"})
    assert freeze.status_code == 422
    assert "body.at" in _error(freeze)["message"]
    case = server.post("/v1/cases", headers=AUTH, json={**CASE, "kind": None})
    assert case.status_code == 422
    assert "body.kind: expected a string" in _error(case)["message"]
    not_json = server.post("/v1/cases", headers={**AUTH, "Content-Type": "application/json"},
                           content=b"{")
    assert not_json.status_code == 422
    assert memory.account("demo-alice").status == "active"
    assert memory.cases == []


def test_a_freeze_answers_the_frozen_account(server: httpx.Client, memory: MemoryPlatform) -> None:
    response = server.post("/v1/customers/demo-judy/freeze", headers=AUTH,
                           json={"reason": "customer_request", "at": "2026-11-25T17:00:00+08:00"})
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["frozen_at"]) == ("frozen", "2026-11-25T09:00:00+00:00")
    assert memory.account("demo-judy").freeze_reason == "customer_request"


def test_one_idempotency_key_opens_one_case(server: httpx.Client, memory: MemoryPlatform) -> None:
    keyed = {**AUTH, "Idempotency-Key": "k-1"}
    first = server.post("/v1/cases", headers=keyed, json=CASE)
    again = server.post("/v1/cases", headers=keyed, json=CASE)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert len(memory.cases) == 1
    reused = server.post("/v1/cases", headers=keyed, json={**CASE, "summary": "other"})
    assert (reused.status_code, _error(reused)["code"]) == (422, "idempotency_key_reused")
    unkeyed = [server.post("/v1/cases", headers=AUTH, json=CASE).json()["id"] for _ in range(2)]
    assert len(set(unkeyed)) == 2
    assert len(memory.cases) == 3


class _Crashing(MemoryPlatform):
    def network_statuses(self) -> Sequence[AssetNetworkStatus]:
        raise RuntimeError("bug")


def test_a_failing_platform_behind_the_server_is_503_or_500() -> None:
    gone = HttpPlatform(refused_url(), TOKEN, timeout=0.2, retries=0)
    with gone, serving(create_platform_app(gone, TOKEN)) as url:
        response = httpx.get(f"{url}/v1/networks", headers=AUTH)
        assert response.status_code == 503
        assert _error(response)["code"] == "unavailable"
        assert "could not be reached" in _error(response)["message"]
        front = HttpPlatform(url, TOKEN, timeout=1, retries=1, backoff=0)
        with front, pytest.raises(PlatformUnavailable, match=r"answered 503 .*\(2 attempts\)"):
            front.network_statuses()
    with serving(create_platform_app(_Crashing(), TOKEN)) as url:
        response = httpx.get(f"{url}/v1/networks", headers=AUTH)
        assert response.status_code == 500
        assert _error(response) == {"code": "internal_error",
                                    "message": "the platform API failed; see its log"}


def test_the_app_refuses_an_empty_token(memory: MemoryPlatform) -> None:
    with pytest.raises(ValueError, match="token"):
        create_platform_app(memory, "")
