"""The ticket lifecycle, SLA targets and merge rules, on plain objects."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cryptodesk.domain.sla import Priority, SlaPolicy, default_policies
from cryptodesk.domain.tickets import (
    TRANSITIONS,
    Category,
    Ticket,
    TicketStatus,
    category_for_intent,
    clean_tags,
)
from cryptodesk.errors import Conflict, IllegalTransition, InvalidInput

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
POLICIES = {p.priority: p for p in default_policies()}


def ticket(status: TicketStatus = TicketStatus.NEW, priority: Priority = Priority.P3,
           customer_id: int | None = 7, ident: int = 1) -> Ticket:
    made = Ticket.create(
        subject="USDT withdrawal stuck", conversation_id=ident, customer_id=customer_id,
        category=Category.WITHDRAWAL, priority=priority, policy=POLICIES[priority],
        team="support", now=NOW,
    )
    made.id = ident
    made.status = status
    return made


ALL_PAIRS = [(a, b) for a in TicketStatus for b in TicketStatus]
LEGAL = [(a, b) for a, b in ALL_PAIRS if b in TRANSITIONS[a]]
ILLEGAL = [(a, b) for a, b in ALL_PAIRS if b not in TRANSITIONS[a]]


def test_the_lifecycle_is_the_documented_one() -> None:
    assert TRANSITIONS[TicketStatus.NEW] >= {TicketStatus.OPEN, TicketStatus.RESOLVED}
    assert TicketStatus.OPEN in TRANSITIONS[TicketStatus.RESOLVED]  # reopen
    assert TRANSITIONS[TicketStatus.CLOSED] == frozenset()
    assert TicketStatus.CLOSED not in TRANSITIONS[TicketStatus.OPEN]  # resolve first
    assert len(LEGAL) == 15 and len(ILLEGAL) == 21


@pytest.mark.parametrize(("before", "after"), LEGAL)
def test_legal_transition(before: TicketStatus, after: TicketStatus) -> None:
    t = ticket(before)
    change = t.set_status(after, NOW + timedelta(hours=1))
    assert t.status is after
    assert (change.kind, change.before, change.after) == ("ticket.status", before, after)
    assert t.updated_at == NOW + timedelta(hours=1)


@pytest.mark.parametrize(("before", "after"), ILLEGAL)
def test_illegal_transition_is_refused_and_changes_nothing(
    before: TicketStatus, after: TicketStatus
) -> None:
    t = ticket(before)
    with pytest.raises(IllegalTransition) as raised:
        t.set_status(after, NOW)
    assert t.status is before
    assert raised.value.field == "status" and "工单" in raised.value.zh


def test_resolve_stamps_time_and_reopen_clears_it() -> None:
    t = ticket(TicketStatus.OPEN)
    t.set_status(TicketStatus.RESOLVED, NOW + timedelta(hours=2))
    assert t.resolved_at == NOW + timedelta(hours=2)
    t.set_status(TicketStatus.OPEN, NOW + timedelta(hours=3))
    assert t.resolved_at is None
    t.set_status(TicketStatus.RESOLVED, NOW + timedelta(hours=4))
    t.set_status(TicketStatus.CLOSED, NOW + timedelta(hours=5))
    assert t.closed_at == NOW + timedelta(hours=5)


@pytest.mark.parametrize(
    ("priority", "first", "resolution"),
    [(Priority.P1, 15, 240), (Priority.P2, 60, 480), (Priority.P3, 240, 1440),
     (Priority.P4, 480, 4320)],
)
def test_sla_targets_follow_the_priority(priority: Priority, first: int, resolution: int) -> None:
    t = ticket(priority=priority)
    assert t.first_response_due == NOW + timedelta(minutes=first)
    assert t.resolution_due == NOW + timedelta(minutes=resolution)


def test_priority_change_retimes_from_creation() -> None:
    t = ticket(priority=Priority.P4)
    later = NOW + timedelta(hours=1)
    change = t.set_priority(Priority.P1, POLICIES[Priority.P1], later)
    assert (change.before, change.after) == ("P4", "P1")
    assert t.first_response_due == NOW + timedelta(minutes=15)
    assert t.breaches_within(later, 0)  # 15 minutes after creation has passed


def test_breach_window_counts_first_response_until_answered() -> None:
    t = ticket(TicketStatus.OPEN, priority=Priority.P2)  # 60 min / 8 h
    assert not t.breaches_within(NOW, 30)
    assert t.breaches_within(NOW, 60)
    t.record_agent_reply(NOW + timedelta(minutes=5))
    assert not t.breaches_within(NOW, 60)
    assert t.breaches_within(NOW + timedelta(hours=7), 60)
    t.set_status(TicketStatus.RESOLVED, NOW + timedelta(hours=7))
    assert not t.breaches_within(NOW + timedelta(hours=9), 0)


def test_first_reply_is_recorded_once() -> None:
    t = ticket()
    assert [c.kind for c in t.record_agent_reply(NOW)] == ["ticket.first_response"]
    assert t.record_agent_reply(NOW + timedelta(hours=1)) == []
    assert t.first_responded_at == NOW


@pytest.mark.parametrize("status", [TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED])
def test_customer_writing_again_reopens(status: TicketStatus) -> None:
    t = ticket(status)
    changes = t.record_customer_message(NOW)
    assert t.status is TicketStatus.OPEN and changes[0].after == "open"


def test_customer_writing_to_closed_ticket_is_a_conflict() -> None:
    with pytest.raises(Conflict):
        ticket(TicketStatus.CLOSED).record_customer_message(NOW)


def test_escalation_moves_team_and_clears_assignee() -> None:
    t = ticket(TicketStatus.OPEN)
    t.assign(3, NOW)
    changes = t.escalate("wallet-ops", NOW)
    assert [(c.kind, c.before, c.after) for c in changes] == [
        ("ticket.team", "support", "wallet-ops"), ("ticket.assignee", 3, None)]
    with pytest.raises(InvalidInput):
        t.escalate("wallet-ops", NOW)


def test_merge_closes_the_duplicate() -> None:
    source, target = ticket(TicketStatus.OPEN, ident=2), ticket(TicketStatus.OPEN, ident=1)
    changes = source.merge_into(target, NOW)
    assert source.status is TicketStatus.CLOSED and source.merged_into_id == 1
    assert [c.kind for c in changes] == ["ticket.merged_into", "ticket.status"]


@pytest.mark.parametrize(
    ("source", "target", "error"),
    [
        (ticket(ident=2, customer_id=7), ticket(ident=1, customer_id=8), Conflict),
        (ticket(ident=2), ticket(TicketStatus.CLOSED, ident=1), Conflict),
        (ticket(ident=1), ticket(ident=1), InvalidInput),
    ],
)
def test_merge_refusals(source: Ticket, target: Ticket, error: type[Exception]) -> None:
    with pytest.raises(error):
        source.merge_into(target, NOW)
    assert source.status is TicketStatus.NEW


def test_tags_are_cleaned_and_bounded() -> None:
    assert clean_tags([" USDT ", "usdt", "", "TRC20"]) == ["usdt", "trc20"]
    with pytest.raises(InvalidInput):
        clean_tags(["x" * 41])
    with pytest.raises(InvalidInput):
        clean_tags([f"t{i}" for i in range(21)])


def test_closed_tickets_refuse_changes() -> None:
    t = ticket(TicketStatus.CLOSED)
    for attempt in (lambda: t.assign(1, NOW), lambda: t.set_tags(["a"], NOW),
                    lambda: t.set_priority(Priority.P1, POLICIES[Priority.P1], NOW)):
        with pytest.raises(Conflict):
            attempt()


@pytest.mark.parametrize(
    ("intent", "category"),
    [("withdrawal.pending", Category.WITHDRAWAL), ("learn.resources", Category.INFO),
     ("chitchat.greeting", Category.SERVICE), ("kyc.status", Category.KYC),
     ("out_of_scope", Category.SERVICE)],
)
def test_category_comes_from_the_intent_family(intent: str, category: Category) -> None:
    assert category_for_intent(intent) is category


def test_policy_due_times() -> None:
    policy = SlaPolicy(priority=Priority.P2, first_response_minutes=30, resolution_minutes=90)
    assert policy.resolution_due(NOW) - policy.first_response_due(NOW) == timedelta(minutes=60)
