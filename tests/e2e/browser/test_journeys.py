"""What people do, in a real browser: a customer chats, an agent answers; readers search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cryptodesk.bootstrap import Desk
from cryptodesk.services import tickets as ticket_services
from cryptodesk.store.repositories import TicketQuery

from ...support.stories import customer, hire

QUESTION = "我的USDT提现一直没到账"
ANSWER = "您好，您的提现已在链上，正在等待区块确认，预计几分钟内到账。"


def test_a_customer_asks_in_chinese_and_an_agent_answers_live(
    contexts: Callable[..., Any], live_server: str, desk: Desk, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    lina = hire(desk, "lina")
    alice = customer(desk, "demo-alice", language="zh", name="Alice Martin")

    agent = contexts(locale="zh-CN").new_page()
    agent.goto(f"{live_server}/console")
    agent.get_by_label("用户名").fill(lina.username)
    agent.get_by_label("密码").fill(lina.password)
    agent.get_by_label("身份验证器验证码").fill(lina.code())
    agent.get_by_role("button", name="登录").click()
    expect(agent.get_by_role("heading", name="未分配")).to_be_visible()
    expect(agent.locator("#live")).to_have_text("实时更新中")
    expect(agent.locator(".empty")).to_be_visible()
    agent.evaluate("window.stillTheSamePage = true")

    page = contexts(locale="zh-CN").new_page()
    page.goto(f"{live_server}/test-exchange?token={alice.token}")
    page.get_by_role("button", name="在线客服").click()
    page.get_by_label("消息").fill(QUESTION)
    page.get_by_label("消息").press("Enter")
    expect(page.locator(".msg.from-customer .body")).to_have_text(QUESTION)
    expect(page.locator(".msg.from-customer .state")).to_have_count(0)  # acknowledged
    page.get_by_role("button", name="转人工").click()
    expect(page.locator(".status")).to_contain_text("客服人员会在这里回复您")

    row = agent.locator("#rows tr", has_text=QUESTION)
    expect(row).to_be_visible()  # arrived over the inbox's socket, without a reload
    assert agent.evaluate("window.stillTheSamePage") is True
    expect(row).to_contain_text("demo-alice")
    shoot(agent, "inbox")
    row.get_by_role("link").click()
    expect(agent.locator("#customer-ref")).to_have_text("demo-alice")
    expect(agent.locator("#live")).to_have_text("实时更新中")

    page.get_by_label("消息").press_sequentially("还在吗")
    expect(agent.locator("#typing")).to_be_visible()
    agent.get_by_label("回复内容").fill(ANSWER)
    agent.get_by_role("button", name="发送回复").click()
    expect(agent.locator("#done")).to_be_visible()

    expect(page.locator(".msg.from-agent .body")).to_have_text(ANSWER)
    shoot(page, "widget")
    shoot(agent, "ticket")


def test_help_center_search_in_both_languages_and_the_switch(
    contexts: Callable[..., Any], live_server: str, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    page = contexts(locale="zh-CN").new_page()
    page.goto(live_server + "/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    page.get_by_label("搜索帮助中心").fill("提现没到账")
    page.get_by_label("搜索帮助中心").press("Enter")
    first = page.locator(".results li a").first
    expect(first).to_have_text("提币还没到账")
    shoot(page, "search-zh")
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("提币还没到账")

    page.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My withdrawal has not arrived yet")
    page.goto(live_server + "/")  # the choice sticks without ?lang=
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Search the help center").fill("deposit on the wrong network")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".results li a").first).to_have_text(
        "I sent a deposit on the wrong network or without the memo")
    shoot(page, "search-en")


def test_the_console_refuses_a_wrong_code(
    contexts: Callable[..., Any], live_server: str, desk: Desk, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    sam = hire(desk, "sam")
    wrong = str((int(sam.code()) + 1) % 1_000_000).zfill(6)
    context = contexts(locale="en-US")
    page = context.new_page()
    page.goto(f"{live_server}/console/tickets/1")
    expect(page).to_have_url(f"{live_server}/console/login?next=%2Fconsole%2Ftickets%2F1")
    page.get_by_label("Username").fill(sam.username)
    page.get_by_label("Password").fill(sam.password)
    page.get_by_label("Authenticator code").fill(wrong)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("The username, password or code is wrong.")
    assert [c for c in context.cookies() if c["name"] == "cryptodesk_session"] == []
    shoot(page, "refused")


def test_the_widget_comes_back_after_a_network_drop_without_losing_or_doubling(
    contexts: Callable[..., Any], live_server: str, desk: Desk, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    bob = customer(desk, "demo-bob", language="zh")
    context = contexts(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server}/test-exchange?token={bob.token}")
    page.get_by_role("button", name="在线客服").click()
    page.get_by_label("消息").fill("ETH 提现一直在处理中")
    page.get_by_label("消息").press("Enter")
    expect(page.locator(".msg.from-system")).to_have_count(1)

    context.set_offline(True)
    page.get_by_label("消息").fill("离线时发的消息")
    page.get_by_label("消息").press("Enter")
    expect(page.locator(".msg.pending .state")).to_have_text("尚未发出，正在重试…")
    staff = hire(desk, "mei")
    with desk.uow() as uow:
        found = uow.tickets.search(TicketQuery(customer_id=uow.customers.by_ref("demo-bob").id))
        ticket_id = found.items[0].id
    with desk.uow() as uow:
        ticket_services.reply(uow, staff.agent, ticket_id, "网络维护中，稍后自动处理。", desk.now())
        uow.commit()
    context.set_offline(False)

    expect(page.locator(".msg.from-agent .body")).to_have_text("网络维护中，稍后自动处理。")
    expect(page.locator(".msg.pending")).to_have_count(0)
    expect(page.locator(".msg.from-customer .body")).to_have_text(
        ["ETH 提现一直在处理中", "离线时发的消息"])
    with desk.uow() as uow:
        ticket = uow.tickets.get(ticket_id)
        bodies = [m.body for m in uow.conversations.messages([ticket.conversation_id])]
    assert bodies.count("离线时发的消息") == 1
    shoot(page, "after-drop")
