"""Official channels over HTTP and the command line: the registry (supervisors and admins), the
public "is this really you?" check, staff IDs on agents' replies, and the link guard on a
customer's chat."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cryptodesk.bootstrap import Desk
from cryptodesk.cli import app
from cryptodesk.domain.agents import Role

from ..support.stories import IDENTITY_SECRET, customer, hire

CHANNELS = "/api/v1/channels"
VERIFY = "/api/v1/verify"


def test_agents_read_the_registry_but_only_supervisors_change_it(
    client: TestClient, desk: Desk
) -> None:
    agent = hire(desk, "sam").login(client)
    supervisor = hire(desk, "mei", role=Role.SUPERVISOR).login(client)
    hotline = {"kind": "phone", "value": "+44 (0)20 7946 0958", "label": "Support hotline"}
    refused = client.post(CHANNELS, json=hotline, headers=agent)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"
    created = client.post(CHANNELS, json=hotline, headers=supervisor)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["value"], body["display"], body["added_by"], body["active"]) == (
        "+442079460958", "+44 20 7946 0958", "mei", True)
    duplicate = client.post(CHANNELS, json={**hotline, "value": "+442079460958"},
                            headers=supervisor)
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["code"] == "channel_exists"
    listed = client.get(CHANNELS, headers=agent, params={"kind": "phone"})
    assert [c["id"] for c in listed.json()] == [body["id"]]
    assert client.delete(f"{CHANNELS}/{body['id']}", headers=agent).status_code == 403
    retired = client.delete(f"{CHANNELS}/{body['id']}", headers=supervisor)
    assert retired.status_code == 200 and retired.json()["active"] is False
    assert client.delete(f"{CHANNELS}/{body['id']}", headers=supervisor).status_code == 404
    assert client.get(CHANNELS, headers=agent).json() == []
    everything = client.get(CHANNELS, headers=agent, params={"include_retired": True}).json()
    assert [c["retired_by"] for c in everything] == ["mei"]
    assert client.get(CHANNELS).status_code == 401


@pytest.mark.parametrize("body", [
    {"kind": "phone", "value": "020 7946 0958", "label": "no country code"},
    {"kind": "fax", "value": "+44 20 7946 0958", "label": "unknown kind"},
    {"kind": "telegram", "value": "@ab", "label": "too short"},
    {"kind": "website", "value": "example.com", "label": ""},
    {"kind": "website", "value": "example.com"},
])
def test_malformed_registrations_are_refused(
    client: TestClient, desk: Desk, body: dict[str, str]
) -> None:
    admin = hire(desk, "ada", role=Role.ADMIN).login(client)
    response = client.post(CHANNELS, json=body, headers=admin)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] in ("invalid_channel", "invalid_input")


def test_anyone_can_check_a_channel_in_their_language(client: TestClient, desk: Desk) -> None:
    admin = hire(desk, "ada", role=Role.ADMIN).login(client)
    client.post(CHANNELS, headers=admin, json={
        "kind": "telegram", "value": "t.me/example_support", "label": "Telegram support"})
    official = client.get(VERIFY, params={"value": "@Example_Support"})
    assert official.status_code == 200
    assert official.json()["status"] == "official"
    assert official.json()["label"] == "Telegram support"
    fake = client.get(VERIFY, params={"value": "@examp1e_support"},
                      headers={"Accept-Language": "zh-CN"}).json()
    assert (fake["status"], fake["imitates"]) == ("lookalike", "@example_support")
    assert "仿冒" in fake["message"] and fake["message"] == fake["message_zh"]
    punycode = client.get(VERIFY, params={"value": "https://xn--xample-2of.com/login"}).json()
    assert (punycode["status"], punycode["reason"], punycode["imitates"]) == (
        "lookalike", "punycode", "example.com")
    assert "Cyrillic" in punycode["message"]
    assert client.get(VERIFY, params={"value": "www.example.com"}).json()["status"] == "official"
    assert client.get(VERIFY, params={"value": "+1 202 555 0100"}).json()["status"] == (
        "not_official")


@pytest.mark.parametrize("params", [{}, {"value": ""}, {"value": "hello world"},
                                    {"value": "x" * 501}, {"value": "a@b"}])
def test_bad_values_are_refused_with_a_json_error(
    client: TestClient, params: dict[str, str]
) -> None:
    response = client.get(VERIFY, params=params, headers={"Accept-Language": "zh"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] in ("invalid_channel", "invalid_input") and error["message"]


def test_an_agents_reply_carries_a_staff_id_the_customer_can_check(
    client: TestClient, desk: Desk
) -> None:
    sam = hire(desk, "sam")
    headers = sam.login(client)
    alice = customer(desk, "demo-alice")
    ticket_id = alice.open_chat(client, "my withdrawal is late")["ticket_id"]
    reply = client.post(f"/api/v1/tickets/{ticket_id}/replies", headers=headers,
                        json={"body": "Hi, Sam here. Looking into it."})
    assert reply.status_code == 201
    seen = client.get(f"/api/v1/customer/tickets/{ticket_id}", headers=alice.headers).json()
    staff_id = seen["messages"][-1]["data"]["staff_id"]
    assert staff_id.startswith("CD-") and staff_id not in seen["messages"][-1]["body"]
    checked = client.get(VERIFY, params={"value": staff_id}).json()
    assert (checked["status"], checked["label"]) == ("official", "Sam")
    with desk.uow() as uow:
        agent = uow.agents.by_username("sam")
        assert agent is not None
        agent.active = False
        uow.commit()
    left = client.get(VERIFY, params={"value": staff_id}).json()
    assert (left["status"], left["label"]) == ("not_official", None)


def test_a_look_alike_link_in_a_chat_is_flagged(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "I got an email about my account")
    path = f"/api/v1/customer/conversations/{opened['id']}/messages"
    sent = client.post(path, headers=alice.headers, json={
        "body": "It says to sign in at https://examp1e.com/login within 24h, is that you?"})
    assert sent.status_code == 201
    [warning] = sent.json()["replies"]
    assert warning["author"] == "system" and warning["data"]["shield"] == "link_warning"
    assert "examp1e.com" in warning["body"] and "example.com" in warning["body"]
    assert warning["data"]["imitates"] == "example.com"
    again = client.post(path, headers=alice.headers, json={"body": "examp1e.com, again"})
    assert again.json()["replies"] == []  # once per link per conversation
    scam = client.post(path, headers=alice.headers, json={"body": "他们还让我下载向日葵"})
    [scam_warning] = scam.json()["replies"]
    assert scam_warning["language"] == "zh" and "向日葵" in scam_warning["body"]
    headers = hire(desk, "sam").login(client)
    ticket = client.get(f"/api/v1/tickets/{opened['ticket_id']}", headers=headers).json()
    assert "phishing-link" in ticket["tags"]
    flagged = [e["after"] for e in ticket["events"] if e["kind"] == "shield.link_flagged"]
    assert [(f["host"], f["verdict"], f["reason"]) for f in flagged] == [
        ("examp1e.com", "lookalike", "visual_lookalike")]
    assert "shield.scam_warning" in [e["kind"] for e in ticket["events"]]


runner = CliRunner()


@pytest.fixture
def env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CRYPTODESK_DATABASE_URL", db_url)
    monkeypatch.setenv("CRYPTODESK_IDENTITY_SECRET", IDENTITY_SECRET)
    monkeypatch.setenv("CRYPTODESK_OFFICIAL_DOMAINS", "exchange-demo.com")
    return db_url


def test_the_command_line_keeps_the_registry_and_verifies(env: str) -> None:
    added = runner.invoke(app, ["channels", "add", "wechat", "Exchange_CS", "--label", "WeChat"])
    assert added.exit_code == 0, added.output
    channel = json.loads(added.output)
    assert (channel["value"], channel["added_by"]) == ("exchange_cs", "system")
    listed = json.loads(runner.invoke(app, ["channels", "list", "--json"]).output)
    assert [c["value"] for c in listed["channels"]] == ["exchange_cs"]
    checked = runner.invoke(app, ["verify-channel", "微信：exchange_cs", "--json", "--lang", "zh"])
    verdict = json.loads(checked.output)
    assert (verdict["status"], verdict["kind"]) == ("official", "wechat")
    assert verdict["label"] == "WeChat"
    assert "官方" in verdict["message"]
    text = runner.invoke(app, ["verify-channel", "https://exchange-dem0.com"]).output
    assert text.startswith("lookalike:") and "exchange-demo.com" in text
    lines = runner.invoke(app, ["verify-channel", "-"],
                          input="exchange-demo.com\nhello world\n@someone_else\n").output
    answers = [json.loads(line) for line in lines.splitlines()]
    assert [a.get("status") or a["error"]["code"] for a in answers] == [
        "official", "invalid_channel", "not_official"]
    bad = runner.invoke(app, ["verify-channel", "hello world"])
    assert bad.exit_code == 2 and "error:" in bad.output
    removed = runner.invoke(app, ["channels", "remove", str(channel["id"])])
    assert json.loads(removed.output)["active"] is False
    assert runner.invoke(app, ["channels", "remove", str(channel["id"])]).exit_code == 2
