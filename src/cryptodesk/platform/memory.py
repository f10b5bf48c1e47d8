"""An exchange held in memory: the reference adapter the contract suite and unit tests use."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .models import (
    Account,
    AccountStatus,
    AssetNetworkStatus,
    Balance,
    CaseRequest,
    Deposit,
    DepositAddress,
    FeeTier,
    Order,
    PlatformStatus,
    SecurityEvent,
    Ticker,
    TradingRule,
    Withdrawal,
)
from .port import UnknownCustomer


@dataclass
class CustomerBook:
    """One customer's records, newest first where order matters."""

    account: Account
    balances: list[Balance] = field(default_factory=list)
    deposit_addresses: list[DepositAddress] = field(default_factory=list)
    deposits: list[Deposit] = field(default_factory=list)
    withdrawals: list[Withdrawal] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    security_events: list[SecurityEvent] = field(default_factory=list)


@dataclass
class MemoryPlatform:
    customers: dict[str, CustomerBook] = field(default_factory=dict)
    rules: list[TradingRule] = field(default_factory=list)
    fees: list[FeeTier] = field(default_factory=list)
    networks: list[AssetNetworkStatus] = field(default_factory=list)
    status: PlatformStatus = field(default_factory=PlatformStatus)
    tickers: dict[str, Ticker] = field(default_factory=dict)
    cases: list[CaseRequest] = field(default_factory=list)

    def _book(self, ref: str) -> CustomerBook:
        try:
            return self.customers[ref]
        except KeyError:
            raise UnknownCustomer(ref) from None

    def account(self, ref: str) -> Account:
        return self._book(ref).account

    def balances(self, ref: str) -> Sequence[Balance]:
        return list(self._book(ref).balances)

    def deposit_addresses(self, ref: str) -> Sequence[DepositAddress]:
        return list(self._book(ref).deposit_addresses)

    def deposits(self, ref: str, *, limit: int = 20) -> Sequence[Deposit]:
        return sorted(self._book(ref).deposits, key=lambda d: d.created_at, reverse=True)[:limit]

    def withdrawals(self, ref: str, *, limit: int = 20) -> Sequence[Withdrawal]:
        items = self._book(ref).withdrawals
        return sorted(items, key=lambda w: w.created_at, reverse=True)[:limit]

    def orders(self, ref: str, *, limit: int = 20) -> Sequence[Order]:
        return sorted(self._book(ref).orders, key=lambda o: o.created_at, reverse=True)[:limit]

    def security_events(self, ref: str, *, limit: int = 20) -> Sequence[SecurityEvent]:
        items = self._book(ref).security_events
        return sorted(items, key=lambda e: e.at, reverse=True)[:limit]

    def trading_rules(self) -> Sequence[TradingRule]:
        return list(self.rules)

    def fee_schedule(self) -> Sequence[FeeTier]:
        return list(self.fees)

    def network_statuses(self) -> Sequence[AssetNetworkStatus]:
        return list(self.networks)

    def platform_status(self) -> PlatformStatus:
        return self.status

    def ticker(self, pair: str) -> Ticker:
        try:
            return self.tickers[pair]
        except KeyError:
            raise LookupError(f"no market {pair}") from None

    def freeze_account(self, ref: str, reason: str, at: datetime) -> Account:
        book = self._book(ref)
        book.account = dataclasses.replace(
            book.account, status=AccountStatus.FROZEN, freeze_reason=reason, frozen_at=at
        )
        return book.account

    def create_case(self, request: CaseRequest) -> str:
        self._book(request.customer_ref)
        self.cases.append(request)
        return f"case-{len(self.cases)}"
