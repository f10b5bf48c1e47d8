"""Hardening: slow guessing (sign-in and token limits) and the headers every answer carries."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.errors import RateLimited
from cryptodesk.web.ratelimit import LOGIN_FAILURES_PER_ACCOUNT, Limiter, Rule

from ..support.stories import customer, hire


class Ticking:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_window_slides() -> None:
    clock = Ticking()
    limiter = Limiter(clock)
    rule = Rule(2, 60)
    limiter.hit("k", rule)
    clock.now += 30
    limiter.hit("k", rule)
    with pytest.raises(RateLimited) as refused:
        limiter.hit("k", rule)
    assert refused.value.retry_after == 30
    clock.now += 31
    limiter.hit("k", rule)  # the first attempt has left the window
    limiter.check("other", rule)


def test_repeated_wrong_passwords_lock_the_account_for_a_while(
    client: TestClient, desk: Desk
) -> None:
    clock = Ticking()
    client.app.state.limiter = Limiter(clock)
    sam = hire(desk, "sam", totp=False)
    for _ in range(LOGIN_FAILURES_PER_ACCOUNT.limit):
        wrong = client.post("/api/v1/auth/login", json={"username": "sam", "password": "nope"})
        assert wrong.status_code == 401
    right = {"username": "sam", "password": sam.password}
    locked = client.post("/api/v1/auth/login", json=right)
    assert locked.status_code == 429 and locked.json()["error"]["code"] == "rate_limited"
    assert int(locked.headers["Retry-After"]) > 0
    clock.now += LOGIN_FAILURES_PER_ACCOUNT.seconds + 1
    assert client.post("/api/v1/auth/login", json=right).status_code == 200


def test_a_flood_of_bad_identity_tokens_is_slowed(client: TestClient, desk: Desk) -> None:
    client.app.state.limiter = Limiter(Ticking())
    alice = customer(desk, "demo-alice")
    statuses = [client.get("/api/v1/customer/tickets",
                           headers={"Authorization": f"Bearer forged.{n}"}).status_code
                for n in range(31)]
    assert statuses[:30] == [401] * 30 and statuses[30] == 429
    assert client.get("/api/v1/customer/tickets", headers=alice.headers).status_code == 429


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/v1/tickets", "/healthz"):
        headers = client.get(path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_password_strength_in_both_languages(client: TestClient) -> None:
    weak = client.post("/api/v1/help/password-strength",
                       json={"password": "password123", "language": "zh"}).json()
    assert (weak["score"], weak["acceptable"], weak["label"]) == (0, False, "非常弱")
    assert weak["warning"] == "这是一个非常常见的密码。"
    strong = client.post("/api/v1/help/password-strength",
                         json={"password": "violet kettle orbit 1987 drums"}).json()
    assert strong["acceptable"] and strong["crack_time"] == "centuries"
    named = client.post("/api/v1/help/password-strength", json={
        "password": "alice2026", "user_inputs": ["alice"]}).json()
    assert not named["acceptable"]
    assert client.post("/api/v1/help/password-strength", json={"password": ""}).status_code == 422


def test_agents_cannot_be_given_guessable_passwords(desk: Desk) -> None:
    from cryptodesk.errors import InvalidInput
    from cryptodesk.services import agents

    with desk.uow() as uow, pytest.raises(InvalidInput) as refused:
        agents.create_agent(uow, desk.hasher, username="weak", display_name="Weak",
                            email="weak@support.example.com", password="password1234",
                            role=agents.Role.AGENT, team="support", now=desk.now())
    assert refused.value.code == "weak_password" and "密码太容易被猜到" in refused.value.zh


def test_cookie_writes_from_another_site_are_refused(client: TestClient, desk: Desk) -> None:
    sam = hire(desk, "sam")
    login = client.post("/api/v1/auth/login", json={
        "username": "sam", "password": sam.password, "totp": sam.code()})
    assert login.status_code == 200  # the session cookie is now in the client
    alice = customer(desk, "demo-alice")
    ticket = alice.open_chat(client, "help")["ticket_id"]
    client.cookies.set("cryptodesk_session", login.json()["token"])
    path = f"/api/v1/tickets/{ticket}/notes"
    evil = client.post(path, json={"body": "x"}, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403 and evil.json()["error"]["code"] == "cross_site_request"
    sneaky = client.post(path, json={"body": "x"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert sneaky.status_code == 403
    garbled = client.post(path, json={"body": "x"}, headers={"Referer": "http://[::1"})
    assert garbled.status_code == 403 and garbled.json()["error"]["code"] == "cross_site_request"
    own = client.post(path, json={"body": "ours"}, headers={"Origin": "http://testserver"})
    assert own.status_code == 201


def test_the_api_docs_need_no_internet(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn." not in page.text and "/docs-assets/swagger-ui-bundle.js" in page.text
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/openapi.json").json()["openapi"].startswith("3.")
