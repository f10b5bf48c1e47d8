"""The built-in exchange (the `ledger` Platform adapter): accounts, balances, deposit addresses,
deposits, withdrawals, orders, security events, trading rules, fees, networks, incidents,
tickers and cases.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
# SQLite's NUMERIC keeps 15 significant digits: amounts are exact text there.
AMOUNT = sa.Numeric(38, 18).with_variant(sa.String(48), "sqlite")

_TABLES = (
    "ledger_cases", "ledger_tickers", "ledger_incidents", "ledger_networks", "ledger_fee_tiers",
    "ledger_trading_rules", "ledger_security_events", "ledger_orders", "ledger_withdrawals",
    "ledger_deposits", "ledger_deposit_addresses", "ledger_balances", "ledger_accounts",
)


def _owned(table: str, *columns: sa.schema.SchemaItem, unique_id: bool = False) -> None:
    """A table of one customer's records: seq, the account's ref, then `columns`."""
    extra: list[sa.Constraint] = []
    if unique_id:
        extra.append(sa.UniqueConstraint("id", name=f"uq_{table}_id"))
    op.create_table(
        table,
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("account_ref", sa.String(128), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("seq", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["account_ref"], ["ledger_accounts.ref"], name=f"fk_{table}_account_ref_ledger_accounts"
        ),
        *extra,
    )


def _history_index(table: str, time_column: str) -> None:
    op.create_index(
        f"ix_{table}_account_ref_{time_column}", table, ["account_ref", time_column]
    )


def upgrade() -> None:
    op.create_table(
        "ledger_accounts",
        sa.Column("ref", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("kyc_level", sa.Integer, nullable=False),
        sa.Column("kyc_status", sa.String(16), nullable=False),
        sa.Column("two_factor_enabled", sa.Boolean, nullable=False),
        sa.Column("phone_bound", sa.Boolean, nullable=False),
        sa.Column("email_bound", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("freeze_reason", sa.String(200)),
        sa.Column("frozen_at", TS),
        sa.Column("kyc_rejection_reason", sa.String(200)),
        sa.Column("kyc_submitted_at", TS),
        sa.PrimaryKeyConstraint("ref", name="pk_ledger_accounts"),
    )
    _owned(
        "ledger_balances",
        sa.Column("asset", sa.String(20), nullable=False),
        sa.Column("available", AMOUNT, nullable=False),
        sa.Column("locked", AMOUNT, nullable=False),
        sa.UniqueConstraint("account_ref", "asset", name="uq_ledger_balances_account_ref_asset"),
    )
    _owned(
        "ledger_deposit_addresses",
        sa.Column("asset", sa.String(20), nullable=False),
        sa.Column("network", sa.String(20), nullable=False),
        sa.Column("address", sa.String(128), nullable=False),
        sa.Column("memo", sa.String(128)),
    )
    op.create_index(
        "ix_ledger_deposit_addresses_account_ref", "ledger_deposit_addresses", ["account_ref"]
    )
    _owned(
        "ledger_deposits",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("asset", sa.String(20), nullable=False),
        sa.Column("network", sa.String(20), nullable=False),
        sa.Column("address", sa.String(128), nullable=False),
        sa.Column("amount", AMOUNT, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("confirmations", sa.Integer, nullable=False),
        sa.Column("confirmations_required", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("tx_hash", sa.String(128)),
        sa.Column("memo", sa.String(128)),
        sa.Column("hold_reason", sa.String(64)),
        sa.Column("credited_at", TS),
        unique_id=True,
    )
    _history_index("ledger_deposits", "created_at")
    _owned(
        "ledger_withdrawals",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("asset", sa.String(20), nullable=False),
        sa.Column("network", sa.String(20), nullable=False),
        sa.Column("address", sa.String(128), nullable=False),
        sa.Column("amount", AMOUNT, nullable=False),
        sa.Column("fee", AMOUNT, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("memo", sa.String(128)),
        sa.Column("tx_hash", sa.String(128)),
        sa.Column("confirmations", sa.Integer, nullable=False),
        sa.Column("confirmations_required", sa.Integer, nullable=False),
        sa.Column("failure_reason", sa.String(64)),
        unique_id=True,
    )
    _history_index("ledger_withdrawals", "created_at")
    _owned(
        "ledger_orders",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("pair", sa.String(32), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("amount", AMOUNT, nullable=False),
        sa.Column("filled", AMOUNT, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("price", AMOUNT),
        sa.Column("stop_price", AMOUNT),
        sa.Column("reject_reason", sa.String(64)),
        unique_id=True,
    )
    _history_index("ledger_orders", "created_at")
    _owned(
        "ledger_security_events",
        sa.Column("at", TS, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("ip", sa.String(64), nullable=False),
        sa.Column("country", sa.String(64), nullable=False),
        sa.Column("device", sa.String(200), nullable=False),
        sa.Column("new_device", sa.Boolean, nullable=False),
    )
    _history_index("ledger_security_events", "at")
    op.create_table(
        "ledger_trading_rules",
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("pair", sa.String(32), nullable=False),
        sa.Column("base", sa.String(20), nullable=False),
        sa.Column("quote", sa.String(20), nullable=False),
        sa.Column("min_qty", AMOUNT, nullable=False),
        sa.Column("min_notional", AMOUNT, nullable=False),
        sa.Column("tick_size", AMOUNT, nullable=False),
        sa.Column("step_size", AMOUNT, nullable=False),
        sa.Column("trading_enabled", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_ledger_trading_rules"),
        sa.UniqueConstraint("pair", name="uq_ledger_trading_rules_pair"),
    )
    op.create_table(
        "ledger_fee_tiers",
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("tier", sa.String(20), nullable=False),
        sa.Column("maker", AMOUNT, nullable=False),
        sa.Column("taker", AMOUNT, nullable=False),
        sa.Column("min_30d_volume_usd", AMOUNT, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_ledger_fee_tiers"),
        sa.UniqueConstraint("tier", name="uq_ledger_fee_tiers_tier"),
    )
    op.create_table(
        "ledger_networks",
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("asset", sa.String(20), nullable=False),
        sa.Column("network", sa.String(20), nullable=False),
        sa.Column("deposit_enabled", sa.Boolean, nullable=False),
        sa.Column("withdraw_enabled", sa.Boolean, nullable=False),
        sa.Column("withdraw_fee", AMOUNT, nullable=False),
        sa.Column("withdraw_min", AMOUNT, nullable=False),
        sa.Column("deposit_min", AMOUNT, nullable=False),
        sa.Column("confirmations_required", sa.Integer, nullable=False),
        sa.Column("maintenance_reason", sa.String(200)),
        sa.Column("maintenance_until", TS),
        sa.PrimaryKeyConstraint("seq", name="pk_ledger_networks"),
        sa.UniqueConstraint("asset", "network", name="uq_ledger_networks_asset_network"),
    )
    op.create_table(
        "ledger_incidents",
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("title_en", sa.String(200), nullable=False),
        sa.Column("title_zh", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("components", sa.JSON, nullable=False),
        sa.Column("resolved_at", TS),
        sa.PrimaryKeyConstraint("seq", name="pk_ledger_incidents"),
        sa.UniqueConstraint("id", name="uq_ledger_incidents_id"),
    )
    op.create_table(
        "ledger_tickers",
        sa.Column("pair", sa.String(32), nullable=False),
        sa.Column("last", AMOUNT, nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("pair", name="pk_ledger_tickers"),
    )
    _owned(
        "ledger_cases",
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_ledger_cases_account_ref", "ledger_cases", ["account_ref"])


def downgrade() -> None:
    for table in _TABLES:
        op.drop_table(table)
