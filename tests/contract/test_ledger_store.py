"""What is particular to the ledger adapter: how it imports, stores cases and fails."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
import sqlalchemy as sa

from cryptodesk.platform import CaseRequest, PlatformUnavailable, UnknownCustomer
from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.ledger import LedgerPlatform
from cryptodesk.store.database import create_db_engine
from cryptodesk.store.ledger_tables import ledger_cases

from .adapters import NOW


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    built = create_db_engine(db_url)
    yield built
    built.dispose()


def test_an_import_can_join_the_callers_transaction(engine: sa.Engine) -> None:
    ledger = LedgerPlatform(engine)
    with engine.connect() as conn:
        ledger.load(demo_exchange(NOW), conn)
        conn.rollback()
    with pytest.raises(UnknownCustomer):
        ledger.account("demo-alice")
    with engine.begin() as conn:
        ledger.load(demo_exchange(NOW), conn)
    assert ledger.account("demo-alice").ref == "demo-alice"


def test_importing_twice_is_refused_and_keeps_the_first(engine: sa.Engine) -> None:
    ledger = LedgerPlatform(engine)
    ledger.load(demo_exchange(NOW))
    ledger.freeze_account("demo-bob", "test", NOW)
    with pytest.raises(sa.exc.IntegrityError):
        ledger.load(demo_exchange(NOW))
    assert ledger.account("demo-bob").freeze_reason == "test"
    assert len(ledger.deposits("demo-alice")) == len(demo_exchange(NOW).deposits("demo-alice"))


def test_cases_are_stored_with_their_evidence_and_time(engine: sa.Engine) -> None:
    ledger = LedgerPlatform(engine, clock=lambda: NOW)
    ledger.load(demo_exchange(NOW))
    evidence = {"deposit_id": "D71000020", "amount": Decimal("500.000"), "at": NOW}
    case_id = ledger.create_case(CaseRequest("demo-carol", "deposit_recovery", "BEP20", evidence))
    with engine.connect() as conn:
        (row,) = conn.execute(sa.select(ledger_cases)).all()
    assert case_id == f"case-{row.seq}"
    assert (row.account_ref, row.kind, row.summary) == ("demo-carol", "deposit_recovery",
                                                        "BEP20")
    assert row.evidence == {"deposit_id": "D71000020", "amount": "500",
                            "at": "2026-11-25T09:00:00+00:00"}
    assert row.created_at == NOW


def test_a_database_that_does_not_answer_is_unavailable() -> None:
    gone = create_db_engine("postgresql://nobody@127.0.0.1:1/none")
    try:
        with pytest.raises(PlatformUnavailable, match="ledger database did not answer"):
            LedgerPlatform(gone).account("demo-alice")
    finally:
        gone.dispose()
