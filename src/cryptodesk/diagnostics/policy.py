"""How serious each finding is, and who must act on it: the routing half of a diagnosis."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .models import Severity

INFO, WARNING, ACTION = Severity.INFO, Severity.WARNING, Severity.ACTION_REQUIRED

# Who takes over when several teams are named: the most urgent first.
TEAMS: tuple[str, ...] = ("security", "compliance", "wallet-ops", "support")
CASE_KINDS: tuple[str, ...] = ("deposit_recovery", "appeal", "refund", "security_incident")


@dataclass(frozen=True)
class Rule:
    severity: Severity
    team: str | None = None  # a person on this team must act
    case: str | None = None  # the case to suggest


RULES: dict[str, Rule] = {
    # deposits and withdrawals
    "awaiting_confirmations": Rule(INFO),
    "deposit_credited": Rule(INFO),
    "deposit_failed": Rule(ACTION, "wallet-ops"),
    "wrong_network_deposit": Rule(ACTION, "wallet-ops", "deposit_recovery"),
    "missing_memo": Rule(ACTION, "wallet-ops", "deposit_recovery"),
    "below_minimum": Rule(ACTION),
    "withdrawal_completed": Rule(INFO),
    "withdrawal_processing": Rule(INFO),
    "withdrawal_under_review": Rule(INFO),
    "withdrawal_failed": Rule(ACTION, "support"),
    "network_suspended": Rule(WARNING),
    "network_available": Rule(INFO),
    "network_not_offered": Rule(ACTION),
    "address_network_mismatch": Rule(ACTION),
    "address_checksum_invalid": Rule(ACTION),
    "address_invalid": Rule(ACTION),
    # orders
    "insufficient_balance": Rule(ACTION),
    "below_min_notional": Rule(ACTION),
    "below_min_qty": Rule(ACTION),
    "limit_price_away_from_market": Rule(WARNING),
    "order_open": Rule(INFO),
    "order_filled": Rule(INFO),
    "order_cancelled": Rule(INFO),
    "order_rejected": Rule(ACTION, "support"),
    "trading_halted": Rule(WARNING),
    # account and verification
    "account_frozen": Rule(ACTION, "security", "security_incident"),
    "account_disabled": Rule(ACTION, "compliance", "appeal"),
    "account_active": Rule(INFO),
    "kyc_rejected": Rule(ACTION, None, "appeal"),
    "kyc_pending": Rule(INFO),
    "kyc_approved": Rule(INFO),
    "kyc_not_started": Rule(ACTION),
    # the platform, and what stops a diagnosis
    "platform_maintenance": Rule(WARNING),
    "platform_operational": Rule(INFO),
    "platform_unavailable": Rule(WARNING, "support"),
    "unknown_customer": Rule(ACTION, "support"),
    "no_matching_record": Rule(ACTION),
}


def team_for(codes: Iterable[str]) -> str | None:
    named = {RULES[code].team for code in codes}
    return next((team for team in TEAMS if team in named), None)


def case_for(codes: Iterable[str]) -> str | None:
    """The case the first finding that suggests one suggests: findings come most telling first."""
    return next((case for code in codes if (case := RULES[code].case)), None)
