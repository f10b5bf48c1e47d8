"""The network and asset registry: ids, aliases in English and Chinese, and data sanity."""

from __future__ import annotations

import dataclasses

import pytest

from cryptodesk.chain import (
    Family,
    asset,
    asset_aliases,
    assets,
    network,
    network_aliases,
    networks,
)

REQUIRED_NETWORKS = {
    "BTC": Family.BITCOIN,
    "ETH": Family.EVM,
    "BSC": Family.EVM,
    "TRX": Family.TRON,
    "SOL": Family.SOLANA,
    "XRP": Family.XRP,
    "XLM": Family.STELLAR,
    "TON": Family.TON,
    "LTC": Family.BITCOIN,
    "DOGE": Family.BITCOIN,
    "MATIC": Family.EVM,
    "ARBITRUM": Family.EVM,
    "OPTIMISM": Family.EVM,
    "BASE": Family.EVM,
    "AVAXC": Family.EVM,
}


def test_every_required_network_is_known_with_its_address_family() -> None:
    known = {n.id: n.family for n in networks()}
    assert known == REQUIRED_NETWORKS


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("ERC20", "ETH"),
        ("erc-20", "ETH"),
        ("Ethereum", "ETH"),
        ("以太坊", "ETH"),
        ("BEP20", "BSC"),
        ("BEP-20", "BSC"),
        ("bsc", "BSC"),
        ("BNB Smart Chain", "BSC"),
        ("币安智能链", "BSC"),
        ("TRC20", "TRX"),
        ("trc-20", "TRX"),
        ("Tron", "TRX"),
        ("波场", "TRX"),
        ("Polygon", "MATIC"),
        ("matic", "MATIC"),
        ("POL", "MATIC"),
        ("Arbitrum One", "ARBITRUM"),
        ("ARB", "ARBITRUM"),
        ("OP", "OPTIMISM"),
        ("Optimism", "OPTIMISM"),
        ("Base", "BASE"),
        ("AVAX C-Chain", "AVAXC"),
        ("Avalanche", "AVAXC"),
        ("Solana", "SOL"),
        ("SOL", "SOL"),
        ("SPL", "SOL"),
        ("Ripple", "XRP"),
        ("瑞波", "XRP"),
        ("Stellar", "XLM"),
        ("恒星", "XLM"),
        ("Toncoin", "TON"),
        ("Litecoin", "LTC"),
        ("莱特币", "LTC"),
        ("Dogecoin", "DOGE"),
        ("狗狗币", "DOGE"),
        ("Bitcoin", "BTC"),
        ("比特币", "BTC"),
        ("BTC", "BTC"),
        ("Segwit", "BTC"),
    ],
)
def test_network_aliases_in_english_and_chinese(alias: str, expected: str) -> None:
    found = network(alias)
    assert found is not None
    assert found.id == expected


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("  ERC20  ", "ETH"),
        ("ＥＲＣ２０", "ETH"),  # full-width, as Chinese input methods type it
        ("Tron network", "TRX"),
        ("波场链", "TRX"),
        ("TRON (TRC20)", "TRX"),  # the display name, copied back
        ("以太坊（ERC20）", "ETH"),
        ("BSC链", "BSC"),
    ],
)
def test_network_lookup_forgives_spacing_width_and_noise_words(alias: str, expected: str) -> None:
    found = network(alias)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("alias", ["", "   ", "ERC21", "Ethereum Classic", "链", "x" * 10_000])
def test_unknown_network_aliases_resolve_to_none(alias: str) -> None:
    assert network(alias) is None


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("泰达币", "USDT"),
        ("tether", "USDT"),
        ("比特币", "BTC"),
        ("以太坊", "ETH"),
        ("以太币", "ETH"),
        ("USDC", "USDC"),
        ("MATIC", "POL"),
        ("狗狗币", "DOGE"),
        ("瑞波币", "XRP"),
        ("Toncoin", "TON"),
    ],
)
def test_asset_aliases(alias: str, expected: str) -> None:
    found = asset(alias)
    assert found is not None and found.id == expected


def test_required_assets_are_known() -> None:
    ids = {a.id for a in assets()}
    required = {"BTC", "ETH", "USDT", "USDC", "BNB", "TRX", "SOL", "XRP", "XLM", "TON", "LTC"}
    assert required | {"DOGE", "POL", "ARB", "OP", "AVAX"} <= ids


def test_usdt_travels_on_the_networks_customers_use() -> None:
    usdt = asset("USDT")
    assert usdt is not None
    for net in ("ETH", "TRX", "BSC", "SOL", "TON", "MATIC", "ARBITRUM", "OPTIMISM", "AVAXC"):
        assert usdt.travels_on(net), net
    assert not usdt.travels_on("BTC")


def test_assets_and_networks_refer_to_each_other_consistently() -> None:
    network_ids = {n.id for n in networks()}
    asset_ids = {a.id for a in assets()}
    for a in assets():
        assert set(a.networks) <= network_ids, a.id
    for n in networks():
        assert n.native_asset in asset_ids, n.id
        native = asset(n.native_asset)
        assert native is not None and native.travels_on(n.id), n.id


def test_every_alias_resolves_back_to_its_own_entry() -> None:
    for n in networks():
        for alias in (n.id, n.name_en, n.name_zh, *n.aliases):
            found = network(alias)
            assert found is not None and found.id == n.id, alias
    for a in assets():
        for alias in (a.id, a.name_en, a.name_zh, *a.aliases):
            found = asset(alias)
            assert found is not None and found.id == a.id, alias


def test_alias_maps_for_entity_extraction() -> None:
    nets = network_aliases()
    assert nets["ERC20"] == "ETH"
    assert nets["币安智能链"] == "BSC"
    assert nets["TRC-20"] == "TRX"
    coins = asset_aliases()
    assert coins["泰达币"] == "USDT"
    assert coins["比特币"] == "BTC"
    nets["ERC20"] = "BTC"  # callers get a copy, not the registry itself
    assert network_aliases()["ERC20"] == "ETH"


def test_memo_rules() -> None:
    xrp, xlm, ton = network("XRP"), network("XLM"), network("TON")
    assert xrp is not None and xrp.memo is not None
    assert (xrp.memo.name_en, xrp.memo.name_zh) == ("destination tag", "目标标签")
    assert xlm is not None and xlm.memo is not None
    assert (xlm.memo.name_en, xlm.memo.name_zh) == ("memo", "备注")
    assert ton is not None and ton.memo is not None and ton.memo.name_en == "comment"
    for plain in ("BTC", "ETH", "TRX", "SOL", "BSC"):
        found = network(plain)
        assert found is not None and found.memo is None, plain


@pytest.mark.parametrize(
    ("net_id", "block_time", "confirmations"),
    [("BTC", 600, 2), ("TRX", 3, 20), ("BSC", 3, 15), ("ETH", 12, 64)],
)
def test_block_times_and_confirmations(net_id: str, block_time: float, confirmations: int) -> None:
    found = network(net_id)
    assert found is not None
    assert (found.block_time_s, found.confirmations) == (block_time, confirmations)


def test_explorer_links_put_the_hash_in_the_page_address() -> None:
    tx = "ab" * 32
    for n in networks():
        url = n.tx_url(tx)
        assert url.startswith("https://"), n.id
        assert tx in url and "{tx}" not in url, n.id


def test_registry_entries_are_frozen() -> None:
    eth = network("ETH")
    assert eth is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        eth.confirmations = 1  # type: ignore[misc]
