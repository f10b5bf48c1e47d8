"""The widget on the exchange's own site, another origin than the desk's, in a real browser.

The desk answers the widget's API calls across origins only for the sites it lists
(``CRYPTODESK_WIDGET_ORIGINS``); the browser enforces it, so this is only seen in one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from cryptodesk.bootstrap import Desk
from cryptodesk.services import tickets as ticket_services
from cryptodesk.store.repositories import TicketQuery
from cryptodesk.web.app import create_app

from ...support.stories import customer, hire
from .conftest import exchange_html, served

QUESTION = "我在贵站提的USDT一直没到账"
ANSWER = "已经查到了，您的提现正在等待区块确认。"


def _exchange_site(desk_url: dict[str, str]) -> Starlette:
    def page(request: Request) -> HTMLResponse:
        return exchange_html(request.query_params.get("token", ""),
                             desk_url["url"] + "/static/widget.js")

    return Starlette(routes=[Route("/", page)])


@pytest.fixture
def sites(desk: Desk) -> Iterator[tuple[str, str]]:
    """(an exchange site the desk lists, one it does not), each on its own port, both
    embedding the widget from the desk's origin."""
    desk_url = {"url": ""}
    with served(_exchange_site(desk_url)) as listed, served(_exchange_site(desk_url)) as other:
        desk.settings.widget_origins = [listed]
        desk.intent_model()
        with served(create_app(desk)) as url:
            desk_url["url"] = url
            yield listed, other


def _ask(browser: Any, desk: Desk, site: str, ref: str) -> Any:
    """A signed-in customer of the desk asks from the chat widget on ``site``."""
    page = browser.new_context(locale="zh-CN").new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{site}/?token={customer(desk, ref, language='zh').token}")
    page.get_by_role("button", name="在线客服").click()
    page.get_by_label("消息").fill(QUESTION)
    page.get_by_label("消息").press("Enter")
    return page


def _tickets(desk: Desk, ref: str) -> list[Any]:
    with desk.uow() as uow:
        found = uow.customers.by_ref(ref)
        return [] if found is None else uow.tickets.search(TicketQuery(customer_id=found.id)).items


def _bodies(desk: Desk, ref: str) -> list[str]:
    conversations = [t.conversation_id for t in _tickets(desk, ref)]
    with desk.uow() as uow:
        return [m.body for m in uow.conversations.messages(conversations)]


def test_the_widget_on_a_listed_exchange_site_chats_with_the_desk_across_origins(
    browser: Any, desk: Desk, sites: tuple[str, str], shoot: Callable[..., Any],
) -> None:
    from playwright.sync_api import expect

    page = _ask(browser, desk, sites[0], "demo-carol")
    expect(page.locator(".msg.from-customer .body")).to_have_text(QUESTION)
    expect(page.locator(".msg.from-customer .state")).to_have_count(0)  # acknowledged

    staff = hire(desk, "jun")
    ticket_id = _tickets(desk, "demo-carol")[0].id
    with desk.uow() as uow:
        ticket_services.reply(uow, staff.agent, ticket_id, ANSWER, desk.now())
        uow.commit()
    expect(page.locator(".msg.from-agent .body")).to_have_text(ANSWER)  # over the socket
    assert _bodies(desk, "demo-carol").count(QUESTION) == 1
    shoot(page, "listed-site")
    page.context.close()


def test_a_site_the_desk_does_not_list_cannot_send_through_the_widget(
    browser: Any, desk: Desk, sites: tuple[str, str], shoot: Callable[..., Any],
) -> None:
    from playwright.sync_api import expect

    page = _ask(browser, desk, sites[1], "demo-dave")
    expect(page.locator(".msg.pending .state")).to_have_text("尚未发出，正在重试…")
    page.wait_for_timeout(1500)  # a retry or two, each refused by the browser
    expect(page.locator(".msg.pending")).to_have_count(1)
    assert _bodies(desk, "demo-dave") == []
    shoot(page, "unlisted-site")
    page.context.close()
