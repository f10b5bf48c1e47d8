"""Fixtures of the Platform contract suite: the same demo exchange behind every adapter.

A test module opts in with `pytestmark = EVERY_ADAPTER` (from .adapters); the `platform`
fixture then is, in turn, the memory adapter, the ledger on SQLite and on PostgreSQL, and the
HTTP client talking to a real uvicorn server that serves the ledger on either database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.http import HttpPlatform
from cryptodesk.platform.ledger import LedgerPlatform
from cryptodesk.platform.memory import MemoryPlatform
from cryptodesk.platform.port import Platform
from cryptodesk.platform.server import create_platform_app
from cryptodesk.store.database import create_db_engine

from .adapters import NOW, TOKEN, MakePlatform
from .servers import serving


@pytest.fixture
def adapter(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_platform(adapter: str, db_url: str) -> Iterator[MakePlatform]:
    """Builds the adapter under test holding a given dataset (once per test)."""
    with ExitStack() as stack:
        engine = create_db_engine(db_url)
        stack.callback(engine.dispose)

        def make(dataset: MemoryPlatform) -> Platform:
            if adapter == "memory":
                return dataset
            ledger = LedgerPlatform(engine, clock=lambda: NOW)
            ledger.load(dataset)
            if adapter == "ledger":
                return ledger
            url = stack.enter_context(serving(create_platform_app(ledger, TOKEN)))
            return stack.enter_context(HttpPlatform(url, TOKEN, timeout=10, retries=0))

        yield make


@pytest.fixture
def platform(make_platform: MakePlatform) -> Platform:
    return make_platform(demo_exchange(NOW))


@pytest.fixture
def reference() -> MemoryPlatform:
    """What every adapter must answer: the demo exchange, in memory, untouched."""
    return demo_exchange(NOW)
