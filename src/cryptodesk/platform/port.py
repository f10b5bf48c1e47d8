"""The Platform port: everything support asks of an exchange, as one typing.Protocol.

Adapters: `memory` (tests), `ledger` (the built-in exchange in cryptodesk's own database),
`http` (the JSON contract in docs/platform-api.yaml). One contract suite runs against each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from .models import (
    Account,
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


class PlatformUnavailable(Exception):
    """The exchange did not answer (timeout, refused, garbage): hand over instead of guessing."""


class UnknownCustomer(LookupError):
    """The exchange has no account with this reference."""


@runtime_checkable
class Platform(Protocol):
    def account(self, ref: str) -> Account: ...
    def balances(self, ref: str) -> Sequence[Balance]: ...
    def deposit_addresses(self, ref: str) -> Sequence[DepositAddress]: ...
    def deposits(self, ref: str, *, limit: int = 20) -> Sequence[Deposit]: ...
    def withdrawals(self, ref: str, *, limit: int = 20) -> Sequence[Withdrawal]: ...
    def orders(self, ref: str, *, limit: int = 20) -> Sequence[Order]: ...
    def security_events(self, ref: str, *, limit: int = 20) -> Sequence[SecurityEvent]: ...
    def trading_rules(self) -> Sequence[TradingRule]: ...
    def fee_schedule(self) -> Sequence[FeeTier]: ...
    def network_statuses(self) -> Sequence[AssetNetworkStatus]: ...
    def platform_status(self) -> PlatformStatus: ...
    def ticker(self, pair: str) -> Ticker: ...
    def freeze_account(self, ref: str, reason: str, at: datetime) -> Account: ...
    def create_case(self, request: CaseRequest) -> str: ...
