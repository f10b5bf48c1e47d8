"""Lookups over the network and asset data, forgiving of the ways customers write names."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from cryptodesk.chain.asset_data import ASSETS
from cryptodesk.chain.models import Asset, Network
from cryptodesk.chain.network_data import NETWORKS

# Separators customers put in names ("ERC-20", "BNB Smart Chain", "TRON (TRC20)").
_SEPARATORS = re.compile(r"[\s\-_.·/()（）\[\]【】]+")
# Words that add nothing to a network name ("Tron network", "波场链", "TRC20网络").
_NOISE_SUFFIXES = ("mainnet", "network", "chain", "主网", "网络", "链")
_MAX_ALIAS_LEN = 64


def normalise_alias(text: str) -> str:
    """The key an alias is filed under: width-folded, case-folded, separators removed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SEPARATORS.sub("", folded)


def _candidates(text: str) -> list[str]:
    key = normalise_alias(text)
    keys = [key]
    for suffix in _NOISE_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            keys.append(key[: -len(suffix)])
    return keys


def _index(entries: tuple[Network, ...] | tuple[Asset, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in entries:
        for name in (entry.id, entry.name_en, entry.name_zh, *entry.aliases):
            key = normalise_alias(name)
            owner = index.setdefault(key, entry.id)
            if owner != entry.id:
                raise ValueError(f"alias {name!r} names both {owner} and {entry.id}")
    return index


_NETWORKS_BY_ID = {n.id: n for n in NETWORKS}
_ASSETS_BY_ID = {a.id: a for a in ASSETS}
_NETWORK_INDEX = _index(NETWORKS)
_ASSET_INDEX = _index(ASSETS)


def _resolve(text: object, index: dict[str, str]) -> str | None:
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_ALIAS_LEN:
        return None
    for key in _candidates(text):
        if key in index:
            return index[key]
    return None


def network(alias: str) -> Network | None:
    """The network a customer means by `alias` ("ERC-20", "波场", "bsc"...), or None."""
    found = _resolve(alias, _NETWORK_INDEX)
    return _NETWORKS_BY_ID[found] if found else None


def asset(alias: str) -> Asset | None:
    """The coin or token a customer means by `alias` ("泰达币", "tether", "btc"...), or None."""
    found = _resolve(alias, _ASSET_INDEX)
    return _ASSETS_BY_ID[found] if found else None


def networks() -> tuple[Network, ...]:
    return NETWORKS


def assets() -> tuple[Asset, ...]:
    return ASSETS


def _written_aliases(entries: tuple[Network, ...] | tuple[Asset, ...]) -> dict[str, str]:
    return {name: entry.id for entry in entries for name in (entry.id, *entry.aliases)}


@cache
def _network_aliases() -> dict[str, str]:
    return _written_aliases(NETWORKS)


@cache
def _asset_aliases() -> dict[str, str]:
    return _written_aliases(ASSETS)


def network_aliases() -> dict[str, str]:
    """Every network alias as customers write it, mapped to the network id.

    Meant for entity extraction: match the keys case-insensitively in text.
    """
    return dict(_network_aliases())


def asset_aliases() -> dict[str, str]:
    """Every asset alias as customers write it, mapped to the asset id."""
    return dict(_asset_aliases())
