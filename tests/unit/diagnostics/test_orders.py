"""Order maths: the fee on a buy, the base on a sell, the market's rules, distance from market."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cryptodesk.diagnostics import Clues, Diagnosis, diagnose
from cryptodesk.diagnostics.orders import FAR_FROM_MARKET
from cryptodesk.platform.memory import CustomerBook
from cryptodesk.platform.models import Balance, OrderStatus

from .factory import NOW, account, ago, exchange, order

D = Decimal


def _rejected(balances: list[Balance], **changes: object) -> Diagnosis:
    fields: dict[str, object] = {"status": OrderStatus.REJECTED, **changes}
    book = CustomerBook(account("c"), balances=balances, orders=[order("o-1", **fields)])
    return diagnose(exchange(c=book), "trade.order_failed", "c", Clues(), NOW)


def test_the_fee_tips_a_buy_into_insufficient_balance() -> None:
    # 0.1 BTC at 65000 = 6500 USDT, plus the 0.1 % taker fee = 6506.5 USDT.
    diagnosis = _rejected([Balance("USDT", D("6505"), D("0"))])
    assert diagnosis.codes == ("insufficient_balance",)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["cost"], evidence["fee"], evidence["required"]) == ("6500", "6.5", "6506.5")
    assert (evidence["available"], evidence["shortfall"]) == ("6505", "1.5")
    assert evidence["fee_rate"] == "0.1%" and evidence["fee_tipped"] == "true"
    assert "it is the fee that tips it over" in diagnosis.render("en")
    assert "差的正是手续费" in diagnosis.render("zh")


def test_enough_for_order_and_fee_is_not_insufficient() -> None:
    diagnosis = _rejected([Balance("USDT", D("6506.5"), D("0"))], reject_reason="risk_control")
    assert diagnosis.codes == ("order_rejected",)
    fee = diagnosis.fee_disclosure
    assert fee is not None and (fee.kind, fee.total) == ("buy", D("6506.5"))
    assert "the order costs 6506.5 USDT in all" in diagnosis.render("en")


def test_the_entry_tier_taker_fee_is_used() -> None:
    book = CustomerBook(account("c"), balances=[Balance("USDT", D("6500"), D("0"))],
                        orders=[order("o-1", status=OrderStatus.REJECTED)])
    platform = exchange(c=book)
    platform.fees = [platform.fees[1].__class__("VIP0", maker=D("0"), taker=D("0"))]
    diagnosis = diagnose(platform, "trade.order_failed", "c", Clues(), NOW)
    assert "insufficient_balance" not in diagnosis.codes


def test_a_buy_short_of_the_order_itself_is_not_blamed_on_the_fee() -> None:
    diagnosis = _rejected([Balance("USDT", D("100"), D("0"))])
    assert diagnosis.codes == ("insufficient_balance",)
    assert "fee_tipped" not in diagnosis.findings[0].evidence
    assert "tips it over" not in diagnosis.render("en")


def test_a_sell_needs_the_base_asset() -> None:
    diagnosis = _rejected([Balance("BTC", D("0.04"), D("0")), Balance("USDT", D("1e6"), D("0"))],
                          side="sell", amount=D("0.05"))
    assert diagnosis.codes == ("insufficient_balance",)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["asset"], evidence["required"], evidence["shortfall"]) == (
        "BTC", "0.05", "0.01"
    )
    fee = diagnosis.fee_disclosure
    assert fee is not None and (fee.kind, fee.amount, fee.fee, fee.total) == (
        "sell", D("3250"), D("3.25"), D("3246.75")
    )


def test_below_min_notional() -> None:
    # 0.00005 BTC at 65000 = 3.25 USDT, under the 5 USDT minimum.
    diagnosis = _rejected([Balance("USDT", D("100"), D("0"))], amount=D("0.00005"))
    assert diagnosis.codes == ("below_min_notional",)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["notional"], evidence["min_notional"]) == ("3.25", "5")
    assert "minimum order value of 5 USDT" in diagnosis.render("en")


def test_below_min_qty_and_min_notional_together() -> None:
    diagnosis = _rejected([Balance("USDT", D("100"), D("0"))], amount=D("0.000001"))
    assert diagnosis.codes == ("below_min_qty", "below_min_notional")
    assert "最小下单数量 0.00001 BTC" in diagnosis.render("zh")


def test_market_buy_is_checked_at_the_ticker_price() -> None:
    diagnosis = _rejected([Balance("USDT", D("3000"), D("0"))], type="market", price=None,
                          amount=D("0.05"))
    assert diagnosis.codes == ("insufficient_balance",)
    assert diagnosis.findings[0].evidence["required"] == "3253.25"


def test_reason_from_the_exchange_when_the_maths_finds_nothing_now() -> None:
    diagnosis = _rejected([Balance("USDT", D("10000"), D("0"))],
                          reject_reason="insufficient_balance")
    assert diagnosis.codes == ("insufficient_balance",)
    assert "shortfall" not in diagnosis.findings[0].evidence
    assert diagnosis.next_steps_en  # still says what to do


def test_halted_market() -> None:
    book = CustomerBook(account("c"), balances=[Balance("USDT", D("1e6"), D("0"))],
                        orders=[order("o-1", status=OrderStatus.REJECTED)])
    platform = exchange(c=book)
    rule = platform.rules[0]
    platform.rules[0] = rule.__class__(**{**rule.__dict__, "trading_enabled": False})
    diagnosis = diagnose(platform, "trade.order_failed", "c", Clues(), NOW)
    assert diagnosis.codes == ("trading_halted",)


@pytest.mark.parametrize(
    ("side", "price", "code", "pct"),
    [
        ("buy", "60000", "limit_price_away_from_market", "-7.69"),
        ("buy", "62000", "order_open", "-4.62"),
        ("sell", "70000", "limit_price_away_from_market", "7.69"),
        ("sell", "66000", "order_open", "1.54"),
    ],
)
def test_distance_from_the_market(side: str, price: str, code: str, pct: str) -> None:
    book = CustomerBook(account("c"), orders=[
        order("o-1", side=side, price=D(price), created_at=ago(days=2),
              status=OrderStatus.PARTIALLY_FILLED, filled=D("0.02")),
    ])
    diagnosis = diagnose(exchange(c=book), "trade.order_not_filled", "c", Clues(), NOW)
    assert diagnosis.codes == (code,)
    assert diagnosis.findings[0].evidence["distance_pct"] == pct
    assert "0.02 of 0.1 BTC has been filled" in diagnosis.render("en")


@pytest.mark.parametrize(
    ("price", "code"),
    [("61750", "order_open"), ("61749", "limit_price_away_from_market")],
)
def test_far_means_more_than_the_threshold(price: str, code: str) -> None:
    # 61750 is exactly 5 % under 65000.
    assert D("0.05") == FAR_FROM_MARKET
    book = CustomerBook(account("c"), orders=[order("o-1", price=D(price))])
    diagnosis = diagnose(exchange(c=book), "trade.order_not_filled", "c", Clues(), NOW)
    assert diagnosis.codes == (code,)


@settings(max_examples=60, deadline=None)
@given(
    price=st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2),
    amount=st.decimals(min_value=D("0.001"), max_value=D("10"), places=3),
    spare=st.decimals(min_value=D("-50"), max_value=D("50"), places=2),
)
def test_a_buy_is_short_exactly_when_cost_plus_taker_fee_exceeds_the_balance(
    price: Decimal, amount: Decimal, spare: Decimal
) -> None:
    needed = price * amount * D("1.001")
    available = max(needed + spare, D(0))
    diagnosis = _rejected([Balance("USDT", available, D("0"))], price=price, amount=amount,
                          reject_reason="risk_control")
    assert ("insufficient_balance" in diagnosis.codes) == (available < needed)


def test_open_order_without_a_market_price() -> None:
    book = CustomerBook(account("c"), orders=[order("o-1", pair="SOL/USDT")])
    diagnosis = diagnose(exchange(c=book), "trade.order_not_filled", "c", Clues(), NOW)
    assert diagnosis.codes == ("order_open",)
    assert "is open in the order book." in diagnosis.render("en")


def test_cancelled_order() -> None:
    book = CustomerBook(account("c"), orders=[
        order("o-1", status=OrderStatus.CANCELLED, filled=D("0.03")),
    ])
    diagnosis = diagnose(exchange(c=book), "trade.order_not_filled", "c", Clues(), NOW)
    assert diagnosis.codes == ("order_cancelled",)
    assert "0.03 of 0.1 BTC had been filled" in diagnosis.render("en")
