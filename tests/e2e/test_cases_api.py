"""Cases through HTTP: customers open them from chat and follow them; agents decide them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.web.app import create_app

from ..support.exchanges import SilentExchange, seed_demo
from ..support.stories import customer, hire

GARBAGE = [b"not json", b"[]", b'{"unexpected": 1}', b"null", b'{"note": 5}', b'{"note": ""}',
           b'{"kind": "chargeback"}', b'{"text": "' + b"x" * 2001 + b'"}']
BAD_IDS = ["0", "-1", "abc", "99999999999999999999", "1.5"]


@pytest.fixture
def exchange(desk: Desk) -> Desk:
    """The desk with the demo exchange's customers, agents and ledger accounts."""
    return seed_demo(desk, articles=False)




def _error(response: Any, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["message"] and (code is None or error["code"] == code), error
    return error


def _open(client: TestClient, who: Any, conversation_id: int, **body: Any) -> Any:
    return client.post(f"/api/v1/customer/conversations/{conversation_id}/cases",
                       headers=who.headers, json=body)


def test_a_customer_opens_a_case_from_chat_and_follows_it(bot_desk: Desk) -> None:
    with TestClient(create_app(bot_desk)) as client:
        carol = customer(bot_desk, "demo-carol", language="zh")
        chat = carol.open_chat(client, "我充的500 USDT走的BEP20，一直没到账")
        card = chat["messages"][1]["data"]["diagnosis"]
        assert card["case_kind"] == "deposit_recovery"  # the bot's offer
        opened = _open(client, carol, chat["id"], kind=card["case_kind"])
        assert opened.status_code == 201, opened.text
        case = opened.json()
        assert (case["kind"], case["status"]) == ("deposit_recovery", "submitted")
        assert case["evidence"]["diagnosis"]["findings"][0]["code"] == "wrong_network_deposit"
        assert case["review_due"].startswith("2026-11-28T09:00")
        assert "exchange_ref" not in case
        mine = client.get("/api/v1/customer/cases", headers=carol.headers).json()
        assert [c["id"] for c in mine["items"]] == [case["id"]] and mine["total"] == 1
        followed = client.get(f"/api/v1/customer/cases/{case['id']}", headers=carol.headers)
        told = followed.json()["messages"][-1]
        assert told["author"] == "system" and told["language"] == "zh"
        assert "2026年11月28日 09:00（UTC）" in told["body"] and f"#{case['id']}" in told["body"]

        dave = customer(bot_desk, "demo-dave")
        _error(client.get(f"/api/v1/customer/cases/{case['id']}", headers=dave.headers), 404,
               "not_found")
        _error(_open(client, dave, chat["id"], kind="refund"), 404, "not_found")
        assert client.get("/api/v1/customer/cases", headers=dave.headers).json()["total"] == 0

        headers = hire(bot_desk, "omar2", team="wallet-ops").login(client)
        seen = client.get(f"/api/v1/cases/{case['id']}", headers=headers).json()
        assert (seen["team"], seen["priority"]) == ("wallet-ops", "P2")
        assert seen["exchange_ref"].startswith("case-") and seen["exchange_error"] is None


def test_agents_work_a_case_and_the_customer_follows(client: TestClient, exchange: Desk) -> None:
    alice = customer(exchange, "demo-alice")
    chat = alice.open_chat(client, "The P2P seller never released my USDT")
    case = _open(client, alice, chat["id"], kind="dispute", evidence="order P2P-88 paid at 10:02")
    assert case.status_code == 201, case.text
    case_id = case.json()["id"]
    headers = hire(exchange, "sam2").login(client)
    base = f"/api/v1/cases/{case_id}"

    def listed(**params: Any) -> list[int]:
        found = client.get("/api/v1/cases", headers=headers, params=params)
        assert found.status_code == 200, found.text
        return [c["id"] for c in found.json()["items"]]

    assert listed(kind="dispute") == [case_id] and listed(kind="refund") == []
    assert listed(team="support", status="submitted", customer="demo-alice") == [case_id]
    assert listed(team="security") == [] and listed(overdue=True) == []
    assert client.post(f"{base}/review", headers=headers).json()["status"] == "under_review"
    _error(client.post(f"{base}/request-info", headers=headers, json={}), 422, "invalid_input")
    _error(client.post(f"{base}/request-info", headers=headers, json={"note": "  "}), 422)
    asked = client.post(f"{base}/request-info", headers=headers,
                        json={"note": "Please send the chat with the seller."}).json()
    assert (asked["status"], asked["ticket_status"]) == ("needs_info", "pending_customer")
    inside = client.post(f"{base}/evidence", headers=headers, json={"text": "seller flagged"})
    assert inside.json()["evidence"]["notes"][-1]["by"] == "agent"

    public = f"/api/v1/customer/cases/{case_id}"
    assert client.get(public, headers=alice.headers).json()["info_request"] == (
        "Please send the chat with the seller.")
    answered = client.post(f"{public}/evidence", headers=alice.headers,
                           json={"text": "screenshot: seller said 'wait'"})
    assert answered.json()["status"] == "under_review"
    notes = answered.json()["evidence"]["notes"]
    assert [n["by"] for n in notes] == ["customer", "customer"]  # agents' notes stay inside

    approved = client.post(f"{base}/approve", headers=headers,
                           json={"note": "We released the USDT to you."})
    assert approved.json()["status"] == "approved"
    _error(client.post(f"{base}/approve", headers=headers, json={"note": "again"}), 409,
           "illegal_transition")
    _error(client.post(f"{base}/reject", headers=headers, json={"note": "no"}), 409)
    assert client.post(f"{base}/close", headers=headers).json()["status"] == "closed"
    assert listed(status="closed") == [case_id]

    detail = client.get(base, headers=headers).json()
    kinds = [e["kind"] for e in detail["events"]]
    assert kinds[:2] == ["case.opened", "case.evidence"] and kinds.count("case.status") == 5
    followed = client.get(public, headers=alice.headers).json()
    assert (followed["status"], followed["decision_note"]) == (
        "closed", "We released the USDT to you.")
    bodies = " ".join(m["body"] for m in followed["messages"])
    assert "Please send the chat with the seller." in bodies and "has been approved" in bodies


def test_an_exchange_that_does_not_answer_is_told_later(
    client: TestClient, exchange: Desk
) -> None:
    real = exchange.platform
    exchange.platform = SilentExchange(real)
    frank = customer(exchange, "demo-frank")
    chat = frank.open_chat(client, "someone withdrew from my account")
    case = _open(client, frank, chat["id"], kind="security_incident").json()
    headers = hire(exchange, "kim", team="security").login(client)
    base = f"/api/v1/cases/{case['id']}"
    seen = client.get(base, headers=headers).json()
    assert (seen["exchange_ref"], seen["exchange_error"]) == (None, "unavailable")
    assert (seen["team"], seen["priority"]) == ("security", "P1")
    still = client.post(f"{base}/notify-exchange", headers=headers).json()
    assert still["exchange_error"] == "unavailable"
    exchange.platform = real
    told = client.post(f"{base}/notify-exchange", headers=headers).json()
    assert told["exchange_ref"].startswith("case-") and told["exchange_error"] is None
    _error(client.post(f"{base}/notify-exchange", headers=headers), 409, "exchange_already_told")


def test_agents_open_a_case_for_a_phone_ticket(client: TestClient, exchange: Desk) -> None:
    headers = hire(exchange, "sam2").login(client)
    [ticket] = client.get("/api/v1/tickets", headers=headers,
                          params={"customer": "demo-frank"}).json()["items"]
    opened = client.post("/api/v1/cases", headers=headers, json={
        "ticket_id": ticket["id"], "kind": "security_incident",
        "summary": "Login from an unknown device, then a withdrawal attempt"})
    assert opened.status_code == 201, opened.text
    assert (opened.json()["team"], opened.json()["priority"]) == ("security", "P1")
    assert opened.json()["ticket_id"] == ticket["id"]
    _error(client.post("/api/v1/cases", headers=headers, json={
        "ticket_id": ticket["id"], "kind": "refund"}), 409, "case_exists")
    _error(client.post("/api/v1/cases", headers=headers, json={
        "ticket_id": 99999, "kind": "refund"}), 404, "not_found")


def test_bad_input_on_cases_is_a_clean_4xx(client: TestClient, exchange: Desk) -> None:
    alice = customer(exchange, "demo-alice")
    chat = alice.open_chat(client, "charged twice for one order")
    for body in ({"kind": "chargeback"}, {"kind": "refund", "extra": 1}, {},
                 {"kind": "refund", "evidence": "x" * 2001}, {"kind": "refund", "summary": 5}):
        _error(_open(client, alice, chat["id"], **body), 422, "invalid_input")
    visitor = client.post("/api/v1/customer/conversations", json={"body": "refund please"}).json()
    anonymous = client.post(f"/api/v1/customer/conversations/{visitor['id']}/cases",
                            headers={"X-Visitor-Token": visitor["visitor_token"]},
                            json={"kind": "refund"})
    _error(anonymous, 401, "unauthenticated")
    case_id = _open(client, alice, chat["id"], kind="refund").json()["id"]
    _error(_open(client, alice, chat["id"], kind="refund"), 409, "case_exists")

    headers = hire(exchange, "sam2").login(client)
    _error(client.get("/api/v1/cases/99999", headers=headers), 404, "not_found")
    zh = client.get("/api/v1/cases/99999", headers={**headers, "Accept-Language": "zh-CN"})
    assert "未找到申请" in zh.json()["error"]["message"]
    for params in ({"sort": "password"}, {"kind": "x"}, {"status": "flying"}, {"page": 0},
                   {"per_page": 1000}, {"overdue": "maybe"}, {"team": "x" * 41}):
        _error(client.get("/api/v1/cases", headers=headers, params=params), 422, "invalid_input")
    _error(client.get("/api/v1/cases", headers=headers, params={"customer": "nobody"}), 404)
    _error(client.get("/api/v1/cases"), 401, "unauthenticated")

    schema = client.get("/openapi.json").json()["paths"]
    paths = [p for p in schema if "{case_id}" in p]
    assert len(paths) >= 9
    for path in paths:
        who = alice.headers if path.startswith("/api/v1/customer") else headers
        for method in schema[path]:
            for bad in BAD_IDS:
                response = client.request(method.upper(), path.replace("{case_id}", bad),
                                          json={}, headers=who)
                _error(response, 422, "invalid_input")
            if method != "post":
                continue
            for body in GARBAGE:
                response = client.post(path.replace("{case_id}", str(case_id)), content=body,
                                       headers={**who, "Content-Type": "application/json"})
                assert response.status_code < 500, (path, body[:30], response.text)
                if response.status_code >= 400:
                    assert response.json()["error"]["code"], (path, body[:30])
