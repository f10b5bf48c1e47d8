"""A small exchange in memory, built record by record: the demo customers and their problems.

Figures follow the demo exchange's story: each customer's account shows one real-world problem.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from cryptodesk.platform.memory import CustomerBook, MemoryPlatform
from cryptodesk.platform.models import (
    Account,
    AccountStatus,
    AssetNetworkStatus,
    Balance,
    Deposit,
    DepositAddress,
    DepositStatus,
    FeeTier,
    KycStatus,
    Order,
    OrderStatus,
    SecurityEvent,
    Ticker,
    TradingRule,
    Withdrawal,
    WithdrawalStatus,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
D = Decimal

# Public, well-known addresses (token contracts, genesis accounts, EIP-55's example).
TRON_ADDRESS = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
ETH_ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
BTC_ADDRESS = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"
XRP_ADDRESS = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"

TRX_TX = "a" * 63 + "1"
BTC_TX = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
BSC_TX = "0x" + "b" * 63 + "2"
XRP_TX = "C" * 63 + "3"

MAINTENANCE_UNTIL = NOW + timedelta(hours=3)


def ago(**delta: float) -> datetime:
    return NOW - timedelta(**delta)


def account(ref: str, **changes: Any) -> Account:
    fields: dict[str, Any] = {
        "ref": ref,
        "status": AccountStatus.ACTIVE,
        "kyc_level": 1,
        "kyc_status": KycStatus.APPROVED,
        "two_factor_enabled": True,
        "phone_bound": True,
        "email_bound": True,
        "created_at": ago(days=400),
    }
    return Account(**(fields | changes))


def withdrawal(id: str, **changes: Any) -> Withdrawal:
    fields: dict[str, Any] = {
        "id": id,
        "asset": "USDT",
        "network": "TRX",
        "address": TRON_ADDRESS,
        "amount": D("100"),
        "fee": D("1"),
        "status": WithdrawalStatus.COMPLETED,
        "created_at": ago(hours=2),
        "updated_at": ago(hours=1),
    }
    return Withdrawal(**(fields | changes))


def deposit(id: str, **changes: Any) -> Deposit:
    fields: dict[str, Any] = {
        "id": id,
        "asset": "BTC",
        "network": "BTC",
        "address": BTC_ADDRESS,
        "amount": D("0.05"),
        "status": DepositStatus.CREDITED,
        "confirmations": 2,
        "confirmations_required": 2,
        "created_at": ago(hours=3),
    }
    return Deposit(**(fields | changes))


def order(id: str, **changes: Any) -> Order:
    fields: dict[str, Any] = {
        "id": id,
        "pair": "BTC/USDT",
        "side": "buy",
        "type": "limit",
        "amount": D("0.1"),
        "filled": D("0"),
        "price": D("65000"),
        "status": OrderStatus.OPEN,
        "created_at": ago(hours=1),
        "updated_at": ago(hours=1),
    }
    return Order(**(fields | changes))


def network_status(asset: str, network: str, **changes: Any) -> AssetNetworkStatus:
    fields: dict[str, Any] = {
        "asset": asset,
        "network": network,
        "deposit_enabled": True,
        "withdraw_enabled": True,
        "withdraw_fee": D("1"),
        "withdraw_min": D("10"),
        "deposit_min": D("1"),
        "confirmations_required": 20,
    }
    return AssetNetworkStatus(**(fields | changes))


def exchange(**books: CustomerBook) -> MemoryPlatform:
    """An exchange with markets, fees and networks, and the customers given."""
    return MemoryPlatform(
        customers=dict(books),
        rules=[
            TradingRule("BTC/USDT", "BTC", "USDT", min_qty=D("0.00001"), min_notional=D("5"),
                        tick_size=D("0.01"), step_size=D("0.00001")),
            TradingRule("ETH/USDT", "ETH", "USDT", min_qty=D("0.001"), min_notional=D("5"),
                        tick_size=D("0.01"), step_size=D("0.0001")),
        ],
        fees=[
            FeeTier("VIP1", maker=D("0.0008"), taker=D("0.0009"),
                    min_30d_volume_usd=D("1000000")),
            FeeTier("VIP0", maker=D("0.001"), taker=D("0.001")),
        ],
        networks=[
            network_status("USDT", "TRX"),
            network_status("USDT", "BSC", withdraw_fee=D("0.3"), confirmations_required=15),
            network_status("USDT", "ETH", withdraw_enabled=False, withdraw_fee=D("4"),
                           maintenance_reason="wallet_maintenance",
                           maintenance_until=MAINTENANCE_UNTIL, confirmations_required=64),
            network_status("ETH", "ETH", withdraw_enabled=False, withdraw_fee=D("0.002"),
                           withdraw_min=D("0.01"), deposit_min=D("0.001"),
                           maintenance_reason="wallet_maintenance",
                           maintenance_until=MAINTENANCE_UNTIL, confirmations_required=64),
            network_status("BTC", "BTC", withdraw_fee=D("0.0002"), withdraw_min=D("0.001"),
                           deposit_min=D("0.0001"), confirmations_required=2),
            network_status("XRP", "XRP", withdraw_fee=D("0.2"), withdraw_min=D("20"),
                           deposit_min=D("0.1"), confirmations_required=1),
        ],
        tickers={
            "BTC/USDT": Ticker("BTC/USDT", D("65000"), NOW),
            "ETH/USDT": Ticker("ETH/USDT", D("3200"), NOW),
        },
    )


def _alice() -> CustomerBook:
    return CustomerBook(
        account("demo-alice"),
        balances=[Balance("USDT", D("20"), D("0"))],
        withdrawals=[
            withdrawal("w-alice-1", status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX,
                       confirmations=5, confirmations_required=20, created_at=ago(minutes=3)),
        ],
    )


def _bob() -> CustomerBook:
    return CustomerBook(
        account("demo-bob"),
        withdrawals=[
            withdrawal("w-bob-1", asset="ETH", network="ETH", address=ETH_ADDRESS,
                       amount=D("1.5"), fee=D("0.002"), status=WithdrawalStatus.HELD,
                       created_at=ago(hours=1)),
        ],
    )


def _carol() -> CustomerBook:
    return CustomerBook(
        account("demo-carol"),
        deposit_addresses=[DepositAddress("USDT", "ETH", ETH_ADDRESS)],
        deposits=[
            deposit("d-carol-1", asset="USDT", network="BSC", address=ETH_ADDRESS,
                    amount=D("500"), status=DepositStatus.ON_HOLD, tx_hash=BSC_TX,
                    confirmations=15, confirmations_required=15, hold_reason="wrong_network"),
        ],
    )


def _dave() -> CustomerBook:
    return CustomerBook(
        account("demo-dave"),
        deposit_addresses=[DepositAddress("XRP", "XRP", XRP_ADDRESS, memo="104729")],
        deposits=[
            deposit("d-dave-1", asset="XRP", network="XRP", address=XRP_ADDRESS,
                    amount=D("250"), status=DepositStatus.ON_HOLD, tx_hash=XRP_TX,
                    confirmations=1, confirmations_required=1, hold_reason="missing_memo"),
        ],
    )


def _erin() -> CustomerBook:
    return CustomerBook(
        account("demo-erin"),
        balances=[Balance("USDT", D("6500"), D("0"))],
        orders=[
            order("o-erin-1", status=OrderStatus.REJECTED, reject_reason="insufficient_balance"),
        ],
    )


def _frank() -> CustomerBook:
    frozen_at = ago(hours=5)
    return CustomerBook(
        account("demo-frank", status=AccountStatus.FROZEN,
                freeze_reason="unknown_device_login", frozen_at=frozen_at),
        security_events=[
            SecurityEvent(ago(days=3), "login", "203.0.113.7", "SG", "iPhone 15"),
            SecurityEvent(ago(hours=5, minutes=2), "login", "198.51.100.23", "RU",
                          "Windows 10 / Chrome", new_device=True),
        ],
    )


def _grace() -> CustomerBook:
    return CustomerBook(
        account("demo-grace", kyc_level=0, kyc_status=KycStatus.REJECTED,
                kyc_rejection_reason="document_unreadable",
                kyc_submitted_at=ago(days=2)),
    )


def _heidi() -> CustomerBook:
    return CustomerBook(
        account("demo-heidi"),
        deposit_addresses=[DepositAddress("BTC", "BTC", BTC_ADDRESS)],
        deposits=[
            deposit("d-heidi-1", status=DepositStatus.CONFIRMING, tx_hash=BTC_TX,
                    confirmations=1, confirmations_required=2, created_at=ago(minutes=12)),
        ],
    )


def _ivan() -> CustomerBook:
    return CustomerBook(
        account("demo-ivan"),
        withdrawals=[
            withdrawal("w-ivan-1", amount=D("5"), status=WithdrawalStatus.FAILED,
                       failure_reason="below_minimum"),
        ],
    )


def _judy() -> CustomerBook:
    return CustomerBook(
        account("demo-judy"),
        balances=[Balance("USDT", D("0"), D("2600"))],
        orders=[order("o-judy-1", amount=D("0.05"), price=D("52000"), created_at=ago(days=6))],
    )


def demo_exchange() -> MemoryPlatform:
    """The ten demo customers, each with the one problem the demo exchange shows."""
    return exchange(**{
        book.account.ref: book
        for book in (_alice(), _bob(), _carol(), _dave(), _erin(), _frank(), _grace(),
                     _heidi(), _ivan(), _judy())
    })
