"""The customer portal: signed in by the exchange's token, showing that customer's things only."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk

from ..support.clock import Clock
from ..support.stories import CustomerStory, customer, hire


def enter(client: TestClient, story: CustomerStory) -> None:
    client.cookies.clear()
    landed = client.get("/portal", params={"token": story.token}, follow_redirects=False)
    assert landed.status_code == 303 and landed.headers["location"] == "/portal"


def test_the_portal_shows_nothing_without_the_exchanges_word(
    client: TestClient, desk: Desk
) -> None:
    opened = customer(desk, "demo-alice").open_chat(client, "alice private words")
    conversation = f"/portal/conversations/{opened['id']}"
    paths = ["/portal", conversation, f"{conversation}/thread",
             f"/portal/tickets/{opened['ticket_id']}"]
    for path in paths:
        for cookies in ({}, {"cryptodesk_portal": "not-a-token"}):
            client.cookies.clear()
            client.cookies.update(cookies)
            page = client.get(path, headers={"Accept-Language": "zh"})
            assert page.status_code == 401, path
            assert "请通过交易所登录" in page.text and "alice private words" not in page.text


def test_the_token_becomes_a_cookie_and_leaves_the_address_bar(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice", hours=2, name="Alice Martin")
    landed = client.get("/portal", params={"token": alice.token}, follow_redirects=False)
    assert landed.headers["location"] == "/portal"
    cookie = landed.headers["set-cookie"]
    assert cookie.startswith(f"cryptodesk_portal={alice.token};")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    max_age = int(re.search(r"Max-Age=(\d+)", cookie).group(1))
    assert 0 < max_age <= 2 * 3600
    assert "Alice Martin" in client.get("/portal").text
    bad = client.get("/portal", params={"token": alice.token[:-2] + "xx"},
                     follow_redirects=False)
    assert bad.status_code == 401 and "set-cookie" not in bad.headers


def test_a_customer_sees_only_their_own_conversations_and_tickets(
    client: TestClient, desk: Desk
) -> None:
    alice, mallory = customer(desk, "demo-alice"), customer(desk, "mallory")
    mine = alice.open_chat(client, "alice: my USDT withdrawal")
    theirs = mallory.open_chat(client, "mallory: my secret deposit")
    enter(client, alice)
    home = client.get("/portal").text
    assert "alice: my USDT withdrawal" in home and "mallory" not in home
    assert f'href="/portal/tickets/{mine["ticket_id"]}"' in home
    for path in (f"/portal/conversations/{theirs['id']}",
                 f"/portal/conversations/{theirs['id']}/thread",
                 f"/portal/tickets/{theirs['ticket_id']}"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "mallory" not in page.text
    post = client.post(f"/portal/conversations/{theirs['id']}/messages",
                       data={"body": "hijack"}, follow_redirects=False)
    assert post.status_code == 404
    headers = hire(desk, "sam").login(client)
    thread = client.get(f"/api/v1/tickets/{theirs['ticket_id']}", headers=headers).json()
    assert "hijack" not in [m["body"] for m in thread["messages"]]


def test_a_customer_replies_once_however_often_the_form_is_sent(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "where is my deposit")
    headers = hire(desk, "sam").login(client)
    ticket = f"/api/v1/tickets/{opened['ticket_id']}"
    client.post(f"{ticket}/notes", headers=headers, json={"body": "agents only: suspicious"})
    client.post(f"{ticket}/replies", headers=headers, json={"body": "<b>Checking</b> now"})
    enter(client, alice)
    page = client.get(f"/portal/conversations/{opened['id']}").text
    assert "agents only" not in page
    assert "&lt;b&gt;Checking&lt;/b&gt; now" in page
    client_id = re.search(r'name="client_message_id" value="([^"]+)"', page).group(1)
    form = {"body": "thanks, tx hash is 0xabc", "client_message_id": client_id}
    for _ in range(2):
        sent = client.post(f"/portal/conversations/{opened['id']}/messages", data=form,
                           follow_redirects=False)
        assert sent.status_code == 303
    thread = client.get(f"/portal/conversations/{opened['id']}/thread").text
    assert thread.count("thanks, tx hash is 0xabc") == 1
    detail = client.get(f"/portal/tickets/{opened['ticket_id']}").text
    assert "thanks, tx hash is 0xabc" in detail and "status-open" in detail


def test_a_closed_conversation_cannot_be_written_to(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "done already")
    headers = hire(desk, "sam").login(client)
    ticket = f"/api/v1/tickets/{opened['ticket_id']}"
    client.post(f"{ticket}/status", headers=headers, json={"status": "resolved"})
    client.post(f"{ticket}/status", headers=headers, json={"status": "closed"})
    enter(client, alice)
    page = client.get(f"/portal/conversations/{opened['id']}")
    assert 'name="body"' not in page.text and "This conversation has ended" in page.text
    refused = client.post(f"/portal/conversations/{opened['id']}/messages",
                          data={"body": "one more thing"})
    assert refused.status_code == 409 and "please start a new one" in refused.text


def test_an_expired_token_in_the_cookie_signs_the_customer_out(
    client: TestClient, desk: Desk, clock: Clock
) -> None:
    alice = customer(desk, "demo-alice", hours=1)
    alice.open_chat(client, "hello")
    enter(client, alice)
    assert client.get("/portal").status_code == 200
    clock.advance(hours=2)
    assert client.get("/portal").status_code == 401


def test_a_reply_form_sent_from_another_site_is_not_taken(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "where is my deposit")
    enter(client, alice)
    path = f"/portal/conversations/{opened['id']}/messages"
    disguises = [
        {"Origin": "https://evil.example"},
        {"Referer": "https://evil.example/page"},  # browsers that leave Origin out
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},  # a sandboxed frame
        {"Origin": "http://[::1"},  # no address at all
        {"Referer": "https://evil]example/"},
    ]
    for number, headers in enumerate(disguises):
        forged = client.post(path, data={"body": f"forged {number}"}, headers=headers,
                             follow_redirects=False)
        assert forged.status_code < 500, headers
    # Behind a proxy the host we see is not the browser's; the desk's public address is ours.
    proxied = client.post(path, data={"body": "from our own page"},
                          headers={"Origin": desk.settings.public_url}, follow_redirects=False)
    assert proxied.status_code == 303
    thread = client.get(f"/portal/conversations/{opened['id']}/thread").text
    assert "forged" not in thread and "from our own page" in thread
