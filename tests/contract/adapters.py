"""The adapters every contract test runs against, and what they share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.memory import CustomerBook, MemoryPlatform
from cryptodesk.platform.models import Ticker
from cryptodesk.platform.port import Platform

MakePlatform = Callable[[MemoryPlatform], Platform]

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TOKEN = "contract-suite-token"

EVERY_ADAPTER = pytest.mark.parametrize(
    ("adapter", "db_url"),
    [
        pytest.param("memory", "sqlite", id="memory"),
        pytest.param("ledger", "sqlite", id="ledger-sqlite"),
        pytest.param("ledger", "postgres", id="ledger-postgres", marks=pytest.mark.postgres),
        pytest.param("http", "sqlite", id="http-sqlite"),
        pytest.param("http", "postgres", id="http-postgres", marks=pytest.mark.postgres),
    ],
    indirect=True,
)
STORED_ADAPTERS = pytest.mark.parametrize(
    ("adapter", "db_url"),
    [
        pytest.param("ledger", "sqlite", id="ledger-sqlite"),
        pytest.param("ledger", "postgres", id="ledger-postgres", marks=pytest.mark.postgres),
        pytest.param("http", "sqlite", id="http-sqlite"),
        pytest.param("http", "postgres", id="http-postgres", marks=pytest.mark.postgres),
    ],
    indirect=True,
)


def one_customer(ref: str, *, tickers: dict[str, Ticker] | None = None,
                 **records: Any) -> MemoryPlatform:
    """An exchange of one ordinary customer holding `records`."""
    template = demo_exchange(NOW).account("demo-alice")
    book = CustomerBook(account=dataclasses.replace(template, ref=ref), **records)
    return MemoryPlatform(customers={ref: book}, tickers=tickers or {})
