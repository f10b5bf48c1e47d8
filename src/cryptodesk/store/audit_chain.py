"""Sealing the event log into a hash chain, and proving it intact.

Events are sealed after they are committed, in the order the sealer finds them, by one sealer
at a time (a PostgreSQL advisory lock; SQLite serialises writers itself). The chain's order is
`seq`, not the id: ids of concurrent transactions may commit out of order.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..domain.events import GENESIS, Event
from .database import Database

SEAL_LOCK = 0x63727970  # "cryp"
BATCH = 500


def seal(database: Database, attempts: int = 3) -> int:
    """Seal every event not yet in the chain; returns how many were sealed.

    Two SQLite sealers can read the same chain end; the unique `seq` lets only one of them
    write it, and the other tries again from the new end.
    """
    for _ in range(attempts):
        try:
            return _seal_once(database)
        except sa.exc.IntegrityError:
            continue
        except sa.exc.OperationalError:
            return 0  # another writer holds SQLite's lock: the next commit seals these
    return 0


def _seal_once(database: Database) -> int:
    with database.session() as session, session.begin():
        if database.engine.dialect.name == "postgresql":
            session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SEAL_LOCK})
        last = session.scalars(
            sa.select(Event).where(Event.seq.is_not(None)).order_by(Event.seq.desc()).limit(1)
        ).first()
        previous, seq = (last.hash, last.seq) if last else (GENESIS, 0)
        pending = session.scalars(
            sa.select(Event).where(Event.seq.is_(None)).order_by(Event.id).limit(BATCH)
        ).all()
        for event in pending:
            seq += 1
            event.seq, event.hash = seq, event.digest(previous, seq)
            previous = event.hash
        return len(pending)


@dataclass(frozen=True)
class Verification:
    intact: bool
    sealed: int
    unsealed: int
    broken_event_id: int | None = None
    broken_seq: int | None = None
    reason: str = ""


def verify(session: Session) -> Verification:
    """Walk the chain from the start; name the first event whose link does not hold."""
    previous, expected, count = GENESIS, 1, 0
    query = sa.select(Event).where(Event.seq.is_not(None)).order_by(Event.seq)
    rows = session.scalars(query.execution_options(yield_per=1000))
    try:
        for event in rows:
            if event.seq != expected:
                return Verification(False, count, 0, event.id, event.seq,
                                    f"event #{expected} of the chain is missing")
            if event.hash != event.digest(previous, event.seq):
                return Verification(False, count, 0, event.id, event.seq,
                                    "its content or its link to the previous event was changed")
            previous, expected, count = event.hash, expected + 1, count + 1
    finally:
        rows.close()
    unsealed = session.scalar(
        sa.select(sa.func.count()).select_from(Event).where(Event.seq.is_(None))
    ) or 0
    return Verification(True, count, unsealed)
