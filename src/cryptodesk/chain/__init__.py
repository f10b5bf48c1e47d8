"""What cryptodesk knows of blockchains: assets, networks, addresses, transactions.

Pure logic: no network access, no storage.
"""

from cryptodesk.chain.models import AddressFormat, Asset, Family, Memo, Network
from cryptodesk.chain.registry import (
    asset,
    asset_aliases,
    assets,
    network,
    network_aliases,
    networks,
    normalise_alias,
)
from cryptodesk.chain.transactions import eta_seconds, explorer_url, tx_hash_networks
from cryptodesk.chain.validation import REASONS, AddressCheck, detect_networks, validate

__all__ = [
    "REASONS",
    "AddressCheck",
    "AddressFormat",
    "Asset",
    "Family",
    "Memo",
    "Network",
    "asset",
    "asset_aliases",
    "assets",
    "detect_networks",
    "eta_seconds",
    "explorer_url",
    "network",
    "network_aliases",
    "networks",
    "normalise_alias",
    "tx_hash_networks",
    "validate",
]
