"""Migrations build the schema the code maps, from empty, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.customers import Customer
from cryptodesk.store import ledger_tables
from cryptodesk.store.database import MIGRATIONS, Database
from cryptodesk.store.tables import metadata

assert ledger_tables.metadata is metadata  # the ledger's tables are part of the schema compared


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def _fresh(desk: Desk) -> Database:
    """The test database emptied, so upgrade runs from nothing."""
    database = desk.database
    with database.engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(sa.text(f'DROP TABLE "{table.name}"'))
        conn.execute(sa.text("DROP TABLE alembic_version"))
    return database


def test_upgrade_from_empty_matches_the_mapped_schema(desk: Desk) -> None:
    database = _fresh(desk)
    assert database.current_revision() is None
    database.upgrade()
    scripts = _scripts()
    head = scripts.get_current_head()  # raises when the migrations have forked
    assert database.current_revision() == head
    chain = [script.revision for script in scripts.walk_revisions()]
    assert chain[-2:] == ["0002", "0001"]
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_upgrade_twice_is_harmless_and_seeds_reference_data_once(desk: Desk) -> None:
    desk.database.upgrade()
    with desk.uow() as uow:
        assert [p.priority for p in uow.policies.all()] == ["P1", "P2", "P3", "P4"]
        assert {t.name for t in uow.agents.teams()} == {
            "support", "wallet-ops", "security", "compliance"}


def test_datetimes_come_back_aware_in_utc(desk: Desk) -> None:
    shanghai = timezone(timedelta(hours=8))
    created = datetime(2026, 11, 25, 17, 30, tzinfo=shanghai)
    with desk.uow() as uow:
        uow.customers.add(Customer(ref="tz", display_name="TZ", created_at=created))
        uow.commit()
    with desk.uow() as uow:
        loaded = uow.customers.by_ref("tz")
        assert loaded is not None
        assert loaded.created_at == created
        assert loaded.created_at.tzinfo == UTC
        assert loaded.created_at.hour == 9


def test_readiness_reflects_the_database(desk: Desk) -> None:
    assert desk.database.ping()
    broken = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert not broken.ping()
    broken.dispose()
