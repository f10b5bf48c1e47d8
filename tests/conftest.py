"""Fixtures every ring shares. Database-backed tests run once on SQLite and once on PostgreSQL."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk, build
from cryptodesk.config import Settings
from cryptodesk.store.database import Database
from cryptodesk.web.app import create_app

from .support import postgres
from .support.clock import Clock
from .support.exchanges import seed_demo

IDENTITY_SECRET = "test-identity-secret-that-is-long-enough"
# The built-in intent model trains once per run into here (it is rebuilt when phrases change).
MODEL_CACHE = Path(tempfile.gettempdir()) / f"cryptodesk-test-cache-{os.getuid()}"
# ...and so does everything else the engine rebuilds (the MiniLM graph, jieba's cache).
os.environ.setdefault("CRYPTODESK_CACHE_DIR", str(MODEL_CACHE))
_names = itertools.count()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    bin_dir = postgres.find_binaries()
    if bin_dir is None:
        if os.environ.get("CRYPTODESK_REQUIRE_POSTGRES"):
            pytest.fail("CRYPTODESK_REQUIRE_POSTGRES is set but initdb/pg_ctl were not found")
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not installed")
    with postgres.cluster(bin_dir) as url:
        yield url


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> str:
    """A database migrated once; each test copies it."""
    _create_database(pg_admin_url, "cryptodesk_template")
    url = pg_admin_url.rsplit("/", 1)[0] + "/cryptodesk_template"
    database = Database(url)
    database.upgrade()
    database.dispose()
    return "cryptodesk_template"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = Database(f"sqlite:///{path}")
    database.upgrade()
    database.dispose()
    return path


def _create_database(admin_url: str, name: str, template: str | None = None) -> None:
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        suffix = f" TEMPLATE {template}" if template else ""
        conn.execute(sa.text(f'CREATE DATABASE "{name}"{suffix}'))
    engine.dispose()


def _drop_database(admin_url: str, name: str) -> None:
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated database of each kind, private to one test."""
    if request.param == "sqlite":
        path = tmp_path / "cryptodesk.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    admin = request.getfixturevalue("pg_admin_url")
    template = request.getfixturevalue("pg_template")
    name = f"t{next(_names)}"
    _create_database(admin, name, template)
    yield admin.rsplit("/", 1)[0] + "/" + name
    _drop_database(admin, name)


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Test settings; the helpdesk tests use people only, the bot has tests of its own."""
    values = {
        "environment": "test", "database_url": database_url,
        "identity_secret": IDENTITY_SECRET, "argon2_time_cost": 1, "argon2_memory_kib": 64,
        "responder": "human", "cache_dir": str(MODEL_CACHE),
    }
    return Settings(**{**values, **overrides}, _env_file=None)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(db_url: str, clock: Clock) -> Iterator[Desk]:
    built = build(make_settings(db_url), clock=clock)
    yield built
    built.database.dispose()


@pytest.fixture
def bot_desk(db_url: str, clock: Clock) -> Iterator[Desk]:
    """The demo exchange with the bot answering first, as `make demo` runs it."""
    built = seed_demo(build(make_settings(db_url, responder="bot"), clock=clock))
    yield built
    built.database.dispose()


@pytest.fixture
def client(desk: Desk) -> Iterator[TestClient]:
    with TestClient(create_app(desk), raise_server_exceptions=False) as test_client:
        yield test_client
