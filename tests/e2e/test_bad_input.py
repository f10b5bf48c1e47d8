"""Bad input on every endpoint: a 4xx with a JSON error, never a 500 or a stack trace."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk

from ..support.stories import customer, hire

GARBAGE_BODIES = [
    b"not json", b"[]", b'{"unexpected": 1}', b"null", b'{"body": 5}', b'{"body": ""}',
    '{"body": "\u0000"}'.encode(), b'{"status": "flying"}', b'{"priority": "P9"}',
    b'{"target_id": -1}', b'{"tags": "usdt"}', b'{"assignee": 42}', b'{"team": ""}',
    b'{"body": "' + b"x" * 20_001 + b'"}',
]
BAD_IDS = ["0", "-1", "abc", "99999999999999999999", "1.5"]


def _fill(path: str, value: str) -> str:
    for name in ("ticket_id", "conversation_id", "case_id", "article_id", "channel_id",
                 "announcement_id"):
        path = path.replace("{" + name + "}", value)
    return path


def _operations(client: TestClient) -> list[tuple[str, str]]:
    schema = client.get("/openapi.json").json()
    return [(method.upper(), path) for path, item in schema["paths"].items()
            for method in item if path.startswith("/api/")]


def _assert_clean_error(response, context: str) -> None:
    assert 400 <= response.status_code < 500, (context, response.status_code, response.text)
    error = response.json()["error"]
    assert error["code"] and error["message"], context
    assert "Traceback" not in response.text


@pytest.fixture
def authorised(client: TestClient, desk: Desk) -> dict[str, str]:
    sam = hire(desk, "sam")
    headers = sam.login(client)
    alice = customer(desk, "demo-alice")
    alice.open_chat(client, "my withdrawal")
    return {**headers, "X-Customer": alice.token}


def _headers_for(path: str, authorised: dict[str, str]) -> dict[str, str]:
    if path.startswith("/api/v1/customer"):
        return {"Authorization": f"Bearer {authorised['X-Customer']}"}
    return {"Authorization": authorised["Authorization"]}


def test_every_endpoint_refuses_garbage_bodies(
    client: TestClient, authorised: dict[str, str]
) -> None:
    operations = _operations(client)
    assert len(operations) >= 20
    for method, path in operations:
        if method not in ("POST", "PUT"):
            continue
        url = _fill(path, "1")
        for body in GARBAGE_BODIES:
            response = client.request(method, url, content=body, headers={
                **_headers_for(path, authorised), "Content-Type": "application/json"})
            if response.status_code < 300:
                # A body the endpoint does not read (logout, handoff) may succeed.
                assert path.endswith(("/logout", "/handoff", "/freeze")), (method, path, body[:40])
                continue
            _assert_clean_error(response, f"{method} {path} {body[:40]!r}")


def test_every_endpoint_refuses_bad_ids_and_query_values(
    client: TestClient, authorised: dict[str, str]
) -> None:
    for method, path in _operations(client):
        if "{" not in path:
            continue
        for bad in BAD_IDS:
            url = _fill(path, bad)
            response = client.request(method, url, json={}, headers=_headers_for(path, authorised))
            _assert_clean_error(response, f"{method} {url}")
    agent = {"Authorization": authorised["Authorization"]}
    for params in ({"page": 0}, {"per_page": 1000}, {"status": "flying"}, {"sort": "password"},
                   {"queue": "everything"}, {"within": -5}, {"q": "x" * 300}, {"page": "two"}):
        _assert_clean_error(client.get("/api/v1/tickets", headers=agent, params=params),
                            str(params))


def test_every_endpoint_without_credentials_is_refused(client: TestClient) -> None:
    for method, path in _operations(client):
        if path in ("/api/v1/auth/login", "/api/v1/customer/conversations") and method == "POST":
            continue
        url = _fill(path, "1")
        response = client.request(method, url, json={})
        assert response.status_code in (401, 422), (method, path)
        _assert_clean_error(response, f"{method} {path}")


def test_unknown_routes_and_methods_answer_in_the_same_shape(client: TestClient) -> None:
    _assert_clean_error(client.get("/api/v1/nothing-here"), "404")
    _assert_clean_error(client.delete("/api/v1/tickets"), "405")
