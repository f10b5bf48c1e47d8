"""The reply policy: answer, ask which, diagnose, run a workflow, or hand to a person.

It sees only the classifier's ranking and what happened earlier in the conversation, so the
same rules hold on every channel.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .catalogue import OUT_OF_SCOPE, Action, action_for

if TYPE_CHECKING:
    from .classifier import Prediction

HUMAN = "service.human_agent"


class Move(enum.StrEnum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    DIAGNOSE = "diagnose"
    WORKFLOW = "workflow"
    HANDOFF = "handoff"


@dataclass(frozen=True)
class Thresholds:
    handoff_below: float = 0.30  # too unsure to say anything useful
    clarify_margin: float = 0.12  # the top two this close: ask which
    clarify_floor: float = 0.20  # ...provided the second is a real contender


@dataclass(frozen=True)
class Decision:
    move: Move
    intent: str
    confidence: float
    reason: str
    candidates: tuple[str, ...] = ()


_BY_ACTION = {Action.KB: Move.ANSWER, Action.DIAGNOSE: Move.DIAGNOSE,
              Action.WORKFLOW: Move.WORKFLOW, Action.HANDOFF: Move.HANDOFF}


def decide_on(
    prediction: Prediction, *, out_of_scope_before: int = 0,
    thresholds: Thresholds = Thresholds(),
) -> Decision:
    """The move for the classifier's answer; a rejection leads its own ranking."""
    ranked = prediction.ranked
    if prediction.intent == OUT_OF_SCOPE:
        ranked = ((prediction.intent, prediction.confidence), *ranked)
    return decide(ranked, out_of_scope_before=out_of_scope_before, thresholds=thresholds)


def decide(
    ranked: Sequence[tuple[str, float]], *, out_of_scope_before: int = 0,
    thresholds: Thresholds = Thresholds(),
) -> Decision:
    """`ranked` is the classifier's (intent, confidence) list, best first. A question the
    classifier turned away as out of scope comes with its own ranking behind that verdict."""
    if not ranked:
        return Decision(Move.HANDOFF, OUT_OF_SCOPE, 0.0, "no_prediction")
    intent, confidence = ranked[0]
    if intent == HUMAN:
        return Decision(Move.HANDOFF, intent, confidence, "asked_for_person")
    if intent == OUT_OF_SCOPE:
        # Torn between two intents it knows, the classifier is unsure which is right, not
        # whether any is: on the built-in phrases (bench/intents.py) 12 of 16 such questions
        # had the right intent among the pair, and no out-of-scope question was among them.
        torn = _close_pair(ranked[1:], thresholds)
        if torn is not None:
            return Decision(Move.CLARIFY, torn[0], ranked[1][1], "close_candidates", torn)
        if out_of_scope_before >= 1:
            return Decision(Move.HANDOFF, intent, confidence, "out_of_scope_twice")
        return Decision(Move.ANSWER, intent, confidence, "out_of_scope")
    if confidence < thresholds.handoff_below:
        return Decision(Move.HANDOFF, intent, confidence, "low_confidence")
    pair = _close_pair(ranked, thresholds)
    if pair is not None:
        return Decision(Move.CLARIFY, intent, confidence, "close_candidates", pair)
    return Decision(_BY_ACTION[action_for(intent)], intent, confidence, "confident")


def _close_pair(
    ranked: Sequence[tuple[str, float]], thresholds: Thresholds,
) -> tuple[str, str] | None:
    """The top two intents, if both are real contenders and too close to choose between."""
    if len(ranked) < 2:
        return None
    (first, first_confidence), (second, second_confidence) = ranked[0], ranked[1]
    if {first, second} & {OUT_OF_SCOPE, HUMAN} or first_confidence < thresholds.handoff_below:
        return None
    close = first_confidence - second_confidence < thresholds.clarify_margin
    if close and second_confidence >= thresholds.clarify_floor:
        return first, second
    return None
