"""The case lifecycle, routing and promises, on plain objects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from cryptodesk.domain.cases import (
    MAX_EVIDENCE_NOTES,
    MAX_NOTE_CHARS,
    ROUTING,
    TRANSITIONS,
    Case,
    CaseKind,
    CaseStatus,
    clean_summary,
    parse_kind,
)
from cryptodesk.domain.sla import Priority
from cryptodesk.domain.tickets import Category
from cryptodesk.errors import Conflict, IllegalTransition, InvalidInput

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
S = CaseStatus


def case(status: CaseStatus = S.SUBMITTED, kind: CaseKind = CaseKind.DEPOSIT_RECOVERY) -> Case:
    made = Case.open(ticket_id=3, conversation_id=4, customer_id=5, kind=kind,
                     summary="USDT sent over BEP20", now=NOW,
                     diagnosis={"findings": [{"code": "wrong_network_deposit"}]})
    made.id = 1
    made.status = status
    return made


MOVES: dict[CaseStatus, Callable[[Case, datetime], object]] = {
    S.UNDER_REVIEW: lambda c, at: c.review(at),
    S.NEEDS_INFO: lambda c, at: c.request_info("Send the transaction hash.", at),
    S.APPROVED: lambda c, at: c.approve("We will credit it within a day.", at),
    S.REJECTED: lambda c, at: c.reject("The funds cannot be reached.", at),
    S.CLOSED: lambda c, at: c.close(at),
}
ALL_PAIRS = [(a, b) for a in CaseStatus for b in MOVES]
LEGAL = [(a, b) for a, b in ALL_PAIRS if b in TRANSITIONS[a]]
ILLEGAL = [(a, b) for a, b in ALL_PAIRS if b not in TRANSITIONS[a]]


def test_the_lifecycle_is_the_documented_one() -> None:
    assert TRANSITIONS[S.SUBMITTED] == {S.UNDER_REVIEW}
    assert TRANSITIONS[S.UNDER_REVIEW] == {S.NEEDS_INFO, S.APPROVED, S.REJECTED}
    assert S.UNDER_REVIEW in TRANSITIONS[S.NEEDS_INFO]  # the customer answered
    assert TRANSITIONS[S.APPROVED] == TRANSITIONS[S.REJECTED] == {S.CLOSED}
    assert TRANSITIONS[S.CLOSED] == frozenset()
    assert not any(S.SUBMITTED in targets for targets in TRANSITIONS.values())
    assert len(LEGAL) == 9 and len(ILLEGAL) == 21


@pytest.mark.parametrize(("before", "after"), LEGAL)
def test_legal_transition(before: CaseStatus, after: CaseStatus) -> None:
    c = case(before)
    changes = MOVES[after](c, LATER)
    assert c.status is after and c.updated_at == LATER
    status_changes = [(x.before, x.after) for x in changes if x.kind == "case.status"]
    assert status_changes == [(str(before), str(after))]


@pytest.mark.parametrize(("before", "after"), ILLEGAL)
def test_illegal_transition_is_refused_and_changes_nothing(
    before: CaseStatus, after: CaseStatus
) -> None:
    c = case(before)
    with pytest.raises(IllegalTransition) as refused:
        MOVES[after](c, LATER)
    assert refused.value.code == "illegal_transition" and refused.value.field == "status"
    assert (c.status, c.updated_at, c.decision_note, c.info_request) == (before, NOW, None, None)


@pytest.mark.parametrize(("kind", "team", "priority", "review"), [
    (CaseKind.DEPOSIT_RECOVERY, "wallet-ops", Priority.P2, timedelta(days=3)),
    (CaseKind.APPEAL, "compliance", Priority.P3, timedelta(days=2)),
    (CaseKind.REFUND, "support", Priority.P3, timedelta(days=5)),
    (CaseKind.DISPUTE, "support", Priority.P3, timedelta(days=2)),
    (CaseKind.SECURITY_INCIDENT, "security", Priority.P1, timedelta(hours=4)),
])
def test_each_kind_goes_to_its_team_with_its_promise(
    kind: CaseKind, team: str, priority: Priority, review: timedelta
) -> None:
    c = case(kind=kind)
    assert (c.routing.team, c.routing.priority) == (team, priority)
    assert c.review_due == NOW + review
    assert c.status is S.SUBMITTED and c.evidence["notes"] == []


def test_every_kind_is_routed_and_categorised() -> None:
    assert set(ROUTING) == set(CaseKind)
    assert ROUTING[CaseKind.DEPOSIT_RECOVERY].category is Category.DEPOSIT
    assert ROUTING[CaseKind.SECURITY_INCIDENT].category is Category.SECURITY


def test_the_promise_restarts_only_when_a_review_resumes_after_asking() -> None:
    c = case()
    c.review(LATER)
    assert c.review_due == NOW + timedelta(days=3)  # starting the review keeps the promise
    c.request_info("Which network did you send on?", LATER)
    resumed_at = NOW + timedelta(days=2)
    changes = c.review(resumed_at)
    assert c.review_due == resumed_at + timedelta(days=3)
    assert [x.kind for x in changes] == ["case.status", "case.review_due"]


def test_overdue_counts_only_while_the_answer_is_ours_to_give() -> None:
    past = NOW + timedelta(days=3, seconds=1)
    assert not case(S.SUBMITTED).is_overdue(NOW + timedelta(days=3))
    assert case(S.SUBMITTED).is_overdue(past) and case(S.UNDER_REVIEW).is_overdue(past)
    for waiting_or_done in (S.NEEDS_INFO, S.APPROVED, S.REJECTED, S.CLOSED):
        assert not case(waiting_or_done).is_overdue(past)


@pytest.mark.parametrize("note", ["", "   ", "\x00", "x" * (MAX_NOTE_CHARS + 1)])
@pytest.mark.parametrize("move", ["request_info", "approve", "reject"])
def test_the_customer_must_be_told_why(move: str, note: str) -> None:
    c = case(S.UNDER_REVIEW)
    with pytest.raises(InvalidInput) as refused:
        getattr(c, move)(note, LATER)
    assert refused.value.field == "note"
    assert c.status is S.UNDER_REVIEW and c.updated_at == NOW


def test_decisions_keep_the_note_and_the_time() -> None:
    c = case(S.UNDER_REVIEW)
    changes = c.reject("  The deposit went to an address we do not control. ", LATER)
    assert c.decision_note == "The deposit went to an address we do not control."
    assert c.decided_at == LATER and c.is_decided
    assert ("case.decision_note", c.decision_note) in [(x.kind, x.after) for x in changes]
    c.close(LATER + timedelta(hours=1))
    assert c.closed_at == LATER + timedelta(hours=1)
    asked = case(S.UNDER_REVIEW)
    asked.request_info("Send a screenshot of the withdrawal.", LATER)
    assert asked.info_request == "Send a screenshot of the withdrawal." and not asked.is_decided


def test_evidence_grows_until_the_decision() -> None:
    c = case(S.UNDER_REVIEW)
    before = c.evidence
    change = c.attach("txid 0xabc on BSC", "customer", "demo-carol", LATER)
    assert c.evidence is not before  # a new object, so the store sees the change
    assert c.evidence["diagnosis"] == {"findings": [{"code": "wrong_network_deposit"}]}
    assert c.evidence["notes"] == [{"at": LATER.isoformat(), "by": "customer",
                                    "name": "demo-carol", "text": "txid 0xabc on BSC"}]
    assert (change.kind, change.after) == ("case.evidence", {"by": "customer", "count": 1})
    with pytest.raises(InvalidInput):
        c.attach("  ", "customer", "demo-carol", LATER)
    c.approve("Credited.", LATER)
    with pytest.raises(Conflict) as refused:
        c.attach("one more thing", "customer", "demo-carol", LATER)
    assert refused.value.code == "case_decided"


def test_evidence_is_bounded() -> None:
    c = case()
    for n in range(MAX_EVIDENCE_NOTES):
        c.attach(f"note {n}", "agent", "sam", LATER)
    with pytest.raises(Conflict) as refused:
        c.attach("too many", "agent", "sam", LATER)
    assert refused.value.code == "too_much_evidence"
    assert len(c.evidence["notes"]) == MAX_EVIDENCE_NOTES


def test_the_exchange_reference_or_why_it_is_missing() -> None:
    c = case()
    c.exchange_not_told("unavailable")
    assert (c.exchange_ref, c.exchange_error) == (None, "unavailable")
    change = c.exchange_told("case-7")
    assert (c.exchange_ref, c.exchange_error, change.after) == ("case-7", None, {"ref": "case-7"})


def test_kinds_and_summaries_are_checked() -> None:
    assert parse_kind("refund") is CaseKind.REFUND
    with pytest.raises(InvalidInput) as refused:
        parse_kind("chargeback")
    assert refused.value.field == "kind"
    assert clean_summary("  lost   my\nUSDT ", "fallback") == "lost my USDT"
    assert clean_summary(None, "Deposit recovery: USDT") == "Deposit recovery: USDT"
    long = clean_summary("x" * 900, "")
    assert len(long) == 500 and long.endswith("…")
