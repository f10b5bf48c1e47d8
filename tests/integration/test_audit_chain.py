"""The audit trail is a hash chain: any change to a sealed event is found and named."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from cryptodesk.bootstrap import Desk
from cryptodesk.cli import app
from cryptodesk.domain.tickets import TicketStatus
from cryptodesk.services import tickets
from cryptodesk.store import audit_chain

from ..support.stories import IDENTITY_SECRET, hire
from .test_desk_services import _customer, _ticket


def _verify(desk: Desk) -> audit_chain.Verification:
    with desk.database.session() as session:
        return audit_chain.verify(session)


def _history(desk: Desk) -> int:
    sam = hire(desk, "sam")
    ticket_id = _ticket(desk, _customer(desk))
    with desk.uow() as uow:
        tickets.assign(uow, sam.agent, ticket_id, "sam", desk.now())
        tickets.set_status(uow, sam.agent, ticket_id, TicketStatus.RESOLVED, desk.now())
        uow.commit()
    return ticket_id


def test_events_are_sealed_as_they_are_committed(desk: Desk) -> None:
    _history(desk)
    result = _verify(desk)
    assert result.intact and result.unsealed == 0 and result.sealed >= 6
    with desk.database.engine.connect() as conn:
        seqs = [r[0] for r in conn.execute(sa.text("SELECT seq FROM events ORDER BY seq"))]
    assert seqs == list(range(1, len(seqs) + 1))


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE events SET after = '\"closed\"' WHERE kind = 'ticket.status'",
        "UPDATE events SET actor_name = 'mallory' WHERE seq = 3",
        "DELETE FROM events WHERE seq = 2",
    ],
)
def test_tampering_with_one_row_is_detected(desk: Desk, tamper: str) -> None:
    _history(desk)
    with desk.database.engine.begin() as conn:
        conn.execute(sa.text(tamper))
    result = _verify(desk)
    assert not result.intact and result.broken_event_id is not None
    assert result.reason


def test_audit_verify_on_the_command_line(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    _history(desk)
    monkeypatch.setenv("CRYPTODESK_DATABASE_URL", desk.settings.database_url)
    monkeypatch.setenv("CRYPTODESK_IDENTITY_SECRET", IDENTITY_SECRET)
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.output)["intact"] is True
    with desk.database.engine.begin() as conn:
        first = conn.execute(sa.text("SELECT id FROM events WHERE seq = 4")).scalar_one()
        conn.execute(sa.text("UPDATE events SET actor_name = 'x' WHERE seq = 4"))
    broken = runner.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1 and f"event id {first}" in broken.output


def test_sealers_racing_each_other_keep_one_chain(desk: Desk) -> None:
    """Concurrent commits seal concurrently; the chain stays whole and every event gets in."""
    from concurrent.futures import ThreadPoolExecutor

    sam = hire(desk, "sam")
    ids = [_ticket(desk, _customer(desk, f"c{n}")) for n in range(4)]

    def work(ticket_id: int) -> None:
        for tag in ("a", "b", "c", "d", "e"):
            with desk.uow() as uow:
                tickets.set_tags(uow, sam.agent, ticket_id, [tag], desk.now())
                uow.commit()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(work, ids))
    audit_chain.seal(desk.database)
    result = _verify(desk)
    assert result.intact and result.unsealed == 0
