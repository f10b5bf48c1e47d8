"""`cryptodesk ask`: answer as the product would in chat, without storing anything."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..diagnostics import TOPICS, Clues, diagnose
from ..services.answering import Context, Reply, compose
from ..services.responders import diagnosis_json
from .common import desk, emit, fail


def reply_json(reply: Reply) -> dict[str, Any]:
    return {
        "language": reply.language,
        "intent": reply.decision.intent,
        "confidence": reply.decision.confidence,
        "action": str(reply.decision.move),
        "reason": reply.decision.reason,
        "candidates": [{"intent": i, "confidence": c} for i, c in reply.prediction.ranked],
        "entities": reply.entities.to_list(),
        "reply": reply.text,
        "article": reply.article,
        "options": list(reply.options),
        "handoff_team": reply.handoff_team,
        "offer_case": reply.case_kind,
        "offer": reply.offer,
        "diagnosis": diagnosis_json(reply.diagnosis, reply.language) if reply.diagnosis else None,
    }


def ask(
    text: str,
    user: Annotated[str | None, typer.Option("--user", help="customer reference")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
) -> None:
    """Answer TEXT as the chat would (for --user REF, from that customer's account)."""
    if not text.strip():
        fail("the question is empty")
    if len(text) > 5000:
        fail("the question is longer than 5,000 characters")
    with desk() as d, d.uow() as uow:
        ctx = Context(model=d.intent_model(), platform=d.platform, now=d.now(),
                      customer_ref=user, public_url=d.settings.public_url)
        reply = compose(uow, ctx, text)
    if json_out:
        emit(reply_json(reply))
        return
    typer.echo(f"[{reply.decision.intent} {reply.decision.confidence:.2f} "
               f"{reply.decision.move}]\n{reply.text}")


def diagnose_command(
    topic: str,
    user: Annotated[str, typer.Option("--user", help="customer reference")],
    json_out: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
    lang: Annotated[str, typer.Option("--lang", help="zh or en")] = "en",
) -> None:
    """Run one diagnosis (a topic such as withdrawal.pending) on a customer's account."""
    if topic not in TOPICS:
        fail(f"{topic!r} is not a diagnosis topic; one of: {', '.join(sorted(TOPICS))}")
    if lang not in ("zh", "en"):
        fail("--lang is zh or en")
    with desk() as d:
        diagnosis = diagnose(d.platform, topic, user, Clues(), d.now())
    if json_out:
        emit(diagnosis_json(diagnosis, lang))
        return
    typer.echo(diagnosis.render(lang))
