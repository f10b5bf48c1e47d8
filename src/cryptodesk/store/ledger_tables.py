"""The built-in exchange's tables (the `ledger` Platform adapter), on the shared metadata.

Column names follow the fields of platform.models, so rows and records map one to one.
`seq` keeps the order records were written in; lists come back in that order.
"""

from __future__ import annotations

from decimal import Context, Decimal

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

from ..platform.models import AccountStatus, DepositStatus, KycStatus, OrderStatus, WithdrawalStatus
from .tables import metadata
from .types import StrEnum, UtcDateTime

_EXACT = Context(prec=80)


class Amount(TypeDecorator[Decimal]):
    """Numeric(38, 18) on PostgreSQL; exact text on SQLite, whose NUMERIC keeps 15 digits."""

    impl = sa.Numeric(38, 18)
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> sa.types.TypeEngine[object]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(sa.String(48))
        return dialect.type_descriptor(sa.Numeric(38, 18))

    def process_bind_param(self, value: Decimal | None, dialect: sa.Dialect) -> object:
        if value is None:
            return None
        value = Decimal(value)
        if not value.is_finite():
            raise ValueError(f"{value} is not an amount")
        return format(value, "f") if dialect.name == "sqlite" else value

    def process_result_value(self, value: object, dialect: sa.Dialect) -> Decimal | None:
        if value is None:
            return None
        amount = Decimal(str(value))
        # normalize() rounds to the context's precision: give it room for all 38 digits.
        return amount.normalize(_EXACT) if amount else Decimal(0)


def _customer_ref(*, index: bool = False) -> sa.Column[str]:
    return sa.Column(
        "account_ref", sa.String(128), sa.ForeignKey("ledger_accounts.ref"), nullable=False,
        index=index,
    )


def _seq() -> sa.Column[int]:
    return sa.Column("seq", sa.Integer, primary_key=True)


ledger_accounts = sa.Table(
    "ledger_accounts", metadata,
    sa.Column("ref", sa.String(128), primary_key=True),
    sa.Column("status", StrEnum(AccountStatus, 16), nullable=False),
    sa.Column("kyc_level", sa.Integer, nullable=False),
    sa.Column("kyc_status", StrEnum(KycStatus, 16), nullable=False),
    sa.Column("two_factor_enabled", sa.Boolean, nullable=False),
    sa.Column("phone_bound", sa.Boolean, nullable=False),
    sa.Column("email_bound", sa.Boolean, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("freeze_reason", sa.String(200)),
    sa.Column("frozen_at", UtcDateTime),
    sa.Column("kyc_rejection_reason", sa.String(200)),
    sa.Column("kyc_submitted_at", UtcDateTime),
)

ledger_balances = sa.Table(
    "ledger_balances", metadata,
    _seq(), _customer_ref(),
    sa.Column("asset", sa.String(20), nullable=False),
    sa.Column("available", Amount, nullable=False),
    sa.Column("locked", Amount, nullable=False),
    sa.UniqueConstraint("account_ref", "asset"),
)

ledger_deposit_addresses = sa.Table(
    "ledger_deposit_addresses", metadata,
    _seq(), _customer_ref(index=True),
    sa.Column("asset", sa.String(20), nullable=False),
    sa.Column("network", sa.String(20), nullable=False),
    sa.Column("address", sa.String(128), nullable=False),
    sa.Column("memo", sa.String(128)),
)

ledger_deposits = sa.Table(
    "ledger_deposits", metadata,
    _seq(), _customer_ref(),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("asset", sa.String(20), nullable=False),
    sa.Column("network", sa.String(20), nullable=False),
    sa.Column("address", sa.String(128), nullable=False),
    sa.Column("amount", Amount, nullable=False),
    sa.Column("status", StrEnum(DepositStatus, 16), nullable=False),
    sa.Column("confirmations", sa.Integer, nullable=False),
    sa.Column("confirmations_required", sa.Integer, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("tx_hash", sa.String(128)),
    sa.Column("memo", sa.String(128)),
    sa.Column("hold_reason", sa.String(64)),
    sa.Column("credited_at", UtcDateTime),
)

ledger_withdrawals = sa.Table(
    "ledger_withdrawals", metadata,
    _seq(), _customer_ref(),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("asset", sa.String(20), nullable=False),
    sa.Column("network", sa.String(20), nullable=False),
    sa.Column("address", sa.String(128), nullable=False),
    sa.Column("amount", Amount, nullable=False),
    sa.Column("fee", Amount, nullable=False),
    sa.Column("status", StrEnum(WithdrawalStatus, 16), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("memo", sa.String(128)),
    sa.Column("tx_hash", sa.String(128)),
    sa.Column("confirmations", sa.Integer, nullable=False),
    sa.Column("confirmations_required", sa.Integer, nullable=False),
    sa.Column("failure_reason", sa.String(64)),
)

ledger_orders = sa.Table(
    "ledger_orders", metadata,
    _seq(), _customer_ref(),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("pair", sa.String(32), nullable=False),
    sa.Column("side", sa.String(8), nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("amount", Amount, nullable=False),
    sa.Column("filled", Amount, nullable=False),
    sa.Column("status", StrEnum(OrderStatus, 20), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("price", Amount),
    sa.Column("stop_price", Amount),
    sa.Column("reject_reason", sa.String(64)),
)

ledger_security_events = sa.Table(
    "ledger_security_events", metadata,
    _seq(), _customer_ref(),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("ip", sa.String(64), nullable=False),
    sa.Column("country", sa.String(64), nullable=False),
    sa.Column("device", sa.String(200), nullable=False),
    sa.Column("new_device", sa.Boolean, nullable=False),
)

ledger_trading_rules = sa.Table(
    "ledger_trading_rules", metadata,
    _seq(),
    sa.Column("pair", sa.String(32), nullable=False, unique=True),
    sa.Column("base", sa.String(20), nullable=False),
    sa.Column("quote", sa.String(20), nullable=False),
    sa.Column("min_qty", Amount, nullable=False),
    sa.Column("min_notional", Amount, nullable=False),
    sa.Column("tick_size", Amount, nullable=False),
    sa.Column("step_size", Amount, nullable=False),
    sa.Column("trading_enabled", sa.Boolean, nullable=False),
)

ledger_fee_tiers = sa.Table(
    "ledger_fee_tiers", metadata,
    _seq(),
    sa.Column("tier", sa.String(20), nullable=False, unique=True),
    sa.Column("maker", Amount, nullable=False),
    sa.Column("taker", Amount, nullable=False),
    sa.Column("min_30d_volume_usd", Amount, nullable=False),
)

ledger_networks = sa.Table(
    "ledger_networks", metadata,
    _seq(),
    sa.Column("asset", sa.String(20), nullable=False),
    sa.Column("network", sa.String(20), nullable=False),
    sa.Column("deposit_enabled", sa.Boolean, nullable=False),
    sa.Column("withdraw_enabled", sa.Boolean, nullable=False),
    sa.Column("withdraw_fee", Amount, nullable=False),
    sa.Column("withdraw_min", Amount, nullable=False),
    sa.Column("deposit_min", Amount, nullable=False),
    sa.Column("confirmations_required", sa.Integer, nullable=False),
    sa.Column("maintenance_reason", sa.String(200)),
    sa.Column("maintenance_until", UtcDateTime),
    sa.UniqueConstraint("asset", "network"),
)

ledger_incidents = sa.Table(
    "ledger_incidents", metadata,
    _seq(),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("title_en", sa.String(200), nullable=False),
    sa.Column("title_zh", sa.String(200), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("started_at", UtcDateTime, nullable=False),
    sa.Column("components", sa.JSON, nullable=False),
    sa.Column("resolved_at", UtcDateTime),
)

ledger_tickers = sa.Table(
    "ledger_tickers", metadata,
    sa.Column("pair", sa.String(32), primary_key=True),
    sa.Column("last", Amount, nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
)

ledger_cases = sa.Table(
    "ledger_cases", metadata,
    _seq(), _customer_ref(index=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("evidence", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

# Per customer, newest first: what every history read asks for.
for _table, _time in (
    (ledger_deposits, "created_at"), (ledger_withdrawals, "created_at"),
    (ledger_orders, "created_at"), (ledger_security_events, "at"),
):
    sa.Index(None, _table.c.account_ref, _table.c[_time])
