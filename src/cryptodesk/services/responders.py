"""Who answers a customer's message first: the bot, which hands over when it should."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ..brain.classifier import IntentModel
from ..domain.conversations import Author, Conversation, ConversationState, Message
from ..domain.events import Actor, ActorKind, Change
from ..domain.knowledge import KnowledgeGap
from ..domain.sla import Priority
from ..i18n import t
from ..platform import Platform
from ..store.unit_of_work import UnitOfWork
from . import audit, compromise, knowledge
from .access import CustomerViewer
from .answering import Context, Offered, Reply, compose
from .conversations import active_ticket, hand_off

BOT = Actor(ActorKind.BOT, None, "bot")


class Responder(Protocol):
    def respond(
        self, uow: UnitOfWork, conversation: Conversation, message: Message, now: datetime
    ) -> None: ...


class HumanResponder:
    """Hands every new conversation to the support queue (no automatic answers)."""

    def respond(
        self, uow: UnitOfWork, conversation: Conversation, message: Message, now: datetime
    ) -> None:
        if conversation.state is ConversationState.CLOSED:
            return
        if active_ticket(uow, conversation) is None:
            hand_off(uow, conversation, now=now, actor=BOT)


@dataclass
class BotResponder:
    """Answers while the conversation is with the bot; once people own it, stays quiet."""

    model: Callable[[], IntentModel]
    platform: Platform
    public_url: str = ""

    def respond(
        self, uow: UnitOfWork, conversation: Conversation, message: Message, now: datetime
    ) -> None:
        if conversation.state is not ConversationState.BOT:
            return
        customer = uow.customers.get(conversation.customer_id) if conversation.customer_id else None
        replies = _bot_replies(uow, conversation.id)
        latest = replies[-1] if replies else {}
        if customer is not None and compromise.confirms(message.body) and (
            latest.get("offer") == compromise.OFFER
        ):
            viewer = CustomerViewer(customer.id, customer.ref)
            compromise.freeze_and_report(uow, self.platform, viewer, conversation, now)
            return
        ctx = Context(
            model=self.model(), platform=self.platform, now=now,
            customer_ref=customer.ref if customer else None,
            out_of_scope_before=sum(1 for r in replies if r.get("intent") == "out_of_scope"),
            public_url=self.public_url, offered=_offered_options(uow, conversation.id, latest),
        )
        reply = compose(uow, ctx, message.body)
        if reply.text:
            audit.post(uow, Message(
                conversation_id=conversation.id, author=Author.BOT, body=reply.text,
                language=reply.language, created_at=now, data=card(reply),
            ))
        audit.record(uow, [Change("bot.reply", None, {
            "message_id": message.id, "intent": reply.decision.intent,
            "confidence": reply.decision.confidence, "move": str(reply.decision.move),
            "reason": reply.decision.reason, "offer": reply.offer, "language": reply.language,
            **({"options": list(reply.options)} if reply.options else {}),
        })], BOT, now, conversation_id=conversation.id)
        if reply.is_gap:
            knowledge.record_gap(uow, KnowledgeGap(
                text=message.body[:2000], language=reply.language, reason=reply.decision.reason,
                intent=reply.decision.intent, confidence=reply.decision.confidence,
                conversation_id=conversation.id, at=now,
            ))
        if reply.handoff_team is not None:
            self._hand_over(uow, conversation, reply, now)

    def _hand_over(
        self, uow: UnitOfWork, conversation: Conversation, reply: Reply, now: datetime
    ) -> None:
        ticket = hand_off(
            uow, conversation, now=now, actor=BOT, category=reply.category,
            priority=Priority.P1 if reply.urgent else Priority.P3, team=reply.handoff_team,
            tags=[reply.decision.intent], acknowledge=False,
        )
        team = uow.agents.team(ticket.team)
        name = (team.display_name_zh if reply.language == "zh" else team.display_name) if team \
            else ticket.team
        key = "bot.handoff" if reply.handoff_team == "support" and not reply.diagnosis \
            else "bot.workflow_opened"
        audit.post(uow, Message(
            conversation_id=conversation.id, author=Author.BOT, language=reply.language,
            body=t(key, reply.language, ticket=ticket.id, team=name), created_at=now,
            data={"ticket_id": ticket.id, "team": ticket.team},
        ))


def card(reply: Reply) -> dict[str, Any]:
    """What the widget needs to draw more than text: options, a diagnosis, the article."""
    data: dict[str, Any] = {"intent": reply.decision.intent, "move": str(reply.decision.move)}
    if reply.options:
        data["options"] = list(reply.options)
    if reply.article:
        data["article"] = reply.article
    if reply.diagnosis is not None:
        data["diagnosis"] = diagnosis_json(reply.diagnosis, reply.language)
    if reply.case_kind:
        data["offer_case"] = reply.case_kind  # POST .../conversations/{id}/cases to accept
    if reply.offer:
        data["confirm"] = reply.offer  # POST .../conversations/{id}/freeze, or a "yes"
    return data


def diagnosis_json(diagnosis: Any, language: str) -> dict[str, Any]:
    zh = language == "zh"
    return {
        "topic": diagnosis.topic,
        "findings": [
            {"code": f.code, "severity": str(f.severity), "evidence": dict(f.evidence),
             "message": f.message_zh if zh else f.message_en}
            for f in diagnosis.findings
        ],
        "eta_seconds": diagnosis.eta_seconds,
        "next_steps": list(diagnosis.next_steps_zh if zh else diagnosis.next_steps_en),
        "handoff_team": diagnosis.handoff_team,
        "case_kind": diagnosis.case_kind,
    }


def _bot_replies(uow: UnitOfWork, conversation_id: int) -> list[dict[str, Any]]:
    """What the audit trail says of the bot's replies in this conversation, oldest first."""
    return [e.after for e in uow.events.for_conversation(conversation_id)
            if e.kind == "bot.reply" and isinstance(e.after, dict)]


def _offered_options(
    uow: UnitOfWork, conversation_id: int, latest: dict[str, Any]
) -> Offered | None:
    """The options of the bot's latest reply, if it asked which one the customer meant."""
    options = latest.get("options")
    if latest.get("move") != "clarify" or not isinstance(options, list):
        return None
    message_id = latest.get("message_id")
    asked = None
    if isinstance(message_id, int):
        asked = uow.conversations.message(conversation_id, message_id)
    language = "zh" if latest.get("language") == "zh" else "en"
    return Offered(tuple((str(o["intent"]), str(o["label"])) for o in options), language,
                   asked.body if asked is not None else "")
