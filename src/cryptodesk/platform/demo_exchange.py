"""The demo exchange: ten customers, each with one real-world problem among ordinary history.

The problems are those of the "Demo exchange" table in the design notes. The older, healthy
records around each one (credited deposits, completed withdrawals, filled orders, sign-ins
from known devices) make a diagnosis pick the right record. Times count back from `now`, so
the story reads the same whenever the demo is set up. IP addresses are from the ranges kept
for documentation (RFC 5737).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from . import demo_market
from . import demo_wallets as w
from .demo_story import Ids, Story, tx_hash
from .memory import CustomerBook, MemoryPlatform
from .models import (
    AccountStatus,
    DepositStatus,
    KycStatus,
    OrderStatus,
    WithdrawalStatus,
)

__all__ = ["DAVE_XRP_TAG", "REFS", "demo_exchange", "tx_hash"]

DAVE_XRP_TAG = "2210348875"


def alice(s: Story) -> None:
    """USDT withdrawal on TRC20 broadcast, 5 of 20 confirmations."""
    s.balance("USDT", "1250.40")
    s.balance("BTC", "0.0153")
    s.balance("TRX", "35.2")
    s.address("BTC", "BTC", w.ALICE_BTC.address)
    s.address("USDT", "TRX", w.ALICE_TRON.address)
    s.address("TRX", "TRX", w.ALICE_TRON.address)
    s.deposit("BTC", "BTC", w.ALICE_BTC.address, "0.02", s.ago(days=61))
    s.deposit("USDT", "TRX", w.ALICE_TRON.address, "2000", s.ago(days=40, hours=3))
    s.order("BTC/USDT", "buy", "limit", "0.01", s.ago(days=30), price="61000.00")
    s.withdrawal("USDT", "TRX", w.ALICE_OWN_TRON.address, "300", "1", s.ago(days=21))
    s.order("BTC/USDT", "sell", "market", "0.0147", s.ago(days=12, hours=6))
    s.withdrawal("USDT", "TRX", w.ALICE_OWN_TRON.address, "500", "1", s.ago(days=9))
    s.withdrawal("USDT", "TRX", w.ALICE_OWN_TRON.address, "250", "1", s.ago(minutes=65),
                 status=WithdrawalStatus.BROADCAST, updated=s.ago(seconds=20), confirmations=5)
    s.usual_logins("192.0.2.14", "GB", "Chrome 131 on macOS", (44, 21, 9, 0.05))


def bob(s: Story) -> None:
    """ETH withdrawal held: ERC20 withdrawals suspended for wallet maintenance."""
    s.balance("ETH", "0.35", locked="0.8012")
    s.balance("USDT", "410")
    s.address("ETH", "ETH", w.BOB_EVM.address)
    s.address("USDT", "ETH", w.BOB_EVM.address)
    s.deposit("ETH", "ETH", w.BOB_EVM.address, "1.5", s.ago(days=50))
    s.deposit("USDT", "ETH", w.BOB_EVM.address, "1000", s.ago(days=45))
    s.withdrawal("ETH", "ETH", w.BOB_OWN_EVM.address, "0.25", "0.0012", s.ago(days=30))
    s.order("ETH/USDT", "sell", "limit", "0.5", s.ago(days=20), price="3200.00")
    s.withdrawal("ETH", "ETH", w.BOB_OWN_EVM.address, "0.8", "0.0012", s.ago(hours=3),
                 status=WithdrawalStatus.HELD, updated=s.ago(hours=3),
                 failure_reason="network_suspended")
    s.usual_logins("198.51.100.40", "US", "Safari on iPhone", (33, 12, 0.2))


def carol(s: Story) -> None:
    """500 USDT sent over BEP20 to her ERC20 deposit address."""
    s.balance("USDT", "1820.75")
    s.balance("BTC", "0.004")
    s.balance("ETH", "0.06")
    s.address("USDT", "ETH", w.CAROL_EVM.address)
    s.address("BTC", "BTC", w.CAROL_BTC.address)
    s.deposit("BTC", "BTC", w.CAROL_BTC.address, "0.004", s.ago(days=80))
    s.deposit("USDT", "ETH", w.CAROL_EVM.address, "2000", s.ago(days=35))
    s.order("ETH/USDT", "buy", "limit", "0.06", s.ago(days=25), price="2990.00")
    s.deposit("USDT", "BSC", w.CAROL_EVM.address, "500", s.ago(hours=20, minutes=5),
              status=DepositStatus.ON_HOLD, hold_reason="wrong_network")
    s.usual_logins("203.0.113.61", "CN", "小米 14 · Android App", (36, 18, 0.9))


def dave(s: Story) -> None:
    """XRP deposit arrived without the destination tag."""
    s.balance("XRP", "1520.5")
    s.balance("USDT", "95")
    s.address("XRP", "XRP", w.EXCHANGE_XRP.address, memo=DAVE_XRP_TAG)
    s.deposit("XRP", "XRP", w.EXCHANGE_XRP.address, "800", s.ago(days=40),
              memo=DAVE_XRP_TAG)
    s.order("XRP/USDT", "sell", "limit", "200", s.ago(days=15), price="0.6000")
    s.withdrawal("XRP", "XRP", w.DAVE_OWN_XRP.address, "300", "0.2", s.ago(days=10))
    s.deposit("XRP", "XRP", w.EXCHANGE_XRP.address, "1200", s.ago(hours=31),
              status=DepositStatus.ON_HOLD, hold_reason="missing_memo")
    s.usual_logins("192.0.2.77", "NG", "Chrome 131 on Windows", (28, 11, 1.3))


def erin(s: Story) -> None:
    """BTC buy order rejected: 3216 USDT covers 0.05 BTC at 64300, not the fee on top."""
    s.balance("USDT", "3216.00")
    s.balance("ETH", "0.42")
    s.address("USDT", "TRX", w.ERIN_TRON.address)
    s.address("BTC", "BTC", w.ERIN_BTC.address)
    s.deposit("USDT", "TRX", w.ERIN_TRON.address, "1500", s.ago(days=30))
    s.order("ETH/USDT", "buy", "limit", "0.42", s.ago(days=28), price="3050.00")
    s.order("BTC/USDT", "buy", "limit", "0.02", s.ago(days=14), price="55000.00",
            status=OrderStatus.CANCELLED, updated=s.ago(days=13))
    s.deposit("USDT", "TRX", w.ERIN_TRON.address, "2998.281", s.ago(days=3))
    s.order("BTC/USDT", "buy", "limit", "0.05", s.ago(hours=2), price="64300.00",
            status=OrderStatus.REJECTED, updated=s.ago(hours=2),
            reject_reason="insufficient_balance")
    s.usual_logins("203.0.113.8", "TW", "iPhone App 4.12", (25, 6, 0.1))


def frank(s: Story) -> None:
    """Account frozen after a login from an unknown device."""
    s.balance("BTC", "0.215")
    s.balance("USDT", "5400")
    s.balance("ETH", "1.1")
    s.address("BTC", "BTC", w.FRANK_BTC.address)
    s.address("ETH", "ETH", w.FRANK_EVM.address)
    s.address("USDT", "ETH", w.FRANK_EVM.address)
    s.deposit("BTC", "BTC", w.FRANK_BTC.address, "0.2", s.ago(days=90))
    s.deposit("USDT", "ETH", w.FRANK_EVM.address, "5000", s.ago(days=70))
    s.deposit("ETH", "ETH", w.FRANK_EVM.address, "1.1", s.ago(days=65))
    s.order("BTC/USDT", "buy", "market", "0.015", s.ago(days=60))
    s.usual_logins("198.51.100.23", "DE", "Firefox 133 on Windows", (30, 14, 3))
    stranger = ("203.0.113.200", "BR", "Chrome Mobile on Android")
    s.login(s.ago(minutes=71), *stranger, kind="login_failed", new_device=True)
    s.login(s.ago(minutes=66), *stranger, new_device=True)


def grace(s: Story) -> None:
    """Identity verification rejected: the document photo is unreadable."""
    s.balance("USDT", "120")
    s.address("USDT", "TRX", w.GRACE_TRON.address)
    s.deposit("USDT", "TRX", w.GRACE_TRON.address, "120", s.ago(days=5))
    s.usual_logins("192.0.2.130", "CN", "华为 Mate 60 · Android App", (9, 5, 2.1))


def heidi(s: Story) -> None:
    """BTC deposit with 1 of 2 confirmations."""
    s.balance("BTC", "0.0208")
    s.address("BTC", "BTC", w.HEIDI_BTC.address)
    s.deposit("BTC", "BTC", w.HEIDI_BTC.address, "0.031", s.ago(days=45))
    s.withdrawal("BTC", "BTC", w.HEIDI_OWN_BTC.address, "0.01", "0.0002", s.ago(days=25))
    s.deposit("BTC", "BTC", w.HEIDI_BTC.address, "0.12", s.ago(minutes=14),
              status=DepositStatus.CONFIRMING, confirmations=1)
    s.usual_logins("198.51.100.9", "NO", "Firefox 133 on Linux", (26, 8, 0.01))


def ivan(s: Story) -> None:
    """USDT withdrawal on BEP20 failed: 8 USDT is under the 10 USDT minimum."""
    s.balance("USDT", "69.71")
    s.address("USDT", "BSC", w.IVAN_EVM.address)
    s.deposit("USDT", "BSC", w.IVAN_EVM.address, "100", s.ago(days=20))
    s.withdrawal("USDT", "BSC", w.IVAN_OWN_EVM.address, "30", "0.29", s.ago(days=10))
    s.withdrawal("USDT", "BSC", w.IVAN_OWN_EVM.address, "8", "0.29", s.ago(hours=5),
                 status=WithdrawalStatus.FAILED, updated=s.ago(hours=5, minutes=-1),
                 failure_reason="below_minimum")
    s.usual_logins("203.0.113.45", "CN", "Chrome 131 on Windows", (22, 10, 0.3))


def judy(s: Story) -> None:
    """Limit buy at 52000 with BTC at 64250, open for four days."""
    s.balance("USDT", "958.96", locked="1041.04")
    s.balance("BTC", "0")
    s.address("USDT", "TRX", w.JUDY_TRON.address)
    s.address("BTC", "BTC", w.JUDY_BTC.address)
    s.deposit("USDT", "TRX", w.JUDY_TRON.address, "2000", s.ago(days=10))
    s.order("BTC/USDT", "buy", "limit", "0.02", s.ago(days=6), price="50000.00",
            status=OrderStatus.CANCELLED, updated=s.ago(days=5, hours=20))
    s.order("BTC/USDT", "buy", "limit", "0.02", s.ago(days=4), price="52000.00",
            status=OrderStatus.OPEN, updated=s.ago(days=4))
    s.usual_logins("192.0.2.201", "KR", "Edge 131 on Windows", (12, 4, 0.4))


# ref -> (story, account fields that differ from an ordinary verified account)
_CUSTOMERS: dict[str, tuple[Callable[[Story], None], dict[str, object]]] = {
    "demo-alice": (alice, {}),
    "demo-bob": (bob, {}),
    "demo-carol": (carol, {}),
    "demo-dave": (dave, {"phone_bound": False}),
    "demo-erin": (erin, {}),
    "demo-frank": (frank, {"status": AccountStatus.FROZEN,
                           "freeze_reason": "unknown_device_login"}),
    "demo-grace": (grace, {"kyc_level": 0, "kyc_status": KycStatus.REJECTED,
                           "kyc_rejection_reason": "document_unreadable"}),
    "demo-heidi": (heidi, {"two_factor_enabled": False}),
    "demo-ivan": (ivan, {}),
    "demo-judy": (judy, {}),
}
REFS = tuple(_CUSTOMERS)


def demo_exchange(now: datetime) -> MemoryPlatform:
    """The whole demo dataset as an in-memory exchange (the ledger imports it)."""
    if now.tzinfo is None:
        raise ValueError("the demo exchange needs an aware `now`")
    ids = Ids()
    books: dict[str, CustomerBook] = {}
    for ref, (story, account) in _CUSTOMERS.items():
        fields = dict(account)
        if ref == "demo-frank":
            fields["frozen_at"] = now - timedelta(minutes=64)
        if ref == "demo-grace":
            fields["kyc_submitted_at"] = now - timedelta(hours=52)
        s = Story(now, ids, ref, **fields)
        story(s)
        books[ref] = s.book
    return MemoryPlatform(
        customers=books,
        rules=demo_market.trading_rules(),
        fees=list(demo_market.FEE_TIERS),
        networks=demo_market.network_statuses(now),
        status=demo_market.platform_status(now),
        tickers=demo_market.tickers(now),
    )
