"""Agents through HTTP: sign-in with one-time codes, the inbox, and working a ticket."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role

from ..support.clock import Clock
from ..support.stories import customer, hire


def test_login_with_the_right_code(client: TestClient, desk: Desk) -> None:
    sam = hire(desk, "sam")
    response = client.post("/api/v1/auth/login", json={
        "username": "SAM", "password": sam.password, "totp": sam.code()})
    assert response.status_code == 200
    assert response.json()["agent"]["username"] == "sam"
    assert "cryptodesk_session" in response.cookies
    # The cookie alone is a session.
    assert client.get("/api/v1/auth/me").json()["username"] == "sam"


def test_wrong_code_wrong_password_and_missing_code_are_refused(
    client: TestClient, desk: Desk
) -> None:
    sam = hire(desk, "sam")
    wrong_code = "000000" if sam.code() != "000000" else "111111"
    attempts = [
        ({"password": sam.password, "totp": wrong_code}, "login_failed"),
        ({"password": "not the password", "totp": sam.code()}, "login_failed"),
        ({"password": sam.password}, "totp_required"),
    ]
    for body, code in attempts:
        response = client.post("/api/v1/auth/login", json={"username": "sam", **body})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == code
    unknown = client.post("/api/v1/auth/login", json={"username": "nobody", "password": "x"})
    assert unknown.status_code == 401 and unknown.json()["error"]["code"] == "login_failed"


def test_a_replayed_code_is_refused(client: TestClient, desk: Desk) -> None:
    sam = hire(desk, "sam")
    body = {"username": "sam", "password": sam.password, "totp": sam.code()}
    assert client.post("/api/v1/auth/login", json=body).status_code == 200
    replay = client.post("/api/v1/auth/login", json=body)
    assert replay.status_code == 401
    # The code of the next time step still works.
    body["totp"] = sam.code(step_offset=1)
    assert client.post("/api/v1/auth/login", json=body).status_code == 200


def test_agents_without_an_authenticator_sign_in_with_the_password(
    client: TestClient, desk: Desk
) -> None:
    hire(desk, "temp", totp=False)
    response = client.post("/api/v1/auth/login", json={
        "username": "temp", "password": "correct horse battery"})
    assert response.status_code == 200
    assert response.json()["agent"]["totp_enrolled"] is False


def test_admins_and_supervisors_always_get_an_authenticator(desk: Desk) -> None:
    for name, role in (("boss", Role.ADMIN), ("lead", Role.SUPERVISOR)):
        assert hire(desk, name, role=role, totp=False).totp_secret is not None
    assert hire(desk, "temp", role=Role.AGENT, totp=False).totp_secret is None


def test_logout_and_expiry_end_the_session(client: TestClient, desk: Desk, clock: Clock) -> None:
    sam = hire(desk, "sam")
    headers = sam.login(client)
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    after = client.get("/api/v1/auth/me", headers=headers)
    assert after.status_code == 401 and after.json()["error"]["code"] == "session_expired"
    clock.advance(seconds=30)
    headers = sam.login(client)
    clock.advance(hours=desk.settings.session_hours, seconds=1)
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 401


def test_agent_endpoints_need_a_session(client: TestClient) -> None:
    for path in ("/api/v1/tickets", "/api/v1/tickets/1", "/api/v1/teams", "/api/v1/auth/me"):
        response = client.get(path)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthenticated"
    forged = client.get("/api/v1/tickets", headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401


def _tickets(client: TestClient, desk: Desk, count: int) -> list[int]:
    alice = customer(desk, "demo-alice")
    ids = []
    for n in range(count):
        opened = alice.open_chat(client, f"withdrawal {n} stuck")
        ids.append(opened["ticket_id"])
    return ids


def test_pagination_is_stable_and_complete(client: TestClient, desk: Desk) -> None:
    ids = _tickets(client, desk, 7)
    headers = hire(desk, "sam").login(client)
    seen = []
    for page in (1, 2, 3):
        body = client.get("/api/v1/tickets", headers=headers,
                          params={"per_page": 3, "page": page, "sort": "created"}).json()
        assert body["total"] == 7 and body["per_page"] == 3
        seen += [t["id"] for t in body["items"]]
    # Same creation time for all: the id breaks the tie, so pages never overlap.
    assert seen == sorted(ids)
    beyond = client.get("/api/v1/tickets", headers=headers, params={"page": 9, "per_page": 3})
    assert beyond.json()["items"] == []


def test_working_a_ticket_end_to_end(client: TestClient, desk: Desk) -> None:
    [ticket_id, duplicate] = _tickets(client, desk, 2)
    hire(desk, "omar", team="wallet-ops")
    headers = hire(desk, "sam").login(client)
    base = f"/api/v1/tickets/{ticket_id}"
    assert client.post(f"{base}/assign", headers=headers, json={"assignee": "sam"}).json()[
        "status"] == "open"
    reply = client.post(f"{base}/replies", headers=headers,
                        json={"body": "We are checking the TRC20 node."})
    assert reply.status_code == 201 and reply.json()["author"] == "agent"
    note = client.post(f"{base}/notes", headers=headers, json={"body": "node lagging 40 blocks"})
    assert note.json()["internal"] is True
    assert client.post(f"{base}/priority", headers=headers,
                       json={"priority": "P1"}).json()["priority"] == "P1"
    assert client.put(f"{base}/tags", headers=headers,
                      json={"tags": ["USDT", "trc20"]}).json()["tags"] == ["usdt", "trc20"]
    escalated = client.post(f"{base}/escalate", headers=headers,
                            json={"team": "wallet-ops", "note": "please check the node"}).json()
    assert (escalated["team"], escalated["assignee_id"], escalated["status"]) == (
        "wallet-ops", None, "pending_internal")
    merged = client.post(f"/api/v1/tickets/{duplicate}/merge", headers=headers,
                         json={"target_id": ticket_id})
    assert merged.json()["id"] == ticket_id
    detail = client.get(base, headers=headers).json()
    assert detail["merged_ticket_ids"] == [duplicate]
    kinds = [e["kind"] for e in detail["events"]]
    for kind in ("ticket.assignee", "message.agent", "message.note", "ticket.priority",
                 "ticket.tags", "ticket.team", "ticket.merged_into", "ticket.merged_from"):
        assert kind in kinds
    bodies = [m["body"] for m in detail["messages"]]
    assert "withdrawal 1 stuck" in bodies and "please check the node" in bodies
    resolved = client.post(f"{base}/status", headers=headers, json={"status": "resolved"})
    assert resolved.json()["status"] == "resolved"
    illegal = client.post(f"{base}/status", headers=headers, json={"status": "new"})
    assert illegal.status_code == 409
    assert illegal.json()["error"] == {
        "code": "illegal_transition", "message": "A ticket cannot go from resolved to new.",
        "field": "status"}


def test_errors_speak_the_agents_language(client: TestClient, desk: Desk) -> None:
    headers = {**hire(desk, "lina").login(client), "Accept-Language": "zh-CN,zh;q=0.9"}
    response = client.get("/api/v1/tickets/999", headers=headers)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "未找到工单 999。"


def test_search_filters_by_customer_and_text(client: TestClient, desk: Desk) -> None:
    ids = _tickets(client, desk, 2)
    bob = customer(desk, "demo-bob")
    bobs = bob.open_chat(client, "我的ETH提现一直显示处理中")["ticket_id"]
    headers = hire(desk, "sam").login(client)

    def found(**params: str) -> list[int]:
        response = client.get("/api/v1/tickets", headers=headers, params=params)
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["items"]]

    assert found(customer="demo-bob") == [bobs]
    assert found(q="提现") == [bobs]
    assert sorted(found(customer="demo-alice")) == ids
    assert client.get("/api/v1/tickets", headers=headers,
                      params={"customer": "nobody"}).status_code == 404
    # Queues put the soonest due first; equal targets fall back to the oldest ticket.
    assert found(queue="unassigned") == sorted([*ids, bobs])
