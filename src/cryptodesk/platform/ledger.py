"""The built-in exchange: the Platform port over cryptodesk's own database (SQLAlchemy Core).

It is the embedded default and what the demo runs on; an exchange that keeps its records
elsewhere implements the HTTP contract instead. Reads and writes are short transactions;
a database that does not answer is `PlatformUnavailable`, as any exchange that does not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

import sqlalchemy as sa

from ..store.ledger_tables import (
    ledger_accounts,
    ledger_balances,
    ledger_cases,
    ledger_deposit_addresses,
    ledger_deposits,
    ledger_fee_tiers,
    ledger_incidents,
    ledger_networks,
    ledger_orders,
    ledger_security_events,
    ledger_tickers,
    ledger_trading_rules,
    ledger_withdrawals,
)
from .codec import encode_value
from .memory import MemoryPlatform
from .models import (
    Account,
    AccountStatus,
    AssetNetworkStatus,
    Balance,
    CaseRequest,
    Deposit,
    DepositAddress,
    FeeTier,
    Incident,
    Order,
    PlatformStatus,
    SecurityEvent,
    Ticker,
    TradingRule,
    Withdrawal,
)
from .port import PlatformUnavailable, UnknownCustomer

R = TypeVar("R")

# record type -> its table, for the customer's own lists
_OWNED: dict[type, sa.Table] = {
    Balance: ledger_balances, DepositAddress: ledger_deposit_addresses,
    Deposit: ledger_deposits, Withdrawal: ledger_withdrawals, Order: ledger_orders,
    SecurityEvent: ledger_security_events,
}


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _record(cls: type[R], row: sa.Row[Any]) -> R:
    values = row._mapping
    return cls(**{f.name: values[f.name] for f in dataclasses.fields(cls)})  # type: ignore[arg-type]


def _row(record: Any, **extra: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)} | extra


class LedgerPlatform:
    """The Platform port on the `ledger_*` tables of the product's database."""

    def __init__(self, engine: sa.Engine, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self.engine = engine
        self.clock = clock

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() if write else self.engine.connect() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            raise PlatformUnavailable(f"the ledger database did not answer: {exc.orig}") from exc

    def _known(self, conn: sa.Connection, ref: str) -> None:
        found = conn.execute(
            sa.select(ledger_accounts.c.ref).where(ledger_accounts.c.ref == ref)
        ).first()
        if found is None:
            raise UnknownCustomer(ref)

    def _owned(self, cls: type[R], ref: str, *, newest: str | None = None,
               limit: int | None = None) -> list[R]:
        table = _OWNED[cls]
        query = sa.select(table).where(table.c.account_ref == ref)
        order = [table.c[newest].desc(), table.c.seq] if newest else [table.c.seq]
        query = query.order_by(*order)
        if limit is not None:
            query = query.limit(max(limit, 0))
        with self._connect() as conn:
            self._known(conn, ref)
            return [_record(cls, row) for row in conn.execute(query)]

    def account(self, ref: str) -> Account:
        with self._connect() as conn:
            row = conn.execute(
                sa.select(ledger_accounts).where(ledger_accounts.c.ref == ref)
            ).first()
        if row is None:
            raise UnknownCustomer(ref)
        return _record(Account, row)

    def balances(self, ref: str) -> Sequence[Balance]:
        return self._owned(Balance, ref)

    def deposit_addresses(self, ref: str) -> Sequence[DepositAddress]:
        return self._owned(DepositAddress, ref)

    def deposits(self, ref: str, *, limit: int = 20) -> Sequence[Deposit]:
        return self._owned(Deposit, ref, newest="created_at", limit=limit)

    def withdrawals(self, ref: str, *, limit: int = 20) -> Sequence[Withdrawal]:
        return self._owned(Withdrawal, ref, newest="created_at", limit=limit)

    def orders(self, ref: str, *, limit: int = 20) -> Sequence[Order]:
        return self._owned(Order, ref, newest="created_at", limit=limit)

    def security_events(self, ref: str, *, limit: int = 20) -> Sequence[SecurityEvent]:
        return self._owned(SecurityEvent, ref, newest="at", limit=limit)

    def _all(self, cls: type[R], table: sa.Table) -> list[R]:
        with self._connect() as conn:
            rows = conn.execute(sa.select(table).order_by(table.c.seq))
            return [_record(cls, row) for row in rows]

    def trading_rules(self) -> Sequence[TradingRule]:
        return self._all(TradingRule, ledger_trading_rules)

    def fee_schedule(self) -> Sequence[FeeTier]:
        return self._all(FeeTier, ledger_fee_tiers)

    def network_statuses(self) -> Sequence[AssetNetworkStatus]:
        return self._all(AssetNetworkStatus, ledger_networks)

    def platform_status(self) -> PlatformStatus:
        with self._connect() as conn:
            rows = conn.execute(sa.select(ledger_incidents).order_by(ledger_incidents.c.seq))
            incidents = tuple(
                dataclasses.replace(_record(Incident, row), components=tuple(row.components))
                for row in rows
            )
        return PlatformStatus(incidents=incidents)

    def ticker(self, pair: str) -> Ticker:
        with self._connect() as conn:
            row = conn.execute(
                sa.select(ledger_tickers).where(ledger_tickers.c.pair == pair)
            ).first()
        if row is None:
            raise LookupError(f"no market {pair}")
        return _record(Ticker, row)

    def freeze_account(self, ref: str, reason: str, at: datetime) -> Account:
        with self._connect(write=True) as conn:
            done = conn.execute(
                sa.update(ledger_accounts).where(ledger_accounts.c.ref == ref).values(
                    status=AccountStatus.FROZEN, freeze_reason=reason, frozen_at=at
                )
            )
            if done.rowcount == 0:
                raise UnknownCustomer(ref)
            row = conn.execute(
                sa.select(ledger_accounts).where(ledger_accounts.c.ref == ref)
            ).one()
        return _record(Account, row)

    def create_case(self, request: CaseRequest) -> str:
        with self._connect(write=True) as conn:
            self._known(conn, request.customer_ref)
            done = conn.execute(sa.insert(ledger_cases).values(
                account_ref=request.customer_ref, kind=request.kind, summary=request.summary,
                evidence=encode_value(request.evidence), created_at=self.clock(),
            ))
            (seq,) = done.inserted_primary_key or (None,)
        return f"case-{seq}"

    def load(self, memory: MemoryPlatform, connection: sa.Connection | None = None) -> None:
        """Import a whole exchange (the demo's, a fixture's) in one transaction.

        The ledger must not hold these customers, markets or incidents yet. Given a
        `connection`, the rows join the caller's transaction (on SQLite a second writer would
        wait for the first); otherwise the import commits on its own.
        """
        if connection is None:
            with self.engine.begin() as conn:
                self.load(memory, conn)
            return
        _insert(connection, ledger_accounts, [_row(b.account) for b in memory.customers.values()])
        for ref, book in memory.customers.items():
            for records in (book.balances, book.deposit_addresses, book.deposits,
                            book.withdrawals, book.orders, book.security_events):
                if records:
                    table = _OWNED[type(records[0])]
                    _insert(connection, table, [_row(r, account_ref=ref) for r in records])
        _insert(connection, ledger_trading_rules, [_row(r) for r in memory.rules])
        _insert(connection, ledger_fee_tiers, [_row(f) for f in memory.fees])
        _insert(connection, ledger_networks, [_row(n) for n in memory.networks])
        _insert(connection, ledger_incidents, [
            _row(i, components=list(i.components)) for i in memory.status.incidents
        ])
        _insert(connection, ledger_tickers, [_row(t) for t in memory.tickers.values()])
        _insert(connection, ledger_cases, [
            {"account_ref": c.customer_ref, "kind": c.kind, "summary": c.summary,
             "evidence": encode_value(c.evidence), "created_at": self.clock()}
            for c in memory.cases
        ])


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(table), rows)
