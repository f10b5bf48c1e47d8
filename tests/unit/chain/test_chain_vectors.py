"""Published correctness vectors: Bitcoin Core's key_io files and the EIP-55 test cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cryptodesk.chain import detect_networks, validate

VECTORS = Path(__file__).parents[3] / ".." / "shared" / "data" / "crypto_address_key_vectors"


def _load_json(name: str) -> list[Any]:
    path = VECTORS / name
    if not path.is_file():
        pytest.skip(f"test vectors not present at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def _addresses(chain: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    rows = _load_json("bitcoin_key_io_valid.json")
    return [
        (text, meta)
        for text, _payload, meta in rows
        if not meta["isPrivkey"] and (chain is None or meta["chain"] == chain)
    ]


def test_mainnet_addresses_are_valid_bitcoin() -> None:
    rows = [(a, m) for a, m in _addresses("main") if not m.get("disabled")]
    assert len(rows) >= 10
    for text, meta in rows:
        variants = [text, text.swapcase()] if meta.get("tryCaseFlip") else [text]
        for candidate in variants:
            check = validate(candidate, "BTC")
            assert check.valid, (candidate, check.reason)
            assert check.checksummed is True
            assert detect_networks(candidate) == ("BTC",), candidate


def test_pre_bip350_witness_v1_plus_addresses_are_rejected() -> None:
    # Written with the original bech32 checksum; BIP350 moved versions 1+ to bech32m.
    disabled = [a for a, m in _addresses("main") if m.get("disabled")]
    assert disabled
    for text in disabled:
        check = validate(text, "BTC")
        assert not check.valid
        assert check.reason == "bad_checksum", text


def test_testnet_and_regtest_addresses_are_not_bitcoin_mainnet() -> None:
    rows = _addresses("test") + _addresses("regtest")
    assert rows
    for text, _meta in rows:
        check = validate(text, "BTC")
        assert not check.valid
        assert check.reason == "testnet", text
        assert "BTC" not in check.detected_networks


def test_private_keys_are_never_taken_for_addresses() -> None:
    keys = [
        text
        for text, _payload, meta in _load_json("bitcoin_key_io_valid.json")
        if meta["isPrivkey"]
    ]
    assert len(keys) == 27
    for key in keys:
        assert detect_networks(key) == (), key
        assert not validate(key).valid


def test_invalid_vectors_are_rejected_for_bitcoin() -> None:
    rows = _load_json("bitcoin_key_io_invalid.json")
    assert len(rows) == 60
    for (text,) in rows:
        check = validate(text, "BTC")
        assert not check.valid, text
        assert "BTC" not in detect_networks(text), text


def test_invalid_bech32_vectors_fail_for_a_stated_reason() -> None:
    rows = [r[0] for r in _load_json("bitcoin_key_io_invalid.json")]
    expected = {
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5": "bad_checksum",  # last character changed
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7": "bad_characters",
    }
    for text, reason in expected.items():
        assert text in rows
        assert validate(text).reason == reason, text


def _eip55() -> list[str]:
    path = VECTORS / "eip55_test_addresses.txt"
    if not path.is_file():
        pytest.skip(f"test vectors not present at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_eip55_vectors_are_checksummed_on_every_evm_network() -> None:
    vectors = _eip55()
    assert len(vectors) == 8
    for address in vectors:
        check = validate(address, "ERC20")
        assert check.valid and check.reason == "ok" and check.checksummed is True, address
        assert set(check.detected_networks) == {
            "ETH",
            "BSC",
            "MATIC",
            "ARBITRUM",
            "OPTIMISM",
            "BASE",
            "AVAXC",
        }


def test_eip55_one_letter_case_flipped_is_a_bad_checksum() -> None:
    mixed = [a for a in _eip55() if a[2:] not in (a[2:].lower(), a[2:].upper())]
    assert len(mixed) == 4
    for address in mixed:
        for i, char in enumerate(address[2:], start=2):
            if char.isalpha():
                typo = address[:i] + char.swapcase() + address[i + 1 :]
                check = validate(typo, "ETH")
                assert not check.valid and check.reason == "bad_checksum", typo
                assert check.checksummed is False


def test_eip55_mixed_case_written_in_lower_case_is_valid_but_unchecksummed() -> None:
    for address in _eip55():
        body = address[2:]
        if body in (body.lower(), body.upper()):
            continue
        check = validate("0x" + body.lower(), "BSC")
        assert check.valid and check.reason == "unchecksummed"
        assert check.checksummed is False
