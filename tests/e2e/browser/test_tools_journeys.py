"""A signed-in customer opens the case the bot offers, from the chat widget, in a browser."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from cryptodesk.bootstrap import Desk

from ...support.stories import customer

QUESTION = "我充的500 USDT走的BEP20，一直没到账"


@pytest.fixture
def desk(bot_desk: Desk) -> Desk:
    """The live server and the browser contexts of conftest.py serve the demo exchange."""
    return bot_desk


def test_a_customer_opens_the_offered_deposit_recovery_case_from_the_widget(
    contexts: Callable[..., Any], live_server: str, desk: Desk, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    carol = customer(desk, "demo-carol", language="zh")
    page = contexts(locale="zh-CN").new_page()
    page.goto(f"{live_server}/test-exchange?token={carol.token}")
    page.get_by_role("button", name="在线客服").click()
    page.get_by_label("消息").fill(QUESTION)
    page.get_by_label("消息").press("Enter")

    answer = page.locator(".msg.from-bot", has=page.locator(".findings"))
    expect(answer.locator(".finding").first).to_contain_text("BEP20")
    offer = answer.get_by_role("button", name="提交充值找回申请")
    expect(offer).to_be_visible()
    offer.click()
    expect(answer.locator(".case-confirm")).to_contain_text("确认提交充值找回申请吗")
    answer.get_by_role("button", name="确认提交").click()

    done = answer.locator(".case-done")
    expect(done).to_contain_text(re.compile(r"申请已提交，编号 #\d+"))
    number = re.search(r"#(\d+)", done.inner_text())
    assert number is not None
    notice = page.locator(".msg.from-system", has_text=f"#{number.group(1)}")
    expect(notice).to_be_visible()  # the desk's own message, over the socket
    with desk.uow() as uow:
        case = uow.cases.get(int(number.group(1)))
    assert case is not None and str(case.kind) == "deposit_recovery"
    assert case.evidence.get("diagnosis"), "the diagnosis travels with the case"
    answer.scroll_into_view_if_needed()
    shoot(page, "case-zh")

    page.reload()  # the same chat, reopened: the case shows as opened, not offered again
    expect(page.locator(".case-done").first).to_contain_text(f"#{number.group(1)}")
    expect(page.get_by_role("button", name="提交充值找回申请")).to_have_count(0)



def test_the_security_tools_answer_as_the_reader_types(
    contexts: Callable[..., Any], live_server: str, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    page = contexts(locale="en-US").new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(f"{live_server}/security?lang=en")
    page.get_by_label("Link", exact=True).fill("https://examp1e.com/login")
    page.get_by_label("Link", exact=True).press("Enter")
    expect(page.locator("#link-result .verdict-word")).to_have_text("Look-alike: do not use it")
    assert page.url.endswith("/security?link=https%3A%2F%2Fexamp1e.com%2Flogin")
    secret = "Quartz-lantern-92-orbit-velvet!"
    page.get_by_label("Password to test").press_sequentially(secret)
    expect(page.locator("#password-result")).to_contain_text("Good enough")
    expect(page.locator("#password-result meter")).to_have_attribute("value", "4")
    assert not any(secret in url or "password=" in url for url in [*asked, page.url])
    shoot(page, "security-en")
