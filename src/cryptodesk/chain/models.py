"""The shapes of the chain registry: networks, their address formats, memo rules and assets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    """How a network writes its addresses; networks of one family share one checker."""

    EVM = "evm"
    BITCOIN = "bitcoin"
    TRON = "tron"
    SOLANA = "solana"
    XRP = "xrp"
    STELLAR = "stellar"
    TON = "ton"


@dataclass(frozen=True)
class AddressFormat:
    """Everything the address checker needs to know about one network's addresses.

    Bitcoin-like networks differ only in version bytes and bech32 prefix, so those are data.
    """

    family: Family
    p2pkh: tuple[int, ...] = ()
    p2sh: tuple[int, ...] = ()
    hrp: str | None = None
    testnet_p2pkh: tuple[int, ...] = ()
    testnet_p2sh: tuple[int, ...] = ()
    testnet_hrps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Memo:
    """The extra field a shared exchange deposit address needs to credit the right account."""

    name_en: str
    name_zh: str
    required: bool = True


@dataclass(frozen=True)
class Network:
    """One blockchain network a coin or token travels on."""

    id: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...]
    native_asset: str
    address: AddressFormat
    tx_hash_pattern: str
    block_time_s: float
    confirmations: int
    explorer_tx_url: str
    memo: Memo | None = None

    @property
    def family(self) -> Family:
        return self.address.family

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def tx_url(self, tx_hash: str) -> str:
        """The public explorer page of a transaction on this network."""
        return self.explorer_tx_url.format(tx=tx_hash.strip())


@dataclass(frozen=True)
class Asset:
    """A coin or token, and the networks an exchange typically lets it travel on."""

    id: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...]
    networks: tuple[str, ...]

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def travels_on(self, network_id: str) -> bool:
        return network_id in self.networks
