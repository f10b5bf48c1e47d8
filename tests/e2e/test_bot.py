"""The bot as customers meet it: answers, diagnoses from their own account, hands over."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cryptodesk.bootstrap import Desk
from cryptodesk.cli import app
from cryptodesk.services.answering import Context, Offered, compose
from cryptodesk.web.app import create_app

from ..support.stories import IDENTITY_SECRET, customer

ASKED = [
    ("demo-alice", "my USDT withdrawal hasn't arrived yet", "我的USDT提现还没到账",
     "awaiting_confirmations"),
    ("demo-bob", "why is my ETH withdrawal stuck?", "ETH提币一直卡着不动", "network_suspended"),
    ("demo-carol", "I deposited 500 USDT over BEP20 and it is not in my balance",
     "我充的500 USDT走的BEP20，一直没到账", "wrong_network_deposit"),
    ("demo-dave", "my XRP deposit has not been credited", "XRP充值没到账", "missing_memo"),
    ("demo-erin", "my BTC buy order was rejected", "买BTC的订单被拒绝了", "insufficient_balance"),
    ("demo-frank", "my account is frozen, please unlock it", "我的账户被冻结了", "account_frozen"),
    ("demo-grace", "why was my identity verification rejected?", "身份认证为什么被拒了",
     "kyc_rejected"),
    ("demo-heidi", "my BTC deposit still hasn't arrived", "BTC充值还没到账",
     "awaiting_confirmations"),
    ("demo-ivan", "my withdrawal failed", "提币失败了怎么回事", "below_minimum"),
    ("demo-judy", "my limit buy order never gets filled", "我的限价买单一直不成交",
     "limit_price_away_from_market"),
]


@pytest.mark.parametrize(("ref", "english", "chinese", "code"), ASKED)
def test_each_demo_customer_hears_what_happened(
    bot_desk: Desk, ref: str, english: str, chinese: str, code: str
) -> None:
    for question, language in ((english, "en"), (chinese, "zh")):
        with bot_desk.uow() as uow:
            ctx = Context(model=bot_desk.intent_model(), platform=bot_desk.platform,
                          now=bot_desk.now(), customer_ref=ref)
            reply = compose(uow, ctx, question)
        assert reply.diagnosis is not None, (question, reply.decision)
        assert code in reply.diagnosis.codes, (question, reply.diagnosis.codes)
        assert reply.language == language
        if language == "zh":
            assert any("\u4e00" <= ch <= "\u9fff" for ch in reply.text)


def test_ask_on_the_command_line(bot_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRYPTODESK_DATABASE_URL", bot_desk.settings.database_url)
    monkeypatch.setenv("CRYPTODESK_IDENTITY_SECRET", IDENTITY_SECRET)
    monkeypatch.setenv("CRYPTODESK_CACHE_DIR", bot_desk.settings.cache_dir or "")
    runner = CliRunner()

    def ask(*args: str) -> dict:
        result = runner.invoke(app, ["ask", "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    zh = ask("我的USDT提现一直没到账")
    assert (zh["intent"], zh["language"], zh["action"]) == ("withdrawal.pending", "zh", "diagnose")
    assert "登录" in zh["reply"] and zh["diagnosis"] is None  # who is asking? sign in first
    en = ask("--user", "demo-alice", "my USDT withdrawal has not arrived")
    assert (en["intent"], en["language"]) == ("withdrawal.pending", "en")
    assert en["diagnosis"]["findings"][0]["code"] == "awaiting_confirmations"
    assert en["diagnosis"]["eta_seconds"] > 0
    kinds = {e["kind"] for e in ask("sent 500 usdt via TRC20")["entities"]}
    assert {"amount", "asset", "network"} <= kinds
    france = ask("what's the capital of France")
    assert (france["intent"], france["action"]) == ("out_of_scope", "answer")
    assert "exchange" in france["reply"]
    assert runner.invoke(app, ["ask", "  "]).exit_code == 2
    diagnosed = runner.invoke(app, ["diagnose", "--user", "demo-ivan", "--json",
                                    "withdrawal.failed"])
    assert json.loads(diagnosed.output)["findings"][0]["code"] == "below_minimum"
    assert runner.invoke(app, ["diagnose", "--user", "demo-ivan", "made.up"]).exit_code == 2


def test_chat_with_the_bot_then_a_person(bot_desk: Desk) -> None:
    with TestClient(create_app(bot_desk)) as client:
        alice = customer(bot_desk, "demo-alice", language="zh")
        opened = alice.open_chat(client, "我的USDT提现一直没到账", client_message_id="a-1")
        assert opened["state"] == "bot" and opened["ticket_id"] is None
        answer = opened["messages"][-1]
        assert answer["author"] == "bot"
        card = answer["data"]["diagnosis"]
        assert card["findings"][0]["code"] == "awaiting_confirmations"
        path = f"/api/v1/customer/conversations/{opened['id']}/messages"
        human = client.post(path, headers=alice.headers, json={"body": "转人工"}).json()
        assert human["ticket_id"] is not None
        assert "工单" in human["replies"][-1]["body"]


def test_out_of_scope_twice_reaches_a_person_and_is_a_gap(bot_desk: Desk) -> None:
    with TestClient(create_app(bot_desk)) as client:
        opened = client.post("/api/v1/customer/conversations",
                             json={"body": "what's the capital of France?"}).json()
        assert opened["ticket_id"] is None
        visitor = {"X-Visitor-Token": opened["visitor_token"]}
        path = f"/api/v1/customer/conversations/{opened['id']}/messages"
        again = client.post(path, headers=visitor,
                            json={"body": "recommend me a good pizza recipe"}).json()
        assert again["ticket_id"] is not None
    with bot_desk.uow() as uow:
        gaps = uow.knowledge.gaps(bot_desk.now().replace(year=2000), 10)
    assert [g.reason for g in gaps] == ["out_of_scope_twice"]


def _bot_answer(posted: dict) -> dict:
    """The answer card among the bot's replies (a hand-over notice may follow it)."""
    return next(r["data"] for r in posted["replies"] if "intent" in r["data"])


@pytest.mark.parametrize(("question", "pick"), [("order", "2"), ("限价", "第二个")])
def test_a_customer_answers_which_one_they_meant(
    bot_desk: Desk, question: str, pick: str
) -> None:
    with TestClient(create_app(bot_desk)) as client:
        opened = client.post("/api/v1/customer/conversations", json={"body": question}).json()
        asked = opened["messages"][-1]["data"]
        assert asked["move"] == "clarify"
        first, meant = (o["intent"] for o in asked["options"])
        assert first != meant
        path = f"/api/v1/customer/conversations/{opened['id']}/messages"
        answered = client.post(path, headers={"X-Visitor-Token": opened["visitor_token"]},
                               json={"body": pick}).json()
        assert _bot_answer(answered)["intent"] == meant
        assert _bot_answer(answered)["move"] != "clarify"
    with bot_desk.uow() as uow:
        replies = [e.after for e in uow.events.for_conversation(opened["id"])
                   if e.kind == "bot.reply"]
    assert [r["intent"] for r in replies] == [asked["intent"], meant]
    assert replies[0]["options"] == asked["options"]


def test_tapping_an_option_or_asking_anew(bot_desk: Desk) -> None:
    with TestClient(create_app(bot_desk)) as client:
        opened = client.post("/api/v1/customer/conversations", json={"body": "order"}).json()
        first, second = opened["messages"][-1]["data"]["options"]
        path = f"/api/v1/customer/conversations/{opened['id']}/messages"
        visitor = {"X-Visitor-Token": opened["visitor_token"]}
        tapped = client.post(path, headers=visitor, json={"body": first["label"]}).json()
        assert _bot_answer(tapped)["intent"] == first["intent"]
        # No longer after a question: "2" is a message of its own, not the second option.
        alone = client.post(path, headers=visitor, json={"body": "2"}).json()
        assert _bot_answer(alone)["intent"] != second["intent"]


def test_a_picked_option_answers_the_question_it_was_offered_on(bot_desk: Desk) -> None:
    offered = Offered((("trade.order_not_filled", "My order has not filled"),
                       ("trade.order_failed", "My order failed")), "en",
                      "my BTC buy order was rejected")
    with bot_desk.uow() as uow:
        ctx = Context(model=bot_desk.intent_model(), platform=bot_desk.platform,
                      now=bot_desk.now(), customer_ref="demo-erin", offered=offered)
        reply = compose(uow, ctx, "2")

    assert reply.decision.intent == "trade.order_failed"
    assert reply.entities.first("asset").value == "BTC"
    assert reply.diagnosis is not None
    assert "insufficient_balance" in reply.diagnosis.codes
