"""Orders that failed or do not fill: the balance maths with the fee, the market's rules, the
distance from the market price."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from cryptodesk.platform.models import FeeTier, Order, Ticker, TradingRule
from cryptodesk.platform.models import OrderStatus as Status
from cryptodesk.platform.port import Platform

from .compose import conclude, make
from .models import Clues, Diagnosis, FeeDisclosure, Finding, Inquiry
from .picking import no_match, pick, same, same_amount
from .wording import Localized, amount, percent, rounded, rounded_up, timestamp

Evidence = dict[str, str | None]

# A limit order further than this from the market is unlikely to fill soon.
FAR_FROM_MARKET = Decimal("0.05")

_OPEN = frozenset({Status.OPEN, Status.PARTIALLY_FILLED})
_SIDES = {"buy": ("buy", "买入"), "sell": ("sell", "卖出")}
_REPORTED = ("insufficient_balance", "below_min_notional", "below_min_qty", "trading_halted")


def diagnose(inquiry: Inquiry) -> Diagnosis:
    platform, clues = inquiry.platform, inquiry.clues
    wanted = _OPEN if inquiry.topic == "trade.order_not_filled" else {Status.REJECTED}

    def fits(o: Order) -> bool:
        return _fits(o, clues)

    chosen = pick(platform.orders(inquiry.customer_ref), fits, lambda o: o.status in wanted,
                  _created)
    if chosen is None:
        return no_match(inquiry, "order")
    rule = next((r for r in platform.trading_rules() if r.pair == chosen.pair), None)
    base = evidence(chosen, rule)
    words: Localized = {"side_word": _SIDES.get(chosen.side, (chosen.side, chosen.side))}
    now = inquiry.now
    fee = None
    if chosen.status is Status.REJECTED:
        findings, fee = _rejected(inquiry, chosen, rule, base, words)
    elif chosen.status in _OPEN:
        findings = [_open(platform, chosen, base, words, now)]
    elif chosen.status is Status.FILLED:
        findings = [make("order_filled", base, now, localized=words)]
    else:
        findings = [make("order_cancelled", base, now, localized=words)]
    return conclude(inquiry.topic, findings, fee=fee)


def _created(o: Order) -> datetime:
    return o.created_at


def _fits(o: Order, clues: Clues) -> bool:
    assets = {part.upper() for part in o.pair.split("/")}
    return (
        same(o.id, clues.order_id)
        and (clues.asset is None or clues.asset.upper() in assets)
        and same_amount((o.amount,), clues.amount)
    )


def _assets(o: Order, rule: TradingRule | None) -> tuple[str, str]:
    if rule is not None:
        return rule.base, rule.quote
    base, _, quote = o.pair.partition("/")
    return base, quote


def evidence(o: Order, rule: TradingRule | None) -> Evidence:
    base, quote = _assets(o, rule)
    return {
        "record": "order",
        "record_id": o.id,
        "status": str(o.status),
        "pair": o.pair,
        "base": base,
        "quote": quote,
        "side": o.side,
        "type": o.type,
        "amount": amount(o.amount),
        "filled": amount(o.filled) if o.filled else None,
        "price": amount(o.price) if o.price is not None else None,
        "stop_price": amount(o.stop_price) if o.stop_price is not None else None,
        "created_at": timestamp(o.created_at),
        "reject_reason": o.reject_reason,
    }


def _market(platform: Platform, pair: str) -> Ticker | None:
    try:
        return platform.ticker(pair)
    except LookupError:
        return None


def taker_rate(schedule: Sequence[FeeTier]) -> Decimal:
    """The entry tier's taker fee: what a buy is checked against before it is placed."""
    if not schedule:
        return Decimal(0)
    return min(schedule, key=lambda tier: tier.min_30d_volume_usd).taker


def _rejected(
    inquiry: Inquiry, o: Order, rule: TradingRule | None, base: Evidence, words: Localized
) -> tuple[list[Finding], FeeDisclosure | None]:
    """Redo the checks the exchange makes, so the answer carries the figures."""
    platform, now = inquiry.platform, inquiry.now
    market = _market(platform, o.pair)
    price = o.price if o.price is not None else (market.last if market else None)
    found: list[Finding] = []
    if rule is not None and not rule.trading_enabled:
        found.append(make("trading_halted", base, now, localized=words))
    if rule is not None and o.amount < rule.min_qty:
        ev = {**base, "min_qty": amount(rule.min_qty)}
        found.append(make("below_min_qty", ev, now, localized=words))
    if rule is not None and price is not None and price * o.amount < rule.min_notional:
        ev = {**base, "notional": amount(price * o.amount),
              "min_notional": amount(rule.min_notional)}
        found.append(make("below_min_notional", ev, now, localized=words))
    fee: FeeDisclosure | None = None
    if price is not None:
        balance_found, fee = _balance(inquiry, o, price, base, words)
        found.extend(balance_found)
    if not found:
        code = o.reject_reason if o.reject_reason in _REPORTED else "order_rejected"
        found.append(make(code, base, now, localized=words))
    return found, fee


def _balance(
    inquiry: Inquiry, o: Order, price: Decimal, base: Evidence, words: Localized
) -> tuple[list[Finding], FeeDisclosure]:
    """A buy needs price x amount x (1 + taker fee) of the quote asset; a sell, the amount."""
    rate = taker_rate(inquiry.platform.fee_schedule())
    cost = price * o.amount
    fee = rounded_up(cost * rate)
    base_asset, quote = base["base"] or "", base["quote"] or ""
    if o.side == "buy":
        asset, required = quote, rounded_up(cost + fee)
        disclosure = FeeDisclosure("buy", quote, cost, fee, cost + fee, rate)
    else:
        asset, required = base_asset, o.amount
        disclosure = FeeDisclosure("sell", quote, cost, fee, max(cost - fee, Decimal(0)), rate)
    balances = inquiry.platform.balances(inquiry.customer_ref)
    available = next((b.available for b in balances if b.asset.upper() == asset.upper()),
                     Decimal(0))
    if available >= required:
        return [], disclosure
    ev: Evidence = {
        **base,
        "asset": asset,
        "required": amount(required),
        "available": amount(available),
        "shortfall": amount(required - available),
    }
    if o.side == "buy":
        ev |= {"cost": amount(cost), "fee": amount(fee), "fee_rate": percent(rate)}
        if available >= cost:
            ev["fee_tipped"] = "true"
    return [make("insufficient_balance", ev, inquiry.now, localized=words)], disclosure


def _open(
    platform: Platform, o: Order, base: Evidence, words: Localized, now: datetime
) -> Finding:
    market = _market(platform, o.pair)
    if o.type != "limit" or o.price is None or market is None or not market.last:
        return make("order_open", base, now, localized=words)
    distance = (o.price - market.last) / market.last
    below = distance < 0
    ev = {
        **base,
        "market": amount(market.last),
        "market_at": timestamp(market.at),
        "distance_pct": amount(rounded(distance * 100)),
        "distance_abs": amount(rounded(abs(distance) * 100)),
    }
    direction = ("below", "低于") if below else ("above", "高于")
    shown: Localized = {**words, "direction_word": direction}
    waits = (o.side == "buy" and below) or (o.side == "sell" and not below)
    code = "limit_price_away_from_market" if waits and abs(distance) > FAR_FROM_MARKET else (
        "order_open"
    )
    return make(code, ev, now, localized=shown)

