"""Fresh secrets for every test: nothing here is a fixed key or phrase that could leak."""

from __future__ import annotations

import os
import random
from collections.abc import Callable

import pytest
from bip_utils import (
    Base58Encoder,
    Bip32Slip10Secp256k1,
    Bip39SeedGenerator,
    Bip44,
    Bip44Changes,
    Bip44Coins,
    Bip84,
    Bip84Coins,
    Ed25519PrivateKey,
    WifEncoder,
    WifPubKeyModes,
)
from mnemonic import Mnemonic

STRENGTH = {12: 128, 15: 160, 18: 192, 21: 224, 24: 256}
CHINESE = ("chinese_simplified", "chinese_traditional")


def _mnemonic(language: str = "english", words: int = 12) -> list[str]:
    return Mnemonic(language).generate(STRENGTH[words]).split()


def _drawn_mnemonic(language: str, words: int, seed: str) -> list[str]:
    """The same phrase on every run, for Chinese characters run together: the detector lets
    through the one random phrase in several thousand that reads like prose (chinese_prose:
    99.98% of random phrases score as not prose), and a test must not fail by chance."""
    entropy = random.Random(seed).randbytes(STRENGTH[words] // 8)
    return Mnemonic(language).to_mnemonic(entropy).split()


def _failing_checksum(language: str = "english", words: int = 12) -> list[str]:
    """List words that form no valid phrase in any list: a real phrase, last word changed."""
    phrase = _mnemonic(language, words)
    checkers = [Mnemonic(lang) for lang in {language, *(CHINESE if language in CHINESE else ())}]
    for candidate in Mnemonic(language).wordlist:
        attempt = [*phrase[:-1], candidate]
        if not any(checker.check(" ".join(attempt)) for checker in checkers):
            return attempt
    raise AssertionError("every last word passed the checksum")


def _bip39_seed() -> bytes:
    return Bip39SeedGenerator(" ".join(_mnemonic())).Generate()


def _solana_keypair() -> str:
    seed = os.urandom(32)
    public = Ed25519PrivateKey.FromBytes(seed).PublicKey().RawCompressed().ToBytes()[1:]
    return Base58Encoder.Encode(seed + public)


def _addresses() -> dict[str, str]:
    seed = _bip39_seed()

    def first(coin: Bip44Coins) -> str:
        account = Bip44.FromSeed(seed, coin).Purpose().Coin().Account(0)
        return account.Change(Bip44Changes.CHAIN_EXT).AddressIndex(0).PublicKey().ToAddress()

    segwit = Bip84.FromSeed(seed, Bip84Coins.BITCOIN).Purpose().Coin().Account(0)
    solana = Bip44.FromSeed(seed, Bip44Coins.SOLANA).Purpose().Coin().Account(0)
    return {
        "eth": first(Bip44Coins.ETHEREUM),
        "tron": first(Bip44Coins.TRON),
        "xrp": first(Bip44Coins.RIPPLE),
        "btc": segwit.Change(Bip44Changes.CHAIN_EXT).AddressIndex(0).PublicKey().ToAddress(),
        "sol": solana.PublicKey().ToAddress(),
    }


KEY_MAKERS: dict[str, Callable[[], str]] = {
    "raw_hex": lambda: os.urandom(32).hex(),
    "raw_hex_0x": lambda: "0x" + os.urandom(32).hex(),
    "raw_hex_upper": lambda: os.urandom(32).hex().upper(),
    "wif_compressed": lambda: WifEncoder.Encode(os.urandom(32)),
    "wif_uncompressed": lambda: WifEncoder.Encode(
        os.urandom(32), pub_key_mode=WifPubKeyModes.UNCOMPRESSED
    ),
    "xprv": lambda: Bip32Slip10Secp256k1.FromSeed(os.urandom(32)).PrivateKey().ToExtended(),
    "zprv": lambda: Bip84.FromSeed(_bip39_seed(), Bip84Coins.BITCOIN).PrivateKey().ToExtended(),
    "tprv": lambda: (
        Bip44.FromSeed(_bip39_seed(), Bip44Coins.BITCOIN_TESTNET).PrivateKey().ToExtended()
    ),
    "solana": _solana_keypair,
}


class Make:
    """What the tests generate; one instance per test, through the `make` fixture."""

    mnemonic = staticmethod(_mnemonic)
    drawn_mnemonic = staticmethod(_drawn_mnemonic)
    failing_checksum = staticmethod(_failing_checksum)
    solana_keypair = staticmethod(_solana_keypair)
    addresses = staticmethod(_addresses)

    @staticmethod
    def key(kind: str) -> str:
        return KEY_MAKERS[kind]()

    @staticmethod
    def tx_hash() -> str:
        return os.urandom(32).hex()


@pytest.fixture
def make() -> Make:
    return Make()


@pytest.fixture
def tx_hash() -> str:
    return Make.tx_hash()
