"""Every branch of the reply policy."""

import pytest

from cryptodesk.brain.catalogue import ACTIONS, INTENTS, Action
from cryptodesk.brain.classifier import Prediction
from cryptodesk.brain.policy import Move, Thresholds, decide, decide_on


def test_the_catalogue_has_the_41_contracted_intents() -> None:
    assert len(INTENTS) == 41
    assert ACTIONS["withdrawal.pending"] is Action.DIAGNOSE
    assert ACTIONS["service.human_agent"] is Action.HANDOFF


@pytest.mark.parametrize(
    ("intent", "move"),
    [("security.tips", Move.ANSWER), ("withdrawal.pending", Move.DIAGNOSE),
     ("service.refund_appeal", Move.WORKFLOW), ("service.human_agent", Move.HANDOFF)],
)
def test_a_confident_answer_follows_the_catalogue(intent: str, move: Move) -> None:
    decision = decide([(intent, 0.9), ("security.tips", 0.02)])
    assert decision.move is move and decision.intent == intent


def test_asking_for_a_person_always_hands_over() -> None:
    decision = decide([("service.human_agent", 0.31), ("service.complaint", 0.30)])
    assert (decision.move, decision.reason) == (Move.HANDOFF, "asked_for_person")


def test_out_of_scope_is_redirected_once_then_handed_over() -> None:
    first = decide([("out_of_scope", 0.8)])
    assert (first.move, first.reason) == (Move.ANSWER, "out_of_scope")
    second = decide([("out_of_scope", 0.8)], out_of_scope_before=1)
    assert (second.move, second.reason) == (Move.HANDOFF, "out_of_scope_twice")


def test_low_confidence_hands_over() -> None:
    decision = decide([("withdrawal.fee", 0.2), ("info.fees", 0.1)])
    assert (decision.move, decision.reason) == (Move.HANDOFF, "low_confidence")


def test_two_close_candidates_ask_which() -> None:
    decision = decide([("withdrawal.pending", 0.45), ("withdrawal.failed", 0.40)])
    assert decision.move is Move.CLARIFY
    assert decision.candidates == ("withdrawal.pending", "withdrawal.failed")


def test_a_close_but_weak_second_does_not_trigger_clarification() -> None:
    thresholds = Thresholds(handoff_below=0.1, clarify_margin=0.2, clarify_floor=0.25)
    decision = decide([("info.fees", 0.3), ("withdrawal.fee", 0.15)], thresholds=thresholds)
    assert decision.move is Move.ANSWER


def test_a_question_turned_away_between_two_close_intents_asks_which() -> None:
    torn = Prediction("out_of_scope", 0.67, "zh",
                      (("account.locked", 0.54), ("security.account_compromised", 0.45),
                       ("trade.order_failed", 0.01)))

    decision = decide_on(torn)

    assert (decision.move, decision.reason) == (Move.CLARIFY, "close_candidates")
    assert decision.candidates == ("account.locked", "security.account_compromised")
    assert decision.confidence == 0.54


@pytest.mark.parametrize("ranked", [
    (("account.locked", 0.80), ("security.account_compromised", 0.15)),  # one clear favourite
    (("account.locked", 0.25), ("security.account_compromised", 0.24)),  # both too weak
    (("account.locked", 0.48), ("out_of_scope", 0.45)),  # the runner-up is "none of these"
    (("out_of_scope", 0.90), ("account.locked", 0.05)),  # the classifier's own verdict
])
def test_other_questions_turned_away_stay_out_of_scope(ranked) -> None:
    decision = decide_on(Prediction("out_of_scope", 0.7, "en", ranked))

    assert (decision.move, decision.intent) == (Move.ANSWER, "out_of_scope")
    twice = decide_on(Prediction("out_of_scope", 0.7, "en", ranked), out_of_scope_before=1)
    assert (twice.move, twice.reason) == (Move.HANDOFF, "out_of_scope_twice")


def test_an_answer_the_classifier_kept_is_decided_on_its_ranking() -> None:
    kept = Prediction("withdrawal.pending", 0.93, "en",
                      (("withdrawal.pending", 0.95), ("withdrawal.failed", 0.03)))

    assert decide_on(kept).move is Move.DIAGNOSE


def test_no_prediction_hands_over() -> None:
    assert decide([]).move is Move.HANDOFF


def test_the_catalogue_matches_the_published_intent_table() -> None:
    """docs/INTENTS.md is the contract; the code's catalogue must say the same."""
    from pathlib import Path

    import pytest

    doc = Path(__file__).resolve().parents[4] / "shared" / "docs" / "INTENTS.md"
    if not doc.exists():
        pytest.skip(f"{doc} is not beside the repository")
    rows = [line.split("|") for line in doc.read_text("utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| id") and "---" not in line]
    table = {cells[1].strip(): cells[3].strip() for cells in rows}
    assert table == {intent: str(action) for intent, action in ACTIONS.items()}
