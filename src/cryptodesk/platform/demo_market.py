"""The demo exchange's market-wide data: networks, fees, trading rules, prices, incidents.

Figures are typical of a large exchange, not any one exchange's. ERC20 (network "ETH")
withdrawals are suspended for wallet maintenance: demo-bob's case rests on it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from ..chain import assets, network
from .models import AssetNetworkStatus, FeeTier, Incident, PlatformStatus, Ticker, TradingRule

D = Decimal
SUSPENDED_NETWORK = "ETH"
MAINTENANCE_REASON = "wallet_maintenance"

# Stablecoins cost the same to move whichever coin it is: network -> withdraw fee.
_STABLE_FEES = {
    "ETH": "4.5", "TRX": "1", "BSC": "0.29", "SOL": "1", "TON": "0.5", "MATIC": "0.8",
    "ARBITRUM": "0.8", "OPTIMISM": "0.8", "AVAXC": "1", "BASE": "0.5", "XLM": "1",
}
_STABLE_WITHDRAW_MIN = "10"
_STABLE_DEPOSIT_MIN = "1"

# (asset, network) -> withdraw fee, withdraw minimum, deposit minimum
_COIN_FEES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("BTC", "BTC"): ("0.0002", "0.001", "0.0001"),
    ("BTC", "BSC"): ("0.00001", "0.0001", "0.000001"),
    ("ETH", "ETH"): ("0.0012", "0.01", "0.0001"),
    ("ETH", "ARBITRUM"): ("0.0001", "0.001", "0.00001"),
    ("ETH", "OPTIMISM"): ("0.0001", "0.001", "0.00001"),
    ("ETH", "BASE"): ("0.00005", "0.001", "0.00001"),
    ("ETH", "BSC"): ("0.0001", "0.001", "0.00001"),
    ("BNB", "BSC"): ("0.0005", "0.01", "0.001"),
    ("TRX", "TRX"): ("1", "10", "1"),
    ("SOL", "SOL"): ("0.008", "0.1", "0.01"),
    ("XRP", "XRP"): ("0.2", "2", "0.1"),
    ("XLM", "XLM"): ("0.02", "5", "0.1"),
    ("TON", "TON"): ("0.05", "1", "0.1"),
    ("LTC", "LTC"): ("0.001", "0.01", "0.001"),
    ("DOGE", "DOGE"): ("4", "20", "1"),
    ("POL", "MATIC"): ("0.1", "1", "0.1"),
    ("POL", "ETH"): ("10", "20", "1"),
    ("ARB", "ARBITRUM"): ("0.1", "1", "0.1"),
    ("ARB", "ETH"): ("5", "10", "1"),
    ("OP", "OPTIMISM"): ("0.1", "1", "0.1"),
    ("AVAX", "AVAXC"): ("0.01", "0.1", "0.01"),
}
_STABLECOINS = ("USDT", "USDC")

# pair -> min qty, min notional, tick size, step size, last price
_MARKETS: dict[str, tuple[str, str, str, str, str]] = {
    "BTC/USDT": ("0.00001", "5", "0.01", "0.00001", "64250.00"),
    "ETH/USDT": ("0.0001", "5", "0.01", "0.0001", "3120.50"),
    "SOL/USDT": ("0.001", "5", "0.01", "0.001", "142.35"),
    "XRP/USDT": ("0.1", "5", "0.0001", "0.1", "0.5821"),
    "TRX/USDT": ("1", "5", "0.00001", "1", "0.16342"),
    "DOGE/USDT": ("1", "5", "0.00001", "1", "0.12871"),
    "LTC/USDT": ("0.001", "5", "0.01", "0.001", "71.42"),
    "TON/USDT": ("0.01", "5", "0.001", "0.01", "5.214"),
    "BNB/USDT": ("0.001", "5", "0.01", "0.001", "588.30"),
    "ETH/BTC": ("0.0001", "0.0001", "0.00001", "0.0001", "0.04857"),
}

FEE_TIERS = (
    FeeTier("VIP0", maker=D("0.001"), taker=D("0.001")),
    FeeTier("VIP1", maker=D("0.0009"), taker=D("0.001"), min_30d_volume_usd=D("1000000")),
    FeeTier("VIP2", maker=D("0.0008"), taker=D("0.0009"), min_30d_volume_usd=D("5000000")),
    FeeTier("VIP3", maker=D("0.0007"), taker=D("0.0008"), min_30d_volume_usd=D("20000000")),
)


def _fees(asset_id: str, network_id: str) -> tuple[str, str, str]:
    if asset_id in _STABLECOINS:
        return _STABLE_FEES[network_id], _STABLE_WITHDRAW_MIN, _STABLE_DEPOSIT_MIN
    return _COIN_FEES[(asset_id, network_id)]


def network_statuses(now: datetime) -> list[AssetNetworkStatus]:
    """One status per coin and network it travels on, covering every network of the registry."""
    statuses = []
    for coin in assets():
        for network_id in coin.networks:
            fee, withdraw_min, deposit_min = _fees(coin.id, network_id)
            net = network(network_id)
            assert net is not None, network_id
            suspended = network_id == SUSPENDED_NETWORK
            statuses.append(AssetNetworkStatus(
                asset=coin.id, network=network_id, deposit_enabled=True,
                withdraw_enabled=not suspended, withdraw_fee=D(fee),
                withdraw_min=D(withdraw_min), deposit_min=D(deposit_min),
                confirmations_required=net.confirmations,
                maintenance_reason=MAINTENANCE_REASON if suspended else None,
                maintenance_until=now + timedelta(hours=2) if suspended else None,
            ))
    return statuses


def trading_rules() -> list[TradingRule]:
    rules = []
    for pair, (min_qty, min_notional, tick, step, _last) in _MARKETS.items():
        base, quote = pair.split("/")
        rules.append(TradingRule(
            pair=pair, base=base, quote=quote, min_qty=D(min_qty),
            min_notional=D(min_notional), tick_size=D(tick), step_size=D(step),
        ))
    return rules


def tickers(now: datetime) -> dict[str, Ticker]:
    return {
        pair: Ticker(pair=pair, last=D(row[4]), at=now - timedelta(seconds=2))
        for pair, row in _MARKETS.items()
    }


def platform_status(now: datetime) -> PlatformStatus:
    started = now - timedelta(days=23, hours=5)
    return PlatformStatus(incidents=(
        Incident(
            id="inc-btc-deposit-delay",
            title_en="Bitcoin deposits credited late",
            title_zh="比特币充值延迟到账",
            status="resolved",
            started_at=started,
            components=("deposits", "BTC"),
            resolved_at=started + timedelta(hours=2, minutes=40),
        ),
    ))
