"""Addresses derived here from random private keys with bip-utils, for every address family.

The keys come from a seeded generator so a failure can be replayed.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from bip_utils import (
    CoinsConf,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    EthAddrEncoder,
    P2PKHAddrEncoder,
    P2SHAddrEncoder,
    P2TRAddrEncoder,
    P2WPKHAddrEncoder,
    Secp256k1PrivateKey,
    Secp256k1PublicKey,
    SegwitBech32Encoder,
    SolAddrEncoder,
    TonAddrEncoder,
    TonAddrVersions,
    TrxAddrEncoder,
    XlmAddrEncoder,
    XlmAddrTypes,
    XrpAddrEncoder,
)

from cryptodesk.chain import detect_networks, validate

KEYS_PER_CASE = 5
EVM = ("ETH", "BSC", "MATIC", "ARBITRUM", "OPTIMISM", "BASE", "AVAXC")

_BTC = CoinsConf.BitcoinMainNet
_LTC = CoinsConf.LitecoinMainNet
_DOGE = CoinsConf.DogecoinMainNet

Secp = Callable[[Secp256k1PublicKey], str]
Ed = Callable[[Ed25519PublicKey], str]

SECP256K1_CASES: dict[str, tuple[Secp, tuple[str, ...], str | None]] = {
    "btc-p2pkh": (
        lambda k: P2PKHAddrEncoder.EncodeKey(k, net_ver=_BTC.ParamByKey("p2pkh_net_ver")),
        ("BTC",),
        "p2pkh",
    ),
    "btc-p2sh-p2wpkh": (
        lambda k: P2SHAddrEncoder.EncodeKey(k, net_ver=_BTC.ParamByKey("p2sh_net_ver")),
        ("BTC",),
        "p2sh",
    ),
    "btc-p2wpkh": (lambda k: P2WPKHAddrEncoder.EncodeKey(k, hrp="bc"), ("BTC",), "p2wpkh"),
    "btc-p2tr": (lambda k: P2TRAddrEncoder.EncodeKey(k, hrp="bc"), ("BTC",), "p2tr"),
    "ltc-p2pkh": (
        lambda k: P2PKHAddrEncoder.EncodeKey(k, net_ver=_LTC.ParamByKey("p2pkh_std_net_ver")),
        ("LTC",),
        "p2pkh",
    ),
    "ltc-p2sh": (
        lambda k: P2SHAddrEncoder.EncodeKey(k, net_ver=_LTC.ParamByKey("p2sh_std_net_ver")),
        ("LTC",),
        "p2sh",
    ),
    "ltc-p2wpkh": (lambda k: P2WPKHAddrEncoder.EncodeKey(k, hrp="ltc"), ("LTC",), "p2wpkh"),
    "doge-p2pkh": (
        lambda k: P2PKHAddrEncoder.EncodeKey(k, net_ver=_DOGE.ParamByKey("p2pkh_net_ver")),
        ("DOGE",),
        "p2pkh",
    ),
    "doge-p2sh": (
        lambda k: P2SHAddrEncoder.EncodeKey(k, net_ver=_DOGE.ParamByKey("p2sh_net_ver")),
        ("DOGE",),
        "p2sh",
    ),
    "evm": (EthAddrEncoder.EncodeKey, EVM, None),
    "tron": (TrxAddrEncoder.EncodeKey, ("TRX",), "base58"),
    "xrp": (XrpAddrEncoder.EncodeKey, ("XRP",), "classic"),
}

ED25519_CASES: dict[str, tuple[Ed, tuple[str, ...], str | None]] = {
    "solana": (SolAddrEncoder.EncodeKey, ("SOL",), None),
    "stellar": (
        lambda k: XlmAddrEncoder.EncodeKey(k, addr_type=XlmAddrTypes.PUB_KEY),
        ("XLM",),
        None,
    ),
    "ton-v4-non-bounceable": (TonAddrEncoder.EncodeKey, ("TON",), "non-bounceable"),
    "ton-v5-bounceable": (
        lambda k: TonAddrEncoder.EncodeKey(k, version=TonAddrVersions.V5R1, is_bounceable=True),
        ("TON",),
        "bounceable",
    ),
}


def _secp_keys(seed: str) -> list[Secp256k1PublicKey]:
    rng = random.Random(seed)
    return [
        Secp256k1PrivateKey.FromBytes(rng.randbytes(32)).PublicKey() for _ in range(KEYS_PER_CASE)
    ]


def _ed_keys(seed: str) -> list[Ed25519PublicKey]:
    rng = random.Random(seed)
    return [
        Ed25519PrivateKey.FromBytes(rng.randbytes(32)).PublicKey() for _ in range(KEYS_PER_CASE)
    ]


def _derived() -> list[tuple[str, str, tuple[str, ...], str | None]]:
    rows = []
    for name, (encode, nets, kind) in SECP256K1_CASES.items():
        rows += [(name, encode(k), nets, kind) for k in _secp_keys(name)]
    for name, (encode_ed, nets, kind) in ED25519_CASES.items():
        rows += [(name, encode_ed(k), nets, kind) for k in _ed_keys(name)]
    return rows


DERIVED = _derived()


@pytest.mark.parametrize(("case", "address", "nets", "kind"), DERIVED)
def test_derived_addresses_are_valid_where_they_belong(
    case: str, address: str, nets: tuple[str, ...], kind: str | None
) -> None:
    assert detect_networks(address) == nets
    for net in nets:
        check = validate(address, net)
        assert check.valid and check.reason == "ok", (case, address, check.reason)
        assert check.kind == kind
        expected_checksummed = None if case == "solana" else True
        assert check.checksummed is expected_checksummed


@pytest.mark.parametrize(("case", "address", "nets", "kind"), DERIVED)
def test_derived_addresses_are_the_wrong_network_elsewhere(
    case: str, address: str, nets: tuple[str, ...], kind: str | None
) -> None:
    other = "TRX" if nets[0] != "TRX" else "ETH"
    check = validate(address, other)
    assert (check.valid, check.reason, check.detected_networks) == (False, "wrong_network", nets)


def _alphabet(case: str) -> str:
    if case.startswith(("btc-p2w", "btc-p2tr", "ltc-p2w")):
        return "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    if case == "stellar":
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    if case.startswith("ton"):
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    if case == "xrp":
        return "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
    return "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


CHECKSUMMED = [row for row in DERIVED if row[0] not in ("solana", "evm")]


@pytest.mark.parametrize(("case", "address", "nets", "kind"), CHECKSUMMED)
def test_one_character_changed_in_a_derived_address_is_a_bad_checksum(
    case: str, address: str, nets: tuple[str, ...], kind: str | None
) -> None:
    rng = random.Random(address)
    alphabet = _alphabet(case)
    # Past the prefix (bc1, T, r, EQ...), so the change keeps the address recognisable.
    i = rng.randrange(6, len(address))
    replacement = rng.choice([c for c in alphabet if c != address[i]])
    typo = address[:i] + replacement + address[i + 1 :]
    check = validate(typo, nets[0])
    assert (check.valid, check.reason) == (False, "bad_checksum"), (address, typo)
    assert detect_networks(typo) == ()


@pytest.mark.parametrize("key", _secp_keys("evm-case"))
def test_evm_case_typos_are_caught_by_eip55(key: Secp256k1PublicKey) -> None:
    address = EthAddrEncoder.EncodeKey(key)
    letters = [i for i, c in enumerate(address) if i >= 2 and c.isalpha()]
    i = random.Random(address).choice(letters)
    typo = address[:i] + address[i].swapcase() + address[i + 1 :]
    assert validate(typo, "ETH").reason == "bad_checksum"
    lower = validate(address.lower(), "ETH")
    assert (lower.valid, lower.checksummed) == (True, False)


def test_p2wsh_from_random_script_hashes() -> None:
    rng = random.Random("p2wsh")
    for _ in range(KEYS_PER_CASE):
        address = SegwitBech32Encoder.Encode("bc", 0, rng.randbytes(32))
        check = validate(address, "BTC")
        assert check.valid and check.kind == "p2wsh"
        assert validate(address, "LTC").reason == "wrong_network"


def test_litecoin_segwit_asked_as_bitcoin() -> None:
    address = P2WPKHAddrEncoder.EncodeKey(_secp_keys("ltc-as-btc")[0], hrp="ltc")
    check = validate(address, "BTC")
    assert (check.reason, check.detected_networks) == ("wrong_network", ("LTC",))
    assert check.message_en == "This is a valid Litecoin address, not a Bitcoin one."
