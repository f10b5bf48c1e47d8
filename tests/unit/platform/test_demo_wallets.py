"""The demo's addresses are what their documented test keys derive to, and valid on chain."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from bip_utils import (
    EthAddrEncoder,
    P2WPKHAddrEncoder,
    Secp256k1PrivateKey,
    Secp256k1PublicKey,
    TrxAddrEncoder,
    XrpAddrEncoder,
)

from cryptodesk.chain import detect_networks, validate
from cryptodesk.platform import demo_wallets
from cryptodesk.platform.demo_wallets import Wallet

ENCODERS: dict[str, tuple[Callable[[Secp256k1PublicKey], str], str]] = {
    "btc": (lambda key: P2WPKHAddrEncoder.EncodeKey(key, hrp="bc"), "BTC"),
    "evm": (EthAddrEncoder.EncodeKey, "ETH"),
    "tron": (TrxAddrEncoder.EncodeKey, "TRX"),
    "xrp": (XrpAddrEncoder.EncodeKey, "XRP"),
}
WALLETS = {name: value for name, value in vars(demo_wallets).items()
           if isinstance(value, Wallet)}


def test_there_are_wallets_of_every_scheme() -> None:
    assert len(WALLETS) >= 20
    assert {w.scheme for w in WALLETS.values()} == set(ENCODERS)
    assert len({w.address for w in WALLETS.values()}) == len(WALLETS)


@pytest.mark.parametrize("name", sorted(WALLETS))
def test_each_wallet_derives_from_its_test_key(name: str) -> None:
    wallet = WALLETS[name]
    secret = hashlib.sha256(f"cryptodesk demo {name.lower()}".encode()).digest()
    encode, network = ENCODERS[wallet.scheme]
    assert encode(Secp256k1PrivateKey.FromBytes(secret).PublicKey()) == wallet.address
    check = validate(wallet.address, network)
    assert check.valid and check.reason == "ok" and check.checksummed is True
    assert network in detect_networks(wallet.address)
