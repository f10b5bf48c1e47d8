"""A customer rates their resolved request in the portal; the agent sees it in the console."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.tickets import TicketStatus
from cryptodesk.services import tickets as ticket_services

from ...support.stories import customer, hire


def test_a_customer_rates_the_resolved_conversation_and_the_console_shows_it(
    contexts: Callable[..., Any], live_server: str, desk: Desk, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    lina = hire(desk, "lina")
    alice = customer(desk, "demo-alice", language="en", name="Alice Martin")
    opened = httpx.post(f"{live_server}/api/v1/customer/conversations", headers=alice.headers,
                        json={"body": "My USDT withdrawal has not arrived"}).json()
    ticket_id = opened["ticket_id"]
    with desk.uow() as uow:
        ticket_services.set_status(uow, lina.agent, ticket_id, TicketStatus.RESOLVED, desk.now())
        uow.commit()

    page = contexts(locale="en-US").new_page()
    page.goto(f"{live_server}/portal?token={alice.token}")
    page.get_by_role("link", name="My USDT withdrawal has not arrived").first.click()
    group = page.get_by_role("radiogroup", name="Your rating")
    expect(group).to_be_visible()
    expect(group.get_by_role("radio")).to_have_count(5)
    group.get_by_label("4 – Good").check()
    page.get_by_label("Anything to add? (optional)").fill("Quick and clear, thank you.")
    page.get_by_role("button", name="Send rating").click()
    expect(page.get_by_role("status").filter(has_text="Thank you for your rating.")).to_be_visible()
    expect(page.locator("#your-rating")).to_have_text("You rated this 4 out of 5.")
    expect(page.get_by_label("4 – Good")).to_be_checked()
    shoot(page, "portal")

    agent = contexts(locale="en-US").new_page()
    agent.goto(f"{live_server}/console/tickets/{ticket_id}")
    agent.get_by_label("Username").fill(lina.username)
    agent.get_by_label("Password").fill(lina.password)
    agent.get_by_label("Authenticator code").fill(lina.code())
    agent.get_by_role("button", name="Sign in").click()
    expect(agent.locator("#rating-score")).to_have_text("4 / 5")
    expect(agent.locator("#rating-comment")).to_have_text("Quick and clear, thank you.")
    agent.locator("#rating").scroll_into_view_if_needed()
    shoot(agent, "console")
