"""Canned replies kept from the console: supervisors only, a reply with a placeholder the desk
cannot fill is refused with the reason and nothing saved, edits and retiring change exactly what
they say, and what authors write is escaped."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role
from cryptodesk.domain.events import Event

from ..support.stories import StaffMember, hire

BASE = "/console/admin/canned"
EVIL = {"Origin": "https://evil.example"}
BODY = "Hello {customer_name}, ticket #{ticket_id}. {agent_name} ({staff_id})"
REPLY = {"name": "greeting", "language": "en", "body": BODY, "tags": "Hello, welcome"}


def sign_in(client: TestClient, staff: StaffMember) -> None:
    client.cookies.clear()
    signed = client.post("/console/login", data={
        "username": staff.username, "password": staff.password, "totp": staff.code(),
    }, follow_redirects=False)
    assert signed.status_code == 303, signed.text


def kinds(desk: Desk) -> list[str]:
    with desk.uow() as uow:
        return list(uow.session.scalars(
            sa.select(Event.kind).where(Event.kind.like("canned.%")).order_by(Event.id)))


def replies(desk: Desk) -> list[tuple[str, str, str, list[str], bool]]:
    with desk.uow() as uow:
        return [(r.name, r.language, r.body, list(r.tags), r.active)
                for r in uow.canned.listing(include_retired=True)]


def add(client: TestClient, **change: str) -> int:
    added = client.post(BASE, data={**REPLY, **change}, follow_redirects=False)
    assert added.status_code == 303 and added.headers["location"] == f"{BASE}?done=canned_created"
    found = re.findall(r'data-canned="(\d+)"', client.get(BASE).text)
    return max(int(i) for i in found)


@pytest.fixture
def boss(client: TestClient, desk: Desk) -> StaffMember:
    staff = hire(desk, "boss", role=Role.SUPERVISOR)
    sign_in(client, staff)
    return staff


def test_plain_agents_and_strangers_are_kept_out(client: TestClient, desk: Desk) -> None:
    stranger = client.get(BASE, follow_redirects=False)
    assert stranger.status_code == 303
    assert stranger.headers["location"].startswith("/console/login?next=")
    sign_in(client, hire(desk, "sam"))
    page = client.get(BASE)
    assert page.status_code == 403 and "Supervisors only" in page.text
    assert client.post(BASE, data=REPLY).status_code == 403
    assert client.get(f"{BASE}/1").status_code == 403
    assert client.post(f"{BASE}/1/retire").status_code == 403
    assert replies(desk) == [] and kinds(desk) == []


def test_a_supervisor_adds_a_reply_in_either_language(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    empty = client.get(BASE, headers={"Accept-Language": "zh-CN"})
    assert empty.status_code == 200 and "快捷回复" in empty.text
    assert empty.headers["cache-control"] == "no-store"
    assert 'href="/console/admin/canned" aria-current="page"' in empty.text
    assert "{customer_name}, {ticket_id}, {agent_name}, {staff_id}" in empty.text
    add(client)
    add(client, name="greeting", language="zh", body="{customer_name}您好。", tags="")
    page = client.get(f"{BASE}?done=canned_created").text
    assert "Canned reply added." in page and "hello, welcome" in page
    assert "Chinese" in page and "English" in page
    assert replies(desk) == [("greeting", "en", BODY, ["hello", "welcome"], True),
                             ("greeting", "zh", "{customer_name}您好。", [], True)]
    assert kinds(desk) == ["canned.created", "canned.created"]
    twin = client.post(BASE, data=REPLY)
    assert twin.status_code == 409 and "exists" in twin.text
    foreign = client.post(BASE, headers=EVIL, data={**REPLY, "name": "other"})
    assert foreign.status_code == 403 and len(replies(desk)) == 2


def test_an_unknown_placeholder_is_refused_and_nothing_saved(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    bad = {**REPLY, "body": "Hello {customer}, order {订单号}."}
    refused = client.post(BASE, data=bad)
    assert refused.status_code == 422
    assert "Unknown placeholders: {customer}, {订单号}" in refused.text
    assert "Hello {customer}, order {订单号}." in refused.text  # still there to fix
    zh = client.post(BASE, data=bad, headers={"Accept-Language": "zh-CN"})
    assert zh.status_code == 422 and "未知的占位符" in zh.text
    assert replies(desk) == [] and kinds(desk) == []


def test_edit_retire_and_restore_change_what_they_say(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    reply = add(client)
    editor = client.get(f"{BASE}/{reply}").text
    assert f'action="{BASE}/{reply}"' in editor and "hello, welcome" in editor
    wrong = client.post(f"{BASE}/{reply}", data={**REPLY, "body": "Hi {name}."})
    assert wrong.status_code == 422 and "{name}" in wrong.text
    saved = client.post(f"{BASE}/{reply}", follow_redirects=False,
                        data={**REPLY, "body": "Hi {customer_name}.", "tags": "short"})
    assert saved.headers["location"] == f"{BASE}/{reply}?done=canned_saved"
    assert "Canned reply saved." in client.get(saved.headers["location"]).text
    retired = client.post(f"{BASE}/{reply}/retire", follow_redirects=False)
    assert retired.headers["location"] == f"{BASE}?done=canned_retired"
    assert replies(desk) == [("greeting", "en", "Hi {customer_name}.", ["short"], False)]
    listed = client.get(f"{BASE}?done=canned_retired").text
    assert f'action="{BASE}/{reply}/restore"' in listed and "Canned reply retired." in listed
    client.post(f"{BASE}/{reply}", data={**REPLY, "body": "Still retired."})
    assert replies(desk)[0][2:] == ("Still retired.", ["hello", "welcome"], False)
    restored = client.post(f"{BASE}/{reply}/restore", follow_redirects=False)
    assert restored.headers["location"] == f"{BASE}?done=canned_restored"
    assert replies(desk)[0][4] is True
    assert client.post(f"{BASE}/{reply}/retire", headers=EVIL).status_code == 403
    assert replies(desk)[0][4] is True
    assert kinds(desk) == ["canned.created", "canned.edited", "canned.retired",
                           "canned.edited", "canned.edited"]
    missing = client.get(f"{BASE}/999999")
    assert missing.status_code == 404 and "No such canned reply" in missing.text


def test_what_authors_write_is_escaped(client: TestClient, desk: Desk,
                                       boss: StaffMember) -> None:
    hostile = '<script>alert("x")</script>'
    reply = add(client, name=f"{hostile} refund", body=f"{hostile} {{customer_name}}",
                tags="<b>x</b>")
    for path in (BASE, f"{BASE}/{reply}"):
        shown = client.get(path).text
        assert "<script>alert" not in shown and "<b>x" not in shown, path
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in shown, path
