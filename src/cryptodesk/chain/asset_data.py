"""The coins and tokens cryptodesk knows, as data, with the networks each typically travels on.

The first network of each asset is its home network; the rest are the token or bridged
versions exchanges commonly offer for deposit and withdrawal.
"""

from __future__ import annotations

from cryptodesk.chain.models import Asset

ASSETS: tuple[Asset, ...] = (
    Asset(
        id="BTC",
        name_en="Bitcoin",
        name_zh="比特币",
        aliases=("Bitcoin", "比特币", "BTC", "XBT"),
        networks=("BTC", "BSC"),
    ),
    Asset(
        id="ETH",
        name_en="Ether",
        name_zh="以太坊",
        aliases=("Ethereum", "Ether", "ETH", "以太坊", "以太币", "以太"),
        networks=("ETH", "ARBITRUM", "OPTIMISM", "BASE", "BSC"),
    ),
    Asset(
        id="USDT",
        name_en="Tether USD",
        name_zh="泰达币（USDT）",
        aliases=("USDT", "Tether", "泰达币", "泰达", "USDT-TRC20", "USDT-ERC20"),
        networks=("ETH", "TRX", "BSC", "SOL", "TON", "MATIC", "ARBITRUM", "OPTIMISM", "AVAXC"),
    ),
    Asset(
        id="USDC",
        name_en="USD Coin",
        name_zh="USDC",
        aliases=("USDC", "USD Coin", "USDC币"),
        networks=("ETH", "SOL", "BSC", "MATIC", "ARBITRUM", "OPTIMISM", "BASE", "AVAXC", "XLM"),
    ),
    Asset(
        id="BNB",
        name_en="BNB",
        name_zh="币安币（BNB）",
        aliases=("BNB", "币安币", "Binance Coin"),
        networks=("BSC",),
    ),
    Asset(
        id="TRX",
        name_en="TRON",
        name_zh="波场币（TRX）",
        aliases=("TRX", "TRON", "波场币", "Tronix"),
        networks=("TRX",),
    ),
    Asset(
        id="SOL",
        name_en="Solana",
        name_zh="Solana（SOL）",
        aliases=("SOL", "Solana", "索拉纳"),
        networks=("SOL",),
    ),
    Asset(
        id="XRP",
        name_en="XRP",
        name_zh="瑞波币（XRP）",
        aliases=("XRP", "Ripple", "瑞波币", "瑞波"),
        networks=("XRP",),
    ),
    Asset(
        id="XLM",
        name_en="Stellar Lumens",
        name_zh="恒星币（XLM）",
        aliases=("XLM", "Stellar", "Lumens", "Stellar Lumens", "恒星币"),
        networks=("XLM",),
    ),
    Asset(
        id="TON",
        name_en="Toncoin",
        name_zh="TON 币",
        aliases=("TON", "Toncoin", "TON币"),
        networks=("TON",),
    ),
    Asset(
        id="LTC",
        name_en="Litecoin",
        name_zh="莱特币",
        aliases=("LTC", "Litecoin", "莱特币"),
        networks=("LTC",),
    ),
    Asset(
        id="DOGE",
        name_en="Dogecoin",
        name_zh="狗狗币",
        aliases=("DOGE", "Dogecoin", "狗狗币", "狗币"),
        networks=("DOGE",),
    ),
    Asset(
        id="POL",
        name_en="POL (ex-MATIC)",
        name_zh="POL（原 MATIC）",
        aliases=("POL", "MATIC", "Polygon", "马蹄币"),
        networks=("MATIC", "ETH"),
    ),
    Asset(
        id="ARB",
        name_en="Arbitrum",
        name_zh="ARB",
        aliases=("ARB", "Arbitrum"),
        networks=("ARBITRUM", "ETH"),
    ),
    Asset(
        id="OP",
        name_en="Optimism",
        name_zh="OP",
        aliases=("OP", "Optimism"),
        networks=("OPTIMISM",),
    ),
    Asset(
        id="AVAX",
        name_en="Avalanche",
        name_zh="AVAX（雪崩）",
        aliases=("AVAX", "Avalanche", "雪崩币"),
        networks=("AVAXC",),
    ),
)
