"""A visitor pastes a seed phrase: the widget hides it and warns; the agent never sees it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from bip_utils import Bip39MnemonicGenerator, Bip39WordsNum

from cryptodesk.bootstrap import Desk
from cryptodesk.store.repositories import TicketQuery

from ...support.stories import hire

HIDDEN = "[已隐藏：助记词]"
WARNING = "我们的工作人员绝不会向您索要"


def _leaks(text: str, seed: str) -> list[str]:
    """The seed, or any two of its words side by side, wherever they appear in `text`."""
    words = seed.split()
    flat = " ".join(re.findall(r"[a-z]+", text.lower()))
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(words)}
    return sorted(p for p in pairs if re.search(rf"\b{p}\b", flat))


def test_a_pasted_seed_phrase_is_hidden_from_the_visitor_and_the_agent(
    contexts: Callable[..., Any], live_server: str, desk: Desk, shoot: Callable[..., Any]
) -> None:
    from playwright.sync_api import expect

    seed = Bip39MnemonicGenerator().FromWordsNumber(Bip39WordsNum.WORDS_NUM_12).ToStr()
    assert len(seed.split()) == 12

    visitor = contexts(locale="zh-CN").new_page()
    visitor.goto(f"{live_server}/test-exchange")  # no identity token: an anonymous visitor
    visitor.get_by_role("button", name="在线客服").click()
    visitor.get_by_label("消息").fill(f"客服让我验证钱包，我的助记词是 {seed} 对吗")
    visitor.get_by_label("消息").press("Enter")
    mine = visitor.locator(".msg.from-customer")
    expect(mine.locator(".state")).to_have_count(0)  # acknowledged: the desk's copy is shown
    expect(mine.locator(".body")).to_contain_text(HIDDEN)
    expect(visitor.locator(".msg.from-system", has_text=WARNING)).to_have_count(1)
    visitor.get_by_role("button", name="转人工").click()
    expect(visitor.locator(".status")).to_contain_text("您前面还有 0 位")
    widget_text = visitor.locator("[data-cryptodesk-widget]").inner_text()
    assert seed not in widget_text and _leaks(widget_text, seed) == []
    mine.scroll_into_view_if_needed()
    shoot(visitor, "widget")

    with desk.uow() as uow:
        found = uow.tickets.search(TicketQuery(text="助记词"))
        assert found.total == 1
        ticket_id = found.items[0].id

    lina = hire(desk, "lina")
    agent = contexts(locale="zh-CN").new_page()
    agent.goto(f"{live_server}/console/tickets/{ticket_id}")
    agent.get_by_label("用户名").fill(lina.username)
    agent.get_by_label("密码").fill(lina.password)
    agent.get_by_label("身份验证器验证码").fill(lina.code())
    agent.get_by_role("button", name="登录").click()
    expect(agent).to_have_url(f"{live_server}/console/tickets/{ticket_id}")
    expect(agent.locator("body")).to_contain_text(HIDDEN)
    for text in (agent.content(), agent.locator("body").inner_text()):
        assert seed not in text
        assert _leaks(text, seed) == []
    shoot(agent, "ticket")
