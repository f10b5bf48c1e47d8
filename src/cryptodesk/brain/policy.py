"""The reply policy: answer, ask which, diagnose, run a workflow, or hand to a person.

It sees only the classifier's ranking and what happened earlier in the conversation, so the
same rules hold on every channel.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from .catalogue import OUT_OF_SCOPE, Action, action_for

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


def decide(
    ranked: Sequence[tuple[str, float]], *, out_of_scope_before: int = 0,
    thresholds: Thresholds = Thresholds(),
) -> Decision:
    """`ranked` is the classifier's (intent, confidence) list, best first."""
    if not ranked:
        return Decision(Move.HANDOFF, OUT_OF_SCOPE, 0.0, "no_prediction")
    intent, confidence = ranked[0]
    if intent == HUMAN:
        return Decision(Move.HANDOFF, intent, confidence, "asked_for_person")
    if intent == OUT_OF_SCOPE:
        if out_of_scope_before >= 1:
            return Decision(Move.HANDOFF, intent, confidence, "out_of_scope_twice")
        return Decision(Move.ANSWER, intent, confidence, "out_of_scope")
    if confidence < thresholds.handoff_below:
        return Decision(Move.HANDOFF, intent, confidence, "low_confidence")
    if len(ranked) > 1:
        second, second_confidence = ranked[1]
        close = confidence - second_confidence < thresholds.clarify_margin
        if (close and second_confidence >= thresholds.clarify_floor
                and second not in (OUT_OF_SCOPE, HUMAN)):
            return Decision(Move.CLARIFY, intent, confidence, "close_candidates",
                            (intent, second))
    return Decision(_BY_ACTION[action_for(intent)], intent, confidence, "confident")
