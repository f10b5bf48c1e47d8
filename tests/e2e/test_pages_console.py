"""The agent console's pages: nothing without a session, and every action through a form."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.web.rendering import chat_text

from ..support.clock import Clock
from ..support.stories import StaffMember, customer, hire

EVIL = {"Origin": "https://evil.example"}


def sign_in(client: TestClient, staff: StaffMember, *, code: str | None = None,
            headers: dict[str, str] | None = None, next_path: str = "/console"):
    return client.post("/console/login", data={
        "username": staff.username, "password": staff.password,
        "totp": code if code is not None else staff.code(), "next": next_path,
    }, headers=headers, follow_redirects=False)


def open_ticket(client: TestClient, desk: Desk, ref: str, body: str) -> int:
    opened = customer(desk, ref).open_chat(client, body)
    return int(opened["ticket_id"])


GUARDED_GETS = ["/console/tickets/{id}", "/console/tickets/{id}/transcript", "/console/rows"]
ACTIONS = {
    "reply": {"body": "hello", "status": "pending_customer"}, "note": {"body": "n"},
    "assign": {"assignee": "sam"}, "status": {"status": "open"}, "priority": {"priority": "P1"},
    "escalate": {"team": "wallet-ops"}, "tags": {"tags": "x"}, "merge": {"target_id": "1"},
}


def test_console_pages_send_strangers_to_sign_in(client: TestClient, desk: Desk) -> None:
    ticket = open_ticket(client, desk, "demo-alice", "secret subject of alice")
    front = client.get("/console")
    assert front.status_code == 200 and 'action="/console/login"' in front.text
    assert "secret subject of alice" not in front.text
    for template in GUARDED_GETS:
        path = template.format(id=ticket)
        for cookies in ({}, {"cryptodesk_session": "forged"}):
            client.cookies.clear()
            client.cookies.update(cookies)
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/console/login?next=%2Fconsole")
            assert "secret subject" not in response.text


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_console_actions_do_nothing_without_a_session(
    client: TestClient, desk: Desk, action: str
) -> None:
    hire(desk, "sam")
    ticket = open_ticket(client, desk, "demo-alice", "withdrawal stuck")
    response = client.post(f"/console/tickets/{ticket}/{action}", data=ACTIONS[action],
                           follow_redirects=False)
    assert response.status_code == 303 and "/console/login" in response.headers["location"]
    headers = hire(desk, "auditor").login(client)
    detail = client.get(f"/api/v1/tickets/{ticket}", headers=headers).json()
    assert (detail["status"], detail["priority"], detail["assignee_id"]) == ("new", "P3", None)
    assert [m["author"] for m in detail["messages"]] == ["customer", "system"]


def test_sign_in_needs_the_password_and_a_fresh_code(client: TestClient, desk: Desk) -> None:
    sam = hire(desk, "sam")
    wrong = str((int(sam.code()) + 1) % 1_000_000).zfill(6)
    refused = sign_in(client, sam, code=wrong, headers={"Accept-Language": "zh-CN"})
    assert refused.status_code == 401 and "用户名、密码或验证码错误" in refused.text
    assert "cryptodesk_session" not in refused.headers.get("set-cookie", "")
    assert 'value="sam"' in refused.text  # the username stays filled in
    accepted = sign_in(client, sam, next_path="/console?queue=mine")
    assert accepted.status_code == 303 and accepted.headers["location"] == "/console?queue=mine"
    cookie = accepted.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    inbox = client.get("/console?queue=mine")
    assert inbox.status_code == 200 and "Sam" in inbox.text
    assert inbox.headers["cache-control"] == "no-store"
    client.cookies.clear()
    assert sign_in(client, sam).status_code == 401, "a code is accepted once"


def test_sign_in_refuses_forms_from_other_sites_and_far_redirects(
    client: TestClient, desk: Desk, clock: Clock
) -> None:
    sam = hire(desk, "sam")
    assert sign_in(client, sam, headers=EVIL).status_code == 403
    clock.advance(seconds=30)
    landed = sign_in(client, sam, next_path="//evil.example/")
    assert landed.headers["location"] == "/console"


def test_signing_out_ends_the_session(client: TestClient, desk: Desk) -> None:
    sam = hire(desk, "sam")
    sign_in(client, sam)
    token = client.cookies["cryptodesk_session"]
    out = client.post("/console/logout", follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 401


def test_the_inbox_has_the_queues_and_flags_sla_risk(
    client: TestClient, desk: Desk, clock: Clock
) -> None:
    ticket = open_ticket(client, desk, "demo-alice", "USDT withdrawal stuck")
    sam = hire(desk, "sam")
    sign_in(client, sam)
    unassigned = client.get("/console?queue=unassigned").text
    assert "USDT withdrawal stuck" in unassigned and "demo-alice" in unassigned
    assert "USDT withdrawal stuck" not in client.get("/console?queue=mine").text
    client.post(f"/console/tickets/{ticket}/assign", data={"assignee": "sam"})
    mine = client.get("/console/rows?queue=mine").text
    assert "USDT withdrawal stuck" in mine and 'data-count-for="mine">1<' in mine
    assert "USDT withdrawal stuck" not in client.get("/console?queue=sla").text
    clock.advance(hours=5)  # P3: first answer due after 4 hours
    risky = client.get("/console?queue=sla").text
    assert "USDT withdrawal stuck" in risky and "overdue by 1 h 0 min" in risky
    found = client.get("/console", params={"q": "withdrawal"}).text
    assert "USDT withdrawal stuck" in found
    by_customer = client.get("/console", params={"customer": "demo-alice"}).text
    assert f'href="/console/tickets/{ticket}"' in by_customer


def test_the_ticket_page_shows_the_case_and_escapes_what_customers_write(
    client: TestClient, desk: Desk
) -> None:
    ticket = open_ticket(client, desk, "demo-alice", "<script>alert('x')</script> help")
    sam = hire(desk, "sam")
    sign_in(client, sam, headers={"Accept-Language": "zh-CN"})
    client.post(f"/console/tickets/{ticket}/note", data={"body": "check the chain first"})
    client.post(f"/console/tickets/{ticket}/reply", data={"body": "We are on it.", "status": ""})
    page = client.get(f"/console/tickets/{ticket}?lang=en")
    assert page.status_code == 200
    assert "<script>alert(" not in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; help" in page.text
    assert re.search(r'class="msg from-agent internal".*?check the chain first', page.text, re.S)
    assert "We are on it." in page.text
    assert 'id="customer-ref">demo-alice</a>' in page.text
    assert "First response" in page.text and "met" in page.text
    missing = client.get("/console/tickets/999999")
    assert missing.status_code == 404


def test_agents_work_a_ticket_through_the_forms(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    first = open_ticket(client, desk, "demo-alice", "deposit missing")
    second = open_ticket(client, desk, "demo-alice", "deposit missing again")
    sam, _ = hire(desk, "sam"), hire(desk, "lina")
    sign_in(client, sam)
    steps = [("assign", {"assignee": "lina"}), ("priority", {"priority": "P1"}),
             ("tags", {"tags": "deposit, BEP20 "}), ("status", {"status": "pending_internal"}),
             ("reply", {"body": "Found it, crediting now.", "status": "resolved"})]
    for action, form in steps:
        done = client.post(f"/console/tickets/{first}/{action}", data=form,
                           follow_redirects=False)
        assert done.status_code == 303, (action, done.text[:500])
        assert done.headers["location"] == f"/console/tickets/{first}?done={action}#done"
    seen = client.get(f"/api/v1/customer/tickets/{first}", headers=alice.headers).json()
    assert seen["status"] == "resolved"
    assert seen["messages"][-1]["body"] == "Found it, crediting now."
    escalated = client.post(f"/console/tickets/{second}/escalate",
                            data={"team": "wallet-ops", "note": "needs the chain team"})
    assert escalated.status_code == 200 and "Escalated." in escalated.text
    merged = client.post(f"/console/tickets/{second}/merge", data={"target_id": f"#{first}"},
                         follow_redirects=False)
    assert merged.headers["location"] == f"/console/tickets/{first}?done=merge#done"
    page = client.get(f"/console/tickets/{first}").text
    assert "deposit, bep20" in page and "Lina" in page and "needs the chain team" in page
    assert f'href="/console/tickets/{second}"' in page


def test_a_refused_action_is_explained_and_changes_nothing(client: TestClient, desk: Desk) -> None:
    ticket = open_ticket(client, desk, "demo-alice", "kyc")
    sign_in(client, hire(desk, "sam"), headers={"Accept-Language": "zh-CN"})
    refused = client.post(f"/console/tickets/{ticket}/status", data={"status": "closed"},
                          headers={"Accept-Language": "zh-CN"})
    assert refused.status_code == 409 and "工单不能从 new 变为 closed" in refused.text
    bad = client.post(f"/console/tickets/{ticket}/priority", data={"priority": "P9"})
    assert bad.status_code == 422 and "Choose a valid priority." in bad.text
    foreign = client.post(f"/console/tickets/{ticket}/status", data={"status": "open"},
                          headers=EVIL, follow_redirects=False)
    assert foreign.status_code == 403  # refused before it reaches the page
    page = client.get(f"/console/tickets/{ticket}").text
    assert 'class="badge status-new"' in page


def test_thread_text_is_escaped_before_bold_and_links_are_drawn() -> None:
    html = str(chat_text("**Read** <img src=x onerror=alert(1)> https://help.example/a?b=1&c=2"
                         ' javascript:alert(1) "https://x.example/" end'))
    assert html.startswith("<strong>Read</strong> &lt;img src=x onerror=alert(1)&gt; ")
    link = '<a href="https://help.example/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">'
    assert link in html
    assert 'href="javascript' not in html
    assert '&#34;<a href="https://x.example/"' in html
