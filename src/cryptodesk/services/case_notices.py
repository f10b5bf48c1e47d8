"""What a customer is told about their case: each step in their language, with the date they
will hear back by, and a warning when a secret had to be cut from what they attached."""

from __future__ import annotations

from datetime import UTC, datetime

from ..domain.agents import Agent
from ..domain.cases import Case
from ..domain.conversations import Author, Conversation, Message
from ..domain.events import Actor
from ..i18n import t
from ..store.unit_of_work import UnitOfWork
from . import audit, shielding
from .shielding import Shielded

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tell(
    uow: UnitOfWork, case: Case, key: str, now: datetime, *, agent: Agent | None = None,
    note: str | None = None,
) -> Message:
    """A system line in the customer's language: what happened, what next, and by when."""
    conversation = _conversation(uow, case)
    language = language_of(uow, conversation)
    ticket = uow.tickets.get(case.ticket_id)
    team = team_name(uow, ticket.team if ticket else case.routing.team, language)
    values = {"case": case.id, "kind": t(f"case.kind.{case.kind}", language), "team": team,
              "due": due_text(case.review_due, language), "note": note or "",
              "next": t(f"case.next.{case.kind}", language, team=team)}
    message = Message(
        conversation_id=conversation.id, author=Author.SYSTEM, body=t(key, language, **values),
        language=language, created_at=now, agent_id=agent.id if agent else None,
        data={"case": {"id": case.id, "kind": str(case.kind), "status": str(case.status),
                       "review_due": case.review_due.isoformat()}},
    )
    conversation.updated_at = now
    return audit.post(uow, message)


def warn_of_secrets(
    uow: UnitOfWork, case: Case, actor: Actor, now: datetime, *texts: Shielded | None
) -> None:
    """A secret in what the customer attached was removed; they are told why, as in chat."""
    kinds = tuple(dict.fromkeys(k for s in texts if s is not None for k in s.kinds))
    if kinds:
        conversation = _conversation(uow, case)
        shielding.warn(uow, conversation.id, Shielded("", kinds), language_of(uow, conversation),
                       actor, now, case.ticket_id)


def language_of(uow: UnitOfWork, conversation: Conversation) -> str:
    """The language the customer last wrote in, else the conversation's."""
    written = uow.cases.customer_language(conversation.id) or conversation.language
    return "zh" if written == "zh" else "en"


def due_text(when: datetime, language: str) -> str:
    """The promised date, exact and unambiguous: the zone is spelled out."""
    at = when.astimezone(UTC)
    if language == "zh":
        return f"{at.year}年{at.month}月{at.day}日 {at:%H:%M}（UTC）"
    return f"{at.day} {_MONTHS[at.month - 1]} {at.year}, {at:%H:%M} UTC"


def team_name(uow: UnitOfWork, name: str, language: str) -> str:
    team = uow.agents.team(name)
    if team is None:
        return name
    if language == "zh":
        return team.display_name_zh
    shown = team.display_name  # "Wallet operations" reads "our wallet operations team"
    return shown[:1].lower() + shown[1:] if shown[1:2].islower() else shown


def _conversation(uow: UnitOfWork, case: Case) -> Conversation:
    conversation = uow.conversations.get(case.conversation_id)
    assert conversation is not None
    return conversation
