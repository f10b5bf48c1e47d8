"""Where a waiting customer stands in the team's queue and how long people usually take.

The position follows the order agents work in: the inbox's standing views sort active tickets by
resolution due, oldest first on ties (see `tickets.queue_query`), so the number a customer sees
is the number of tickets an agent picking from the top would reach before theirs.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..domain.tickets import ACTIVE, Ticket
from ..store.repositories import TicketQuery
from ..store.unit_of_work import UnitOfWork

INBOX_ORDER = "resolution_due"  # keep in step with services.tickets.queue_query
HISTORY = timedelta(days=7)
MIN_WAIT_SECONDS = 60
_BATCH = 200


@dataclass(frozen=True)
class QueueInfo:
    position: int
    ahead: int
    expected_wait_seconds: int | None


def is_queued(ticket: Ticket | None) -> bool:
    """Waiting for people: an active ticket nobody owns yet."""
    return ticket is not None and ticket.is_active and ticket.assignee_id is None


def position(uow: UnitOfWork, ticket: Ticket, now: datetime) -> QueueInfo:
    """The ticket's place among its team's unowned active tickets, and the wait to expect."""
    ahead = _ahead(uow, ticket)
    typical = median_first_response(uow, ticket.team, now)
    wait = None
    if typical is not None:
        waited = max((now - ticket.created_at).total_seconds(), 0.0)
        wait = max(int(typical - waited), MIN_WAIT_SECONDS)
    return QueueInfo(position=ahead + 1, ahead=ahead, expected_wait_seconds=wait)


def median_first_response(uow: UnitOfWork, team: str, now: datetime) -> float | None:
    """Median seconds to a first reply over the team's tickets answered in the last 7 days."""
    since = now - HISTORY
    durations: list[float] = []
    # A first reply also moves updated_at, so every ticket answered since then sorts first.
    for ticket in _walk(uow, TicketQuery(team=team, sort="-updated", per_page=_BATCH)):
        if ticket.updated_at < since:
            break
        answered = ticket.first_responded_at
        if answered is not None and since <= answered <= now:
            durations.append((answered - ticket.created_at).total_seconds())
    return statistics.median(durations) if durations else None


def reply_target_seconds(ticket: Ticket, now: datetime) -> int:
    """Seconds left before the SLA's first-response target; 0 once it has passed."""
    return max(int((ticket.first_response_due - now).total_seconds()), 0)


def _ahead(uow: UnitOfWork, ticket: Ticket) -> int:
    query = TicketQuery(team=ticket.team, unassigned=True, statuses=tuple(ACTIVE),
                        sort=INBOX_ORDER, per_page=_BATCH)
    for index, queued in enumerate(_walk(uow, query)):
        if queued.id == ticket.id:
            return index
    raise LookupError(f"ticket {ticket.id} is not waiting in the {ticket.team} queue")


def _walk(uow: UnitOfWork, query: TicketQuery) -> Iterator[Ticket]:
    page = 1
    while True:
        found = uow.tickets.search(replace(query, page=page))
        yield from found.items
        if page * query.per_page >= found.total or not found.items:
            return
        page += 1
