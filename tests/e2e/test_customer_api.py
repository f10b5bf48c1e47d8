"""Customers through HTTP: the exchange vouches for them; they see only their own things."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cryptodesk import credentials
from cryptodesk.bootstrap import Desk

from ..support.clock import Clock
from ..support.stories import customer, hire


def test_a_customer_opens_a_chat_and_is_handed_to_a_person(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice", language="zh", name="Alice")
    opened = alice.open_chat(client, "我的USDT提现一直没到账", client_message_id="c-1")
    assert opened["state"] == "queued" and opened["ticket_id"] is not None
    assert opened["visitor_token"] is None and opened["language"] == "zh"
    authors = [m["author"] for m in opened["messages"]]
    assert authors == ["customer", "system"]
    assert "客服" in opened["messages"][1]["body"]


def test_a_retry_is_acknowledged_without_a_second_copy(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    conversation = alice.open_chat(client, "hello")["id"]
    path = f"/api/v1/customer/conversations/{conversation}/messages"
    body = {"body": "is anyone there?", "client_message_id": "retry-me"}
    first = client.post(path, headers=alice.headers, json=body)
    again = client.post(path, headers=alice.headers, json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["message"]["id"] == again.json()["message"]["id"]
    assert again.json()["created"] is False
    thread = client.get(f"/api/v1/customer/conversations/{conversation}", headers=alice.headers)
    assert [m["body"] for m in thread.json()["messages"]].count("is anyone there?") == 1


def test_another_customers_things_are_not_found(client: TestClient, desk: Desk) -> None:
    alice, mallory = customer(desk, "demo-alice"), customer(desk, "mallory")
    opened = alice.open_chat(client, "my deposit")
    for path in (f"/api/v1/customer/conversations/{opened['id']}",
                 f"/api/v1/customer/tickets/{opened['ticket_id']}"):
        response = client.get(path, headers=mallory.headers)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"
        assert client.get(path, headers=alice.headers).status_code == 200
    post = client.post(f"/api/v1/customer/conversations/{opened['id']}/messages",
                       headers=mallory.headers, json={"body": "hijack"})
    assert post.status_code == 404
    assert client.get("/api/v1/customer/tickets", headers=mallory.headers).json()["total"] == 0


def test_customers_never_see_internal_notes(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "kyc rejected again")
    headers = hire(desk, "sam").login(client)
    ticket = f"/api/v1/tickets/{opened['ticket_id']}"
    client.post(f"{ticket}/notes", headers=headers, json={"body": "suspected fake document"})
    client.post(f"{ticket}/replies", headers=headers, json={"body": "Please retake the photo."})
    seen = client.get(f"/api/v1/customer/tickets/{opened['ticket_id']}", headers=alice.headers)
    bodies = [m["body"] for m in seen.json()["messages"]]
    assert "Please retake the photo." in bodies
    assert "suspected fake document" not in bodies
    assert seen.json()["status"] == "pending_customer"
    assert "agent_id" not in seen.json()["messages"][0]


def test_invalid_identity_tokens_are_refused(client: TestClient, desk: Desk, clock: Clock) -> None:
    alice = customer(desk, "demo-alice", hours=1)
    expired = customer(desk, "demo-alice", hours=1)
    clock.advance(hours=2)
    fresh = customer(desk, "demo-alice")
    bad = [
        {"Authorization": f"Bearer {expired.token}"},
        {"Authorization": f"Bearer {fresh.token[:-3]}abc"},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": f"Basic {alice.token}"},
        {"Authorization": "Bearer " + credentials.sign_identity(
            "wrong-secret-wrong-secret-wrong-secret",
            credentials.CustomerIdentity("demo-alice", int(clock.now.timestamp()) + 60))},
    ]
    for headers in bad:
        response = client.get("/api/v1/customer/tickets", headers=headers)
        assert response.status_code == 401, headers
        assert response.json()["error"]["code"] == "invalid_identity_token"
    assert client.get("/api/v1/customer/tickets").status_code == 401
    assert client.get("/api/v1/customer/tickets", headers=fresh.headers).status_code == 200


def test_anonymous_visitors_chat_with_their_own_token(client: TestClient, desk: Desk) -> None:
    opened = client.post("/api/v1/customer/conversations", json={"body": "hi, can I deposit SOL?"})
    assert opened.status_code == 201
    token = opened.json()["visitor_token"]
    assert token and opened.json()["ticket_id"] is not None
    mine = {"X-Visitor-Token": token}
    path = f"/api/v1/customer/conversations/{opened.json()['id']}"
    assert client.get(path, headers=mine).status_code == 200
    assert client.get(path, headers={"X-Visitor-Token": "guess"}).status_code == 404
    assert client.get("/api/v1/customer/conversations", headers=mine).json()["total"] == 1
    # Visitors have no account, so no tickets to list, and only chat is open to them.
    assert client.get("/api/v1/customer/tickets", headers=mine).status_code == 401
    email = client.post("/api/v1/customer/conversations", json={"channel": "email", "body": "x"})
    assert email.status_code == 401
    # A signed-in customer cannot read the visitor's chat either.
    alice = customer(desk, "demo-alice")
    assert client.get(path, headers=alice.headers).status_code == 404


def test_email_conversations_go_straight_to_the_queue(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "Refund request for order 8812", channel="email",
                             subject="Refund")
    assert opened["state"] == "queued" and opened["subject"] == "Refund"
    listed = client.get("/api/v1/customer/tickets", headers=alice.headers).json()
    assert [t["id"] for t in listed["items"]] == [opened["ticket_id"]]


def test_a_closed_conversation_takes_no_more_messages(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "thanks, solved")
    headers = hire(desk, "sam").login(client)
    ticket = f"/api/v1/tickets/{opened['ticket_id']}"
    client.post(f"{ticket}/status", headers=headers, json={"status": "resolved"})
    client.post(f"{ticket}/status", headers=headers, json={"status": "closed"})
    late = client.post(f"/api/v1/customer/conversations/{opened['id']}/messages",
                       headers=alice.headers, json={"body": "one more thing"})
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "conversation_closed"
    handoff = client.post(f"/api/v1/customer/conversations/{opened['id']}/handoff",
                          headers=alice.headers)
    assert handoff.status_code == 200 and handoff.json()["ticket_id"] == opened["ticket_id"]
