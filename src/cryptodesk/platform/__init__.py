"""What support needs from the exchange: the Platform port, its records and its adapters."""

from .models import (
    Account,
    AccountStatus,
    AssetNetworkStatus,
    Balance,
    CaseRequest,
    Deposit,
    DepositAddress,
    DepositStatus,
    FeeTier,
    Incident,
    Order,
    OrderStatus,
    PlatformStatus,
    SecurityEvent,
    Ticker,
    TradingRule,
    Withdrawal,
    WithdrawalStatus,
)
from .port import Platform, PlatformUnavailable, UnknownCustomer

__all__ = [
    "Account", "AccountStatus", "AssetNetworkStatus", "Balance", "CaseRequest", "Deposit",
    "DepositAddress", "DepositStatus", "FeeTier", "Incident", "Order", "OrderStatus", "Platform",
    "PlatformStatus", "PlatformUnavailable", "SecurityEvent", "Ticker", "TradingRule",
    "UnknownCustomer", "Withdrawal", "WithdrawalStatus",
]
