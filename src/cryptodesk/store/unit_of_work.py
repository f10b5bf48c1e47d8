"""A unit of work: one session, the repositories over it, one commit."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from ..bus import Bus, Notice
from . import audit_chain
from .announcement_tables import Announcements
from .canned_tables import CannedReplies
from .case_repository import Cases
from .channel_repository import Channels
from .database import Database
from .feedback_tables import Feedback
from .repositories import (
    Agents,
    Conversations,
    Customers,
    Events,
    Knowledge,
    Policies,
    Tickets,
)


class UnitOfWork:
    session: Session

    def __init__(self, database: Database, bus: Bus | None = None) -> None:
        self.database = database
        self.bus = bus
        self._notices: list[Notice] = []

    def __enter__(self) -> UnitOfWork:
        self.session = self.database.session()
        self.customers = Customers(self.session)
        self.agents = Agents(self.session)
        self.conversations = Conversations(self.session)
        self.tickets = Tickets(self.session)
        self.events = Events(self.session)
        self.policies = Policies(self.session)
        self.knowledge = Knowledge(self.session)
        self.channels = Channels(self.session)
        self.cases = Cases(self.session)
        self.feedback = Feedback(self.session)
        self.canned = CannedReplies(self.session)
        self.announcements = Announcements(self.session)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back what was not committed but keeps loaded objects readable.
        self.session.close()

    def flush(self) -> None:
        self.session.flush()

    def publish(self, notice: Notice) -> None:
        """Announce a change; listeners hear of it only once it is committed."""
        self._notices.append(notice)

    def commit(self) -> None:
        wrote_events = self.session.info.pop("events_added", False)
        self.session.commit()
        if wrote_events:
            audit_chain.seal(self.database)
        notices, self._notices = self._notices, []
        if self.bus is not None and notices:
            self.bus.publish(notices)

    def rollback(self) -> None:
        self.session.rollback()
        self._notices.clear()
