"""The console's ticket page: the customer's exchange account, security flags, suggestions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk, build
from cryptodesk.platform.port import PlatformUnavailable
from cryptodesk.store.repositories import TicketQuery

from ..conftest import make_settings
from ..support.clock import Clock
from ..support.exchanges import seed_demo
from ..support.stories import StaffMember, customer, hire

SEED = "abandon " * 11 + "about"


@pytest.fixture
def desk(db_url: str, clock: Clock, tmp_path: Path) -> Iterator[Desk]:
    """The demo exchange and its tickets, as `make demo` sets them up."""
    built = seed_demo(build(make_settings(db_url, responder="bot",
                                          attachment_dir=str(tmp_path / "files")), clock=clock))
    yield built
    built.database.dispose()


def signed_in(client: TestClient, staff: StaffMember) -> None:
    client.cookies.clear()
    landed = client.post("/console/login", data={
        "username": staff.username, "password": staff.password, "totp": staff.code(),
        "next": "/console"}, follow_redirects=False)
    assert landed.status_code == 303


def ticket_of(desk: Desk, ref: str) -> int:
    with desk.uow() as uow:
        found = uow.customers.by_ref(ref)
        assert found is not None
        return uow.tickets.search(TicketQuery(customer_id=found.id)).items[0].id


def section(page: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}".*?</(?:section|ul|dd|div|p)>', page, re.S)
    assert match, element_id
    return unescape(match.group(0))


def test_the_panel_shows_a_frozen_account_and_the_new_device(
    client: TestClient, desk: Desk
) -> None:
    signed_in(client, hire(desk, "quinn"))
    page = client.get(f"/console/tickets/{ticket_of(desk, 'demo-frank')}")
    assert page.status_code == 200
    assert "frozen" in section(page.text, "account-status")
    assert "unknown_device_login" in section(page.text, "freeze-reason")
    events = section(page.text, "security-events")
    assert events.count('class="warn new-device"') == 2 and "New device" not in events


def test_the_panel_shows_alices_withdrawal_confirmations_and_balances(
    client: TestClient, desk: Desk
) -> None:
    signed_in(client, hire(desk, "quinn"))
    page = client.get(f"/console/tickets/{ticket_of(desk, 'demo-alice')}",
                      headers={"Accept-Language": "en"}).text
    withdrawals = section(page, "withdrawals")
    assert "USDT" in withdrawals and "broadcast" in withdrawals
    assert "5/20 confirmations" in withdrawals
    assert "USDT" in section(page, "balances")
    assert "approved" in section(page, "kyc")


def test_an_exchange_that_does_not_answer_leaves_the_page_working(
    client: TestClient, desk: Desk
) -> None:
    class Down:
        def __getattr__(self, name: str):
            def refuse(*args: object, **kwargs: object):
                raise PlatformUnavailable("timed out")
            return refuse

    desk.platform = Down()  # type: ignore[assignment]
    signed_in(client, hire(desk, "quinn"))
    page = client.get(f"/console/tickets/{ticket_of(desk, 'demo-frank')}",
                      headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "The exchange did not answer" in section(page.text, "panel-unavailable")
    assert 'id="account-status"' not in page.text
    assert 'id="suggestion"' in page.text and 'id="reply-form"' in page.text


def test_suggestions_answer_the_customers_latest_message_with_articles(
    client: TestClient, desk: Desk
) -> None:
    signed_in(client, hire(desk, "quinn"))
    page = client.get(f"/console/tickets/{ticket_of(desk, 'demo-alice')}",
                      headers={"Accept-Language": "en"}).text
    assert section(page, "suggested-intent").startswith('id="suggested-intent">withdrawal.')
    confidence = re.search(r'id="suggested-confidence">confidence (0\.\d\d|1\.00)<', page)
    assert confidence, "the confidence is shown"
    reply = section(page, "suggested-reply-text")
    assert "confirmations" in reply or "20" in reply
    assert 'data-insert="suggested-reply-text"' in page
    articles = section(page, "suggested-articles")
    assert len(re.findall(r'<li><a href="/articles/', articles)) == 3
    assert articles.count("data-insert=") == 3
    assert "?lang=en" in articles


def test_security_flags_and_the_rating_show_on_the_ticket(
    client: TestClient, desk: Desk, clock: Clock
) -> None:
    quinn = hire(desk, "quinn")
    agent = quinn.login(client)
    alice = customer(desk, "demo-alice", language="en")
    opened = alice.open_chat(client, f"I need a person, my phrase is {SEED}")
    client.post(f"/api/v1/customer/conversations/{opened['id']}/handoff", headers=alice.headers)
    ticket_id = client.get(f"/api/v1/customer/conversations/{opened['id']}",
                           headers=alice.headers).json()["ticket_id"]
    current = client.get(f"/api/v1/tickets/{ticket_id}", headers=agent).json()["tags"]
    tagged = client.put(f"/api/v1/tickets/{ticket_id}/tags", headers=agent,
                         json={"tags": [*current, "phishing-link"]})
    assert tagged.status_code == 200, tagged.text
    client.post(f"/api/v1/tickets/{ticket_id}/status", headers=agent,
                json={"status": "resolved"})
    rated = client.post(f"/api/v1/customer/tickets/{ticket_id}/rating", headers=alice.headers,
                        json={"score": 3, "comment": "slow but fine"})
    assert rated.status_code == 200

    clock.advance(seconds=30)  # a code is accepted once: sign in with the next one
    signed_in(client, quinn)
    page = client.get(f"/console/tickets/{ticket_id}", headers={"Accept-Language": "en"}).text
    flags = section(page, "security-flags")
    assert 'data-flag="flag.secret"' in flags and 'data-flag="flag.phishing"' in flags
    assert 'data-flag="flag.incident"' not in flags
    assert "3 / 5" in section(page, "rating-score")
    assert "slow but fine" in page
    assert "abandon" not in page
