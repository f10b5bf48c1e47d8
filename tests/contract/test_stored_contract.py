"""What only stored adapters can get wrong: digits of amounts, zones of times."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from cryptodesk.platform.models import Balance, Deposit, DepositStatus, Ticker

from .adapters import STORED_ADAPTERS, MakePlatform, one_customer

pytestmark = STORED_ADAPTERS


def test_amounts_and_times_survive_exactly(make_platform: MakePlatform) -> None:
    tokyo = timezone(timedelta(hours=9))
    created = datetime(2026, 11, 1, 8, 30, 15, 123456, tzinfo=tokyo)
    huge = Decimal("12345678901234567890.123456789012345678")
    tiny = Decimal("0.000000000000000001")
    deposit = Deposit(id="D1", asset="USDT", network="TRX", address="TXexample", amount=huge,
                      status=DepositStatus.CREDITED, confirmations=20,
                      confirmations_required=20, created_at=created)
    platform = make_platform(one_customer(
        "precise", deposits=[deposit], balances=[Balance("BTC", tiny, Decimal("0"))],
        tickers={"BTC/USDT": Ticker("BTC/USDT", Decimal("64250.5"), created)},
    ))
    (got,) = platform.deposits("precise")
    assert got == deposit
    assert (got.amount, got.created_at.utcoffset()) == (huge, timedelta(0))
    assert str(platform.balances("precise")[0].available) == "1E-18"
    assert platform.ticker("BTC/USDT").last == Decimal("64250.5")
