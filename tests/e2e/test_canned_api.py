"""Canned replies over HTTP: supervisors keep them, agents read them, and the console's ticket
page offers them filled in for the ticket, escaped."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role
from cryptodesk.domain.channels import staff_id

from ..support.stories import customer, hire

CANNED = "/api/v1/canned-replies"
BODY = "Hello {customer_name}, about ticket #{ticket_id}: {agent_name} ({staff_id})."


def test_supervisors_keep_replies_agents_only_read_them(client: TestClient, desk: Desk) -> None:
    agent = hire(desk, "sam").login(client)
    mei = hire(desk, "mei", role=Role.SUPERVISOR).login(client)
    reply = {"name": "greeting", "language": "en", "body": BODY, "tags": ["Hello"]}
    refused = client.post(CANNED, json=reply, headers=agent)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"
    created = client.post(CANNED, json=reply, headers=mei)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["name"], body["language"], body["tags"], body["active"], body["created_by"]) \
        == ("greeting", "en", ["hello"], True, "mei")
    assert client.post(CANNED, json=reply, headers=mei).status_code == 409
    listed = client.get(CANNED, headers=agent, params={"language": "en"})
    assert listed.status_code == 200 and [r["id"] for r in listed.json()] == [body["id"]]
    assert client.get(CANNED, headers=agent, params={"language": "zh"}).json() == []
    one = f"{CANNED}/{body['id']}"
    assert client.get(one, headers=agent).json()["body"] == BODY
    assert client.put(one, json={**reply, "body": "Hi."}, headers=agent).status_code == 403
    assert client.delete(one, headers=agent).status_code == 403
    edited = client.put(one, json={**reply, "body": "Hi {customer_name}."}, headers=mei)
    assert edited.status_code == 200 and edited.json()["body"] == "Hi {customer_name}."
    retired = client.delete(one, headers=mei)
    assert retired.status_code == 200 and retired.json()["active"] is False
    assert client.get(CANNED, headers=agent).json() == []
    everything = client.get(CANNED, headers=agent, params={"include_retired": "true"}).json()
    assert [r["active"] for r in everything] == [False]
    back = client.put(one, json={**reply, "active": True}, headers=mei)
    assert back.status_code == 200 and back.json()["active"] is True
    assert client.get(f"{CANNED}/999999", headers=agent).status_code == 404


def test_unknown_placeholders_get_a_422_naming_them(client: TestClient, desk: Desk) -> None:
    admin = hire(desk, "ada", role=Role.ADMIN).login(client)
    bad = {"name": "n", "language": "zh", "body": "您好 {customer} {ticket_id} {订单号}"}
    refused = client.post(CANNED, json=bad, headers={**admin, "Accept-Language": "en"})
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert (error["code"], error["field"]) == ("unknown_placeholder", "body")
    assert "{customer}" in error["message"] and "{订单号}" in error["message"]
    zh = client.post(CANNED, json=bad, headers={**admin, "Accept-Language": "zh-CN"})
    assert "未知的占位符" in zh.json()["error"]["message"]
    for garbage in ({**bad, "body": "ok", "language": "fr"}, {**bad, "body": "ok", "extra": 1},
                    {**bad, "body": ""}, {**bad, "body": "ok", "tags": "x"}):
        assert client.post(CANNED, json=garbage, headers=admin).status_code == 422
    assert client.get(CANNED, headers=admin).json() == []


def test_the_ticket_page_offers_replies_filled_in_and_escaped(
    client: TestClient, desk: Desk
) -> None:
    sam = hire(desk, "sam")
    mei = hire(desk, "mei", role=Role.SUPERVISOR).login(client)
    evil_name = "<b>Eve</b>"
    opened = customer(desk, "eve", language="zh", name=evil_name).open_chat(client, "提现没到账")
    ticket_id = opened["ticket_id"]
    for language, name, body in (
        ("zh", "问候", "您好 {customer_name}，工单 #{ticket_id}，客服 {agent_name}（{staff_id}）"),
        ("en", "hello", "Hi {customer_name} <script>x</script> #{ticket_id}"),
    ):
        created = client.post(CANNED, json={"name": name, "language": language, "body": body},
                              headers=mei)
        assert created.status_code == 201, created.text
    client.cookies.clear()
    signed_in = client.post("/console/login", data={
        "username": "sam", "password": sam.password, "totp": sam.code(), "next": "/console"},
        follow_redirects=False)
    assert signed_in.status_code == 303
    page = client.get(f"/console/tickets/{ticket_id}")
    assert page.status_code == 200
    section = page.text.split('id="canned"', 1)[1].split("</section>", 1)[0]
    assert section.index('data-language="zh"') < section.index('data-language="en"')
    assert "<b>Eve</b>" not in section and "<script>x</script>" not in section
    filled = (f"您好 {evil_name}，工单 #{ticket_id}，客服 {sam.agent.display_name}"
              f"（{staff_id(sam.agent)}）")
    assert html.escape(filled, quote=False) in section or html.escape(filled) in section
    assert "&lt;script&gt;x&lt;/script&gt;" in section
    assert 'data-insert="canned-text-' in section
    assert "{customer_name}" not in section
