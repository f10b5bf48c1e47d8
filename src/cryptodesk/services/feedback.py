"""Customer satisfaction: a customer rates how their ticket was resolved; reports average it."""

from __future__ import annotations

from datetime import datetime

from ..domain.agents import Agent
from ..domain.events import Change
from ..domain.feedback import Rating, check_comment, check_score, ensure_rateable
from ..store.feedback_tables import Csat
from ..store.unit_of_work import UnitOfWork
from . import audit, shielding
from .access import CustomerViewer, access_customer_ticket, access_ticket


def rate(
    uow: UnitOfWork, viewer: CustomerViewer, ticket_id: int, score: object,
    comment: str | None, now: datetime,
) -> Rating:
    """Rate one's own resolved ticket; rating again replaces the last rating (and is logged)."""
    ticket = access_customer_ticket(uow, viewer, ticket_id)
    ensure_rateable(ticket)
    value = check_score(score)
    text = shielding.redact(check_comment(comment)).text  # a pasted secret is never stored
    existing = uow.feedback.rating_for(ticket.id, lock=True)
    if existing is None:
        rating = Rating(ticket_id=ticket.id, customer_id=viewer.customer_id, score=value,
                        comment=text, created_at=now, updated_at=now)
        uow.feedback.add(rating)
        uow.flush()
        change = Change("ticket.rated", None, {"score": value})
    else:
        rating = existing
        before = rating.change(value, text, now)
        change = Change("ticket.rating_changed", before, {"score": value})
    audit.record(uow, [change], viewer.actor, now, ticket_id=ticket.id,
                 conversation_id=ticket.conversation_id)
    return rating


def customer_rating(uow: UnitOfWork, viewer: CustomerViewer, ticket_id: int) -> Rating | None:
    ticket = access_customer_ticket(uow, viewer, ticket_id)
    return uow.feedback.rating_for(ticket.id)


def rating_for_agent(uow: UnitOfWork, agent: Agent, ticket_id: int) -> Rating | None:
    ticket = access_ticket(uow, agent, ticket_id)
    return uow.feedback.rating_for(ticket.id)


def average_csat(uow: UnitOfWork, start: datetime, end: datetime) -> Csat:
    """Satisfaction with the ratings given in [start, end): count, mean score, share of 4–5."""
    return uow.feedback.csat(start, end)
