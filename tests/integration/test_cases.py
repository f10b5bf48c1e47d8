"""Cases on real databases and the demo exchange: routing, evidence, the exchange told, the
customer told, every change in the event log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from cryptodesk.bootstrap import Desk
from cryptodesk.diagnostics import Clues, diagnose
from cryptodesk.domain.cases import Case, CaseKind, CaseStatus
from cryptodesk.domain.conversations import Author, Channel, ConversationState, Message
from cryptodesk.domain.sla import Priority
from cryptodesk.domain.tickets import Category, TicketStatus
from cryptodesk.errors import Conflict, InvalidInput, NotFound
from cryptodesk.platform import Platform
from cryptodesk.services import audit, case_notices, cases, conversations, tickets
from cryptodesk.services.access import CustomerViewer, VisitorViewer, access_conversation
from cryptodesk.services.responders import BOT, diagnosis_json
from cryptodesk.store.case_repository import CaseQuery
from cryptodesk.store.ledger_tables import ledger_cases

from ..support.clock import Clock
from ..support.exchanges import SilentExchange, seed_demo
from ..support.stories import hire

SEED = "abandon " * 11 + "about"


@pytest.fixture
def exchange(desk: Desk) -> Desk:
    """The desk with the demo exchange's customers, agents and ledger accounts."""
    return seed_demo(desk, articles=False)


def _viewer(desk: Desk, ref: str) -> CustomerViewer:
    with desk.uow() as uow:
        found = uow.customers.by_ref(ref)
        assert found is not None
        return CustomerViewer(found.id, ref)


def _chat(desk: Desk, viewer: CustomerViewer, text: str, intent: str | None = None) -> int:
    """A new chat; with `intent`, the bot's diagnosis of the customer's account follows."""
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=desk.now())
        conversations.receive_message(uow, viewer, conversation, text, now=desk.now())
        if intent is not None:
            found = diagnose(desk.platform, intent, viewer.ref, Clues(), desk.now())
            audit.post(uow, Message(
                conversation_id=conversation.id, author=Author.BOT, language="zh",
                body=found.render("zh"), created_at=desk.now(),
                data={"intent": intent, "diagnosis": diagnosis_json(found, "zh")},
            ))
        uow.commit()
    return conversation.id


def _open(desk: Desk, viewer: CustomerViewer, conversation_id: int, kind: CaseKind | str,
          platform: Platform | None = None, **extra: str) -> Case:
    with desk.uow() as uow:
        conversation = access_conversation(uow, viewer, conversation_id)
        case = cases.open_case(uow, platform or desk.platform, viewer, conversation, kind,
                               desk.now(), **extra)
        uow.commit()
    return case


def _told(desk: Desk, conversation_id: int) -> list[Message]:
    """What the customer was told about their case, in order."""
    with desk.uow() as uow:
        return [m for m in uow.conversations.messages([conversation_id], internal=False)
                if m.author is Author.SYSTEM and (m.data or {}).get("case")]


@pytest.mark.parametrize(("kind", "team", "priority", "category", "review"), [
    (CaseKind.DEPOSIT_RECOVERY, "wallet-ops", Priority.P2, Category.DEPOSIT, timedelta(days=3)),
    (CaseKind.APPEAL, "compliance", Priority.P3, Category.SERVICE, timedelta(days=2)),
    (CaseKind.REFUND, "support", Priority.P3, Category.SERVICE, timedelta(days=5)),
    (CaseKind.DISPUTE, "support", Priority.P3, Category.SERVICE, timedelta(days=2)),
    (CaseKind.SECURITY_INCIDENT, "security", Priority.P1, Category.SECURITY, timedelta(hours=4)),
])
def test_each_kind_goes_to_its_team_with_its_priority_and_promise(
    exchange: Desk, kind: CaseKind, team: str, priority: Priority, category: Category,
    review: timedelta,
) -> None:
    alice = _viewer(exchange, "demo-alice")
    conversation_id = _chat(exchange, alice, "I need to talk to someone about my account")
    case = _open(exchange, alice, conversation_id, kind.value)
    assert (case.kind, case.status) == (kind, CaseStatus.SUBMITTED)
    assert case.review_due == exchange.now() + review
    assert case.exchange_ref is not None and case.exchange_ref.startswith("case-")
    with exchange.uow() as uow:
        ticket = uow.tickets.get(case.ticket_id)
        conversation = uow.conversations.get(conversation_id)
        assert ticket is not None and conversation is not None
        assert (ticket.team, ticket.priority, ticket.category) == (team, priority, category)
        assert ticket.tags == [kind.value] and ticket.conversation_id == conversation_id
        assert conversation.state is ConversationState.QUEUED
    [opened] = _told(exchange, conversation_id)
    assert opened.language == "en"
    assert case_notices.due_text(case.review_due, "en") in opened.body
    assert f"#{case.id}" in opened.body
    assert opened.data == {"case": {"id": case.id, "kind": kind.value, "status": "submitted",
                                    "review_due": case.review_due.isoformat()}}


def test_the_english_promise_reads_as_an_exact_date(exchange: Desk) -> None:
    alice = _viewer(exchange, "demo-alice")
    case = _open(exchange, alice, _chat(exchange, alice, "my deposit is missing"),
                 CaseKind.DEPOSIT_RECOVERY)
    [opened] = _told(exchange, case.conversation_id)
    assert "by 28 Nov 2026, 09:00 UTC" in opened.body
    assert "wallet operations team" in opened.body


def test_the_evidence_carries_the_diagnosis_and_the_exchange_holds_the_case(
    exchange: Desk,
) -> None:
    carol = _viewer(exchange, "demo-carol")
    conversation_id = _chat(exchange, carol, "我的500 USDT走的BEP20，一直没到账",
                            intent="deposit.wrong_network")
    case = _open(exchange, carol, conversation_id, CaseKind.DEPOSIT_RECOVERY,
                 evidence=f"txid 0x9f3c on BSC; my words: {SEED}")
    diagnosis = case.evidence["diagnosis"]
    assert diagnosis["findings"][0]["code"] == "wrong_network_deposit"
    assert diagnosis["case_kind"] == "deposit_recovery"
    [note] = case.evidence["notes"]
    assert note["by"] == "customer" and note["text"].startswith("txid 0x9f3c on BSC")
    assert "abandon" not in note["text"]  # a seed phrase never reaches the evidence
    with exchange.database.engine.connect() as conn:
        rows = conn.execute(sa.select(ledger_cases).where(
            ledger_cases.c.account_ref == "demo-carol")).mappings().all()
    [row] = rows
    assert case.exchange_ref == f"case-{row['seq']}" and case.exchange_error is None
    assert row["kind"] == "deposit_recovery"
    assert row["evidence"]["diagnosis"]["findings"][0]["code"] == "wrong_network_deposit"
    assert "abandon" not in str(row["evidence"])
    with exchange.uow() as uow:
        stored = uow.cases.get(case.id)
        assert stored is not None and stored.evidence == case.evidence
        events = uow.events.for_ticket([case.ticket_id])
        warned = [m for m in uow.conversations.messages([conversation_id])
                  if (m.data or {}).get("shield") == "secret_warning"]
    assert [m.language for m in warned] == ["zh"]  # told why, as when pasting it in chat
    kinds = [e.kind for e in events]
    for kind in ("ticket.created", "case.opened", "case.evidence", "case.exchange",
                 "shield.secret_redacted"):
        assert kind in kinds
    opened = next(e for e in events if e.kind == "case.opened")
    assert opened.after["case_id"] == case.id and opened.actor_name == "demo-carol"
    assert all(e.conversation_id == conversation_id for e in events if e.kind.startswith("case"))


def test_an_exchange_that_does_not_answer_is_told_later(exchange: Desk) -> None:
    dave = _viewer(exchange, "demo-dave")
    conversation_id = _chat(exchange, dave, "my XRP deposit has no tag",
                            intent="deposit.not_credited")
    case = _open(exchange, dave, conversation_id, CaseKind.DEPOSIT_RECOVERY,
                 platform=SilentExchange(exchange.platform))
    assert (case.exchange_ref, case.exchange_error) == (None, "unavailable")
    assert case.status is CaseStatus.SUBMITTED and len(_told(exchange, conversation_id)) == 1
    with exchange.database.engine.connect() as conn:
        held = conn.execute(sa.select(sa.func.count()).select_from(ledger_cases)).scalar()
    assert held == 0
    omar = hire(exchange, "omar2", team="wallet-ops").agent
    with exchange.uow() as uow:
        retried = cases.notify_exchange(uow, exchange.platform, omar, case.id, exchange.now())
        uow.commit()
    assert retried.exchange_ref == "case-1" and retried.exchange_error is None
    with exchange.uow() as uow:
        with pytest.raises(Conflict) as again:
            cases.notify_exchange(uow, exchange.platform, omar, case.id, exchange.now())
        assert again.value.code == "exchange_already_told"
        told = [e.after for e in uow.events.for_ticket([case.ticket_id])
                if e.kind == "case.exchange"]
    assert told == [{"error": "unavailable"}, {"ref": "case-1"}]


def test_an_existing_ticket_moves_to_the_team_the_kind_needs(exchange: Desk) -> None:
    alice = _viewer(exchange, "demo-alice")
    conversation_id = _chat(exchange, alice, "someone logged into my account")
    sam = hire(exchange, "sam2").agent
    with exchange.uow() as uow:
        conversation = access_conversation(uow, alice, conversation_id)
        ticket = conversations.hand_off(uow, conversation, now=exchange.now(), actor=BOT)
        tickets.assign(uow, sam, ticket.id, "sam2", exchange.now())
        uow.commit()
    case = _open(exchange, alice, conversation_id, CaseKind.SECURITY_INCIDENT)
    assert case.ticket_id == ticket.id
    with exchange.uow() as uow:
        moved = uow.tickets.get(ticket.id)
        conversation = uow.conversations.get(conversation_id)
        assert moved is not None and conversation is not None
        assert (moved.team, moved.priority, moved.assignee_id) == ("security", Priority.P1, None)
        assert "security_incident" in moved.tags
        assert conversation.state is ConversationState.QUEUED
        kinds = {e.kind for e in uow.events.for_ticket([ticket.id])}
    assert {"ticket.team", "ticket.priority", "ticket.tags", "ticket.assignee"} <= kinds


def test_a_more_urgent_ticket_keeps_its_priority(exchange: Desk) -> None:
    carol = _viewer(exchange, "demo-carol")
    with exchange.uow() as uow:
        [demo_chat] = uow.conversations.for_customer(carol.customer_id, 1, 10).items
    case = _open(exchange, carol, demo_chat.id, CaseKind.DEPOSIT_RECOVERY)
    with exchange.uow() as uow:
        ticket = uow.tickets.get(case.ticket_id)
        assert ticket is not None
        assert (ticket.team, ticket.priority) == ("wallet-ops", Priority.P1)  # not lowered


def test_every_step_is_told_to_the_customer_in_their_language(
    exchange: Desk, clock: Clock
) -> None:
    carol = _viewer(exchange, "demo-carol")
    conversation_id = _chat(exchange, carol, "我的USDT充值走错网络了",
                            intent="deposit.wrong_network")
    case = _open(exchange, carol, conversation_id, CaseKind.DEPOSIT_RECOVERY)
    mei = hire(exchange, "mei2", team="wallet-ops").agent
    with exchange.uow() as uow:
        cases.review(uow, mei, case.id, exchange.now())
        cases.request_info(uow, mei, case.id, "请提供这笔充值的交易哈希。", exchange.now())
        ticket = uow.tickets.get(case.ticket_id)
        assert ticket is not None and ticket.status is TicketStatus.PENDING_CUSTOMER
        assert ticket.first_responded_at == exchange.now()
        uow.commit()
    clock.advance(days=1)
    with exchange.uow() as uow:
        conversation = access_conversation(uow, carol, conversation_id)
        # Writing in the conversation is the answer: the case goes back under review.
        conversations.receive_message(uow, carol, conversation, "哈希是 0x9f3c",
                                      now=exchange.now())
        uow.commit()
    with exchange.uow() as uow:
        resumed = uow.cases.get(case.id)
    assert resumed is not None and resumed.status is CaseStatus.UNDER_REVIEW
    assert resumed.review_due == exchange.now() + timedelta(days=3)
    assert resumed.evidence["notes"][-1]["text"] == "哈希是 0x9f3c"
    with exchange.uow() as uow:
        cases.approve(uow, mei, case.id, "已为您找回 500 USDT，请查看余额。", exchange.now())
        ticket = uow.tickets.get(case.ticket_id)
        assert ticket is not None and ticket.status is TicketStatus.RESOLVED
        cases.close(uow, mei, case.id, exchange.now())
        uow.commit()
    told = _told(exchange, conversation_id)
    assert [m.data["case"]["status"] for m in told] == [
        "submitted", "under_review", "needs_info", "under_review", "approved", "closed"]
    assert all(m.language == "zh" for m in told)
    assert "2026年11月28日 09:00（UTC）" in told[0].body and "钱包运维" in told[0].body
    assert "请提供这笔充值的交易哈希。" in told[2].body
    assert "2026年11月29日 09:00（UTC）" in told[3].body
    assert "已为您找回 500 USDT" in told[4].body
    assert told[1].agent_id == mei.id and told[3].agent_id is None
    with exchange.uow() as uow:
        moves = [(e.before, e.after) for e in uow.events.for_ticket([case.ticket_id])
                 if e.kind == "case.status"]
    assert moves == [("submitted", "under_review"), ("under_review", "needs_info"),
                     ("needs_info", "under_review"), ("under_review", "approved"),
                     ("approved", "closed")]


def test_the_customer_is_answered_in_the_language_they_wrote_in(exchange: Desk) -> None:
    alice = _viewer(exchange, "demo-alice")  # an English-speaking account, writing Chinese
    case = _open(exchange, alice, _chat(exchange, alice, "我被重复扣款了，要求退款"),
                 CaseKind.REFUND)
    [opened] = _told(exchange, case.conversation_id)
    assert opened.language == "zh" and "退款" in opened.body and "2026年11月30日" in opened.body


def test_a_reply_resumes_only_a_case_that_waits_on_the_customer(exchange: Desk) -> None:
    alice = _viewer(exchange, "demo-alice")
    case = _open(exchange, alice, _chat(exchange, alice, "charged twice"), CaseKind.REFUND)
    with exchange.uow() as uow:
        conversation = access_conversation(uow, alice, case.conversation_id)
        assert cases.customer_replied(uow, alice.actor, conversation, exchange.now()) is None
        unchanged = uow.cases.get(case.id)
        assert unchanged is not None and unchanged.status is CaseStatus.SUBMITTED
        assert unchanged.evidence["notes"] == []


def test_one_case_per_conversation_and_only_for_known_customers(exchange: Desk) -> None:
    alice, dave = _viewer(exchange, "demo-alice"), _viewer(exchange, "demo-dave")
    conversation_id = _chat(exchange, alice, "charged twice")
    first = _open(exchange, alice, conversation_id, CaseKind.REFUND)
    with pytest.raises(Conflict) as twice:
        _open(exchange, alice, conversation_id, CaseKind.DISPUTE)
    assert (twice.value.code, twice.value.value) == ("case_exists", first.id)
    with pytest.raises(InvalidInput) as unknown_kind:
        _open(exchange, alice, _chat(exchange, alice, "hi"), "chargeback")
    assert unknown_kind.value.field == "kind"
    sam = hire(exchange, "sam3").agent
    with exchange.uow() as uow:
        visitor = VisitorViewer("f" * 64)
        anonymous = conversations.open_conversation(uow, visitor, channel=Channel.CHAT,
                                                    now=exchange.now())
        mine = access_conversation(uow, alice, conversation_id)
        with pytest.raises(Conflict) as nobody:
            cases.open_case(uow, exchange.platform, sam, anonymous, "refund", exchange.now())
        assert nobody.value.code == "customer_required"
        with pytest.raises(NotFound):
            cases.open_case(uow, exchange.platform, dave, mine, "refund", exchange.now())
        anonymous.state = ConversationState.CLOSED
        with pytest.raises(Conflict) as closed:
            cases.open_case(uow, exchange.platform, sam, anonymous, "refund", exchange.now())
        assert closed.value.code == "conversation_closed"


def test_customers_see_only_their_own_cases(exchange: Desk) -> None:
    alice, dave = _viewer(exchange, "demo-alice"), _viewer(exchange, "demo-dave")
    mine = _open(exchange, alice, _chat(exchange, alice, "charged twice"), CaseKind.REFUND)
    with exchange.uow() as uow:
        assert [c.id for c in cases.customer_cases(uow, alice, 1, 10).items] == [mine.id]
        assert cases.customer_cases(uow, dave, 1, 10).total == 0
        found, messages = cases.customer_case(uow, alice, mine.id)
        assert found.id == mine.id and any(m.author is Author.SYSTEM for m in messages)
        with pytest.raises(NotFound):
            cases.customer_case(uow, dave, mine.id)
        with pytest.raises(NotFound):
            cases.add_evidence(uow, dave, mine.id, "not mine", exchange.now())


def test_agents_find_cases_by_kind_status_team_and_overdue(exchange: Desk, clock: Clock) -> None:
    opened = {}
    for ref, kind in (("demo-alice", CaseKind.DISPUTE), ("demo-dave", CaseKind.DEPOSIT_RECOVERY),
                      ("demo-frank", CaseKind.SECURITY_INCIDENT)):
        viewer = _viewer(exchange, ref)
        opened[kind] = _open(exchange, viewer, _chat(exchange, viewer, "help"), kind).id
    sam = hire(exchange, "sam4").agent

    def ids(**filters: Any) -> list[int]:
        with exchange.uow() as uow:
            return [r.case.id for r in cases.search(uow, CaseQuery(**filters)).items]

    assert ids(sort="id") == sorted(opened.values())
    assert ids(kinds=(CaseKind.DISPUTE,)) == [opened[CaseKind.DISPUTE]]
    assert ids(team="wallet-ops") == [opened[CaseKind.DEPOSIT_RECOVERY]]
    assert ids(overdue_at=exchange.now()) == []
    clock.advance(hours=5)  # past the security team's four hours
    with exchange.uow() as uow:
        cases.review(uow, sam, opened[CaseKind.SECURITY_INCIDENT], exchange.now())
        uow.commit()
    assert ids(overdue_at=exchange.now()) == [opened[CaseKind.SECURITY_INCIDENT]]
    assert ids(statuses=(CaseStatus.UNDER_REVIEW,)) == [opened[CaseKind.SECURITY_INCIDENT]]
    with exchange.uow() as uow:
        cases.request_info(uow, sam, opened[CaseKind.SECURITY_INCIDENT], "Which device?",
                           exchange.now())
        uow.commit()
        page = cases.search(uow, CaseQuery(sort="review_due", per_page=2, page=2))
    assert ids(overdue_at=exchange.now()) == []  # waiting on the customer is not overdue
    # Soonest promise first: security (4 hours), dispute (2 days), then deposit recovery.
    assert page.total == 3 and [r.case.id for r in page.items] == [
        opened[CaseKind.DEPOSIT_RECOVERY]]
    assert page.items[0].ticket.team == "wallet-ops"
