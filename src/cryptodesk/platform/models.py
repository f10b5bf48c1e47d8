"""The exchange's records as support reads them. Amounts are Decimals, times aware UTC.

These are the shapes of the JSON contract in docs/platform-api.yaml; every adapter returns them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


class AccountStatus(enum.StrEnum):
    ACTIVE = "active"
    FROZEN = "frozen"
    DISABLED = "disabled"


class KycStatus(enum.StrEnum):
    NONE = "none"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Account:
    ref: str
    status: AccountStatus
    kyc_level: int
    kyc_status: KycStatus
    two_factor_enabled: bool
    phone_bound: bool
    email_bound: bool
    created_at: datetime
    freeze_reason: str | None = None
    frozen_at: datetime | None = None
    kyc_rejection_reason: str | None = None
    kyc_submitted_at: datetime | None = None


@dataclass(frozen=True)
class Balance:
    asset: str
    available: Decimal
    locked: Decimal


@dataclass(frozen=True)
class DepositAddress:
    asset: str
    network: str
    address: str
    memo: str | None = None


class DepositStatus(enum.StrEnum):
    CONFIRMING = "confirming"
    CREDITED = "credited"
    ON_HOLD = "on_hold"  # arrived but cannot be credited automatically
    FAILED = "failed"


@dataclass(frozen=True)
class Deposit:
    id: str
    asset: str
    network: str
    address: str
    amount: Decimal
    status: DepositStatus
    confirmations: int
    confirmations_required: int
    created_at: datetime
    tx_hash: str | None = None
    memo: str | None = None
    hold_reason: str | None = None  # e.g. missing_memo, wrong_network
    credited_at: datetime | None = None


class WithdrawalStatus(enum.StrEnum):
    REVIEWING = "reviewing"
    PROCESSING = "processing"
    BROADCAST = "broadcast"  # on chain, waiting for confirmations
    COMPLETED = "completed"
    HELD = "held"  # paused by the exchange (maintenance, risk review)
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Withdrawal:
    id: str
    asset: str
    network: str
    address: str
    amount: Decimal
    fee: Decimal
    status: WithdrawalStatus
    created_at: datetime
    updated_at: datetime
    memo: str | None = None
    tx_hash: str | None = None
    confirmations: int = 0
    confirmations_required: int = 0
    failure_reason: str | None = None  # e.g. below_minimum, network_suspended, address_invalid


class OrderStatus(enum.StrEnum):
    OPEN = "open"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELLED = "cancelled"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Order:
    id: str
    pair: str  # "BTC/USDT"
    side: str  # buy | sell
    type: str  # limit | market | stop_limit | take_profit_limit
    amount: Decimal
    filled: Decimal
    status: OrderStatus
    created_at: datetime
    updated_at: datetime
    price: Decimal | None = None
    stop_price: Decimal | None = None
    reject_reason: str | None = None  # e.g. insufficient_balance, below_min_notional


@dataclass(frozen=True)
class TradingRule:
    pair: str
    base: str
    quote: str
    min_qty: Decimal
    min_notional: Decimal
    tick_size: Decimal
    step_size: Decimal
    trading_enabled: bool = True


@dataclass(frozen=True)
class FeeTier:
    tier: str  # "VIP0"
    maker: Decimal  # fraction, 0.001 = 0.1 %
    taker: Decimal
    min_30d_volume_usd: Decimal = Decimal(0)


@dataclass(frozen=True)
class AssetNetworkStatus:
    asset: str
    network: str
    deposit_enabled: bool
    withdraw_enabled: bool
    withdraw_fee: Decimal
    withdraw_min: Decimal
    deposit_min: Decimal
    confirmations_required: int
    maintenance_reason: str | None = None
    maintenance_until: datetime | None = None


@dataclass(frozen=True)
class Incident:
    id: str
    title_en: str
    title_zh: str
    status: str  # investigating | monitoring | resolved | scheduled
    started_at: datetime
    components: tuple[str, ...] = ()
    resolved_at: datetime | None = None


@dataclass(frozen=True)
class PlatformStatus:
    incidents: tuple[Incident, ...] = ()

    @property
    def active(self) -> tuple[Incident, ...]:
        return tuple(i for i in self.incidents if i.status != "resolved")


@dataclass(frozen=True)
class SecurityEvent:
    at: datetime
    kind: str  # login | login_failed | password_changed | 2fa_reset | api_key_created | ...
    ip: str
    country: str
    device: str
    new_device: bool = False


@dataclass(frozen=True)
class Ticker:
    pair: str
    last: Decimal
    at: datetime


@dataclass(frozen=True)
class CaseRequest:
    """What support hands to the exchange when a case needs its back office."""

    customer_ref: str
    kind: str  # appeal | refund | deposit_recovery | dispute | security_incident
    summary: str
    evidence: dict[str, object] = field(default_factory=dict)
