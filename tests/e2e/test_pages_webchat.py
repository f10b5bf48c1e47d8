"""The live lines: a customer's chat socket and the agent console's, through the ASGI app."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession
from starlette.websockets import WebSocketDisconnect

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.conversations import Author, Message
from cryptodesk.services import audit

from ..support.stories import customer, hire


def hello(ws: WebSocketTestSession, **credentials: Any) -> list[dict]:
    """Say who we are; return what the server replays before it says it is ready."""
    ws.send_json({"type": "hello", **credentials})
    frames = []
    while (frame := ws.receive_json())["type"] != "ready":
        frames.append(frame)
    return frames


def closed_with(ws: WebSocketTestSession) -> int:
    with pytest.raises(WebSocketDisconnect) as gone:
        ws.receive_json()
    return gone.value.code


def test_an_agent_reply_reaches_the_customer_live_and_notes_never_do(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice", language="zh")
    opened = alice.open_chat(client, "我的USDT提现一直没到账", client_message_id="c-1")
    headers = hire(desk, "sam").login(client)
    ticket = f"/api/v1/tickets/{opened['ticket_id']}"
    with client.websocket_connect(f"/ws/conversations/{opened['id']}") as ws:
        replayed = hello(ws, token=alice.token, after_id=0)
        assert [f["message"]["author"] for f in replayed] == ["customer", "system"]
        assert replayed[0]["message"]["client_message_id"] == "c-1"
        client.post(f"{ticket}/notes", headers=headers, json={"body": "internal: check TRC20"})
        client.post(f"{ticket}/replies", headers=headers, json={"body": "正在为您查询。"})
        live = ws.receive_json()
        assert live["type"] == "message"
        assert live["message"]["body"] == "正在为您查询。" and live["message"]["author"] == "agent"
        assert "agent_id" not in live["message"] and "internal" not in live["message"]
        assert ws.receive_json() == {"type": "changed"}


def test_a_reconnecting_client_gets_only_what_it_missed(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "hello")
    headers = hire(desk, "sam").login(client)
    client.post(f"/api/v1/tickets/{opened['ticket_id']}/replies", headers=headers,
                json={"body": "answer while you were away"})
    seen = opened["messages"][-1]["id"]
    with client.websocket_connect(f"/ws/conversations/{opened['id']}") as ws:
        missed = hello(ws, token=alice.token, after_id=seen)
    assert [f["message"]["body"] for f in missed] == ["answer while you were away"]


def test_a_visitor_cannot_listen_to_another_conversation(client: TestClient, desk: Desk) -> None:
    first = client.post("/api/v1/customer/conversations", json={"body": "visitor one"}).json()
    second = client.post("/api/v1/customer/conversations", json={"body": "visitor two"}).json()
    alice = customer(desk, "demo-alice")
    alices = alice.open_chat(client, "alice's chat")
    attempts = [
        (first["id"], {"visitor_token": second["visitor_token"]}, 4404),
        (alices["id"], {"visitor_token": first["visitor_token"]}, 4404),
        (first["id"], {"token": alice.token}, 4404),
        (first["id"], {"token": alice.token[:-3] + "abc"}, 4401),
        (first["id"], {}, 4401),
    ]
    for conversation_id, credentials, code in attempts:
        with client.websocket_connect(f"/ws/conversations/{conversation_id}") as ws:
            ws.send_json({"type": "hello", **credentials})
            assert closed_with(ws) == code, credentials
    with client.websocket_connect(f"/ws/conversations/{first['id']}") as ws:
        ws.send_json({"type": "subscribe"})
        assert closed_with(ws) == 4400
    with client.websocket_connect(f"/ws/conversations/{first['id']}") as ws:
        replayed = hello(ws, visitor_token=first["visitor_token"])
        assert replayed[0]["message"]["body"] == "visitor one"


def test_the_portal_cookie_opens_the_socket_only_from_our_own_pages(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "from the portal")
    client.get("/portal", params={"token": alice.token})
    path = f"/ws/conversations/{opened['id']}"
    with client.websocket_connect(path, headers={"Origin": "http://testserver"}) as ws:
        assert hello(ws)[0]["message"]["body"] == "from the portal"
    with client.websocket_connect(path, headers={"Origin": "https://evil.example"}) as ws:
        ws.send_json({"type": "hello"})
        assert closed_with(ws) == 4401


def console_login(client: TestClient, desk: Desk, username: str = "sam") -> None:
    staff = hire(desk, username)
    response = client.post("/console/login", data={
        "username": staff.username, "password": staff.password, "totp": staff.code()})
    assert response.status_code == 200, response.text


def test_the_console_hears_of_new_work_and_the_customer_typing(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice")
    console_login(client, desk)
    with client.websocket_connect("/ws/console") as inbox:
        opened = alice.open_chat(client, "a new question")
        assert inbox.receive_json() == {"type": "inbox"}
    ticket = opened["ticket_id"]
    with client.websocket_connect(f"/ws/console?ticket={ticket}") as agent_line, \
            client.websocket_connect(f"/ws/conversations/{opened['id']}") as chat:
        hello(chat, token=alice.token)
        chat.send_json({"type": "typing"})
        assert agent_line.receive_json() == {"type": "typing"}
        agent_line.send_json({"type": "typing"})
        assert chat.receive_json() == {"type": "typing", "author": "agent"}
        client.post(f"/console/tickets/{ticket}/note", data={"body": "looking"})
        assert agent_line.receive_json() == {"type": "inbox"}
        assert agent_line.receive_json() == {"type": "thread"}


def test_the_console_line_needs_a_session_from_our_own_origin(
    client: TestClient, desk: Desk
) -> None:
    for cookies in ({}, {"cryptodesk_session": "forged"}):
        client.cookies.clear()
        client.cookies.update(cookies)
        with pytest.raises(WebSocketDisconnect), client.websocket_connect("/ws/console"):
            pass
    console_login(client, desk)
    with pytest.raises(WebSocketDisconnect), client.websocket_connect(
            "/ws/console", headers={"Origin": "https://evil.example"}):
        pass
    with pytest.raises(WebSocketDisconnect) as missing, client.websocket_connect(
            "/ws/console?ticket=424242"):
        pass
    assert missing.value.code == 4404


def test_the_bots_extras_reach_the_widget(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "withdrawal")
    extras = {"intent": "withdrawal.pending", "move": "clarify",
              "options": [{"intent": "withdrawal.pending", "label": "My withdrawal is late"}]}
    with client.websocket_connect(f"/ws/conversations/{opened['id']}") as ws:
        hello(ws, token=alice.token)
        with desk.uow() as uow:
            audit.post(uow, Message(conversation_id=opened["id"], author=Author.BOT,
                                    body="**Which one?**", language="en",
                                    created_at=desk.now(), data=extras))
            uow.commit()
        live = ws.receive_json()
    assert live["message"]["author"] == "bot" and live["message"]["data"] == extras
