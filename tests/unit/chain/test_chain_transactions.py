"""Transaction-hash formats, confirmation ETAs and explorer links."""

from __future__ import annotations

import random

import pytest
from bip_utils import Base58Encoder

from cryptodesk.chain import eta_seconds, explorer_url, network, tx_hash_networks

EVM = ("ETH", "BSC", "MATIC", "ARBITRUM", "OPTIMISM", "BASE", "AVAXC")
BTC_GENESIS_COINBASE = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"


def test_evm_hash_fits_the_evm_networks_only() -> None:
    assert tx_hash_networks("0x" + BTC_GENESIS_COINBASE) == EVM
    assert tx_hash_networks("0x" + BTC_GENESIS_COINBASE.upper()) == EVM


def test_bare_lowercase_hex_fits_the_chains_that_write_hashes_that_way() -> None:
    assert tx_hash_networks(BTC_GENESIS_COINBASE) == ("BTC", "TRX", "XLM", "TON", "LTC", "DOGE")


def test_xrp_hashes_are_upper_case_hex() -> None:
    fits = tx_hash_networks(BTC_GENESIS_COINBASE.upper())
    assert "XRP" in fits and "BTC" in fits
    assert "XRP" not in tx_hash_networks(BTC_GENESIS_COINBASE)


def test_solana_signature() -> None:
    rng = random.Random("sol-signature")
    for _ in range(20):
        signature = Base58Encoder.Encode(bytes([rng.randrange(1, 256)]) + rng.randbytes(63))
        assert tx_hash_networks(signature) == ("SOL",), signature


def test_ton_base64_hash() -> None:
    assert tx_hash_networks("rLn2Hhpk5Bn8hDT2aQ3HD3e9aI3DufT+5VkQvmm0Aew=") == ("TON",)
    assert tx_hash_networks("rLn2Hhpk5Bn8hDT2aQ3HD3e9aI3DufT-5VkQvmm0Aew=") == ("TON",)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        BTC_GENESIS_COINBASE[:-1],
        BTC_GENESIS_COINBASE + "0",
        "0x" + "g" * 64,
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "x" * 100_000,
    ],
)
def test_non_hashes_fit_nothing(text: str) -> None:
    assert tx_hash_networks(text) == ()


def test_surrounding_whitespace_is_ignored() -> None:
    assert "BTC" in tx_hash_networks(f"  {BTC_GENESIS_COINBASE}\n")


@pytest.mark.parametrize(
    ("net", "done", "required", "expected"),
    [
        ("TRX", 5, 20, 45),  # 15 blocks x 3 s
        ("TRC20", 5, None, 45),  # the network's typical 20, through an alias
        ("BTC", 1, None, 600),
        ("BTC", 0, 6, 3600),
        ("ETH", 0, None, 64 * 12),
        ("SOL", 17, None, 6),  # 15 slots x 0.4 s is 6 s, not 7
        ("ARBITRUM", 0, 3, 1),  # 0.75 s rounds up to a whole second
        ("BSC", 15, None, 0),
        ("BSC", 40, None, 0),  # more than required: nothing left to wait
    ],
)
def test_eta(net: str, done: int, required: int | None, expected: int) -> None:
    assert eta_seconds(net, done, required) == expected


def test_eta_accepts_a_network_object() -> None:
    tron = network("波场")
    assert tron is not None
    assert eta_seconds(tron, 0) == 60


def test_eta_rejects_unknown_networks_and_negative_counts() -> None:
    with pytest.raises(ValueError, match="unknown network"):
        eta_seconds("NOPE", 1)
    with pytest.raises(ValueError):
        eta_seconds("BTC", -1)
    with pytest.raises(ValueError):
        eta_seconds("BTC", 0, -2)


def test_explorer_url() -> None:
    assert explorer_url("TRC20", "ab" * 32) == "https://tronscan.org/#/transaction/" + "ab" * 32
    assert explorer_url("ETH", " 0x" + "cd" * 32 + " ") == "https://etherscan.io/tx/0x" + "cd" * 32
    with pytest.raises(ValueError):
        explorer_url("NOPE", "ab" * 32)
