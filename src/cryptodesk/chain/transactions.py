"""Transactions: which network a hash could belong to, and how long confirmations take."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import cache

from cryptodesk.chain.models import Network
from cryptodesk.chain.registry import network as find_network
from cryptodesk.chain.registry import networks

_MAX_HASH_LEN = 88  # the longest format: a Solana signature


@cache
def _pattern(net: Network) -> re.Pattern[str]:
    return re.compile(net.tx_hash_pattern)


def tx_hash_networks(text: str) -> tuple[str, ...]:
    """The networks whose transaction-hash format `text` fits, in registry order.

    A bare 64-hex string fits many chains; callers narrow it with the asset or network the
    customer named.
    """
    if not isinstance(text, str):
        return ()
    candidate = text.strip()
    if len(candidate) > _MAX_HASH_LEN:
        return ()
    return tuple(n.id for n in networks() if _pattern(n).fullmatch(candidate))


def _known(name: str | Network) -> Network:
    net = name if isinstance(name, Network) else find_network(name)
    if net is None:
        raise ValueError(f"unknown network: {name!r}")
    return net


def eta_seconds(
    network: str | Network,
    confirmations_done: int,
    confirmations_required: int | None = None,
) -> int:
    """Seconds until a transaction has the confirmations required, at the typical block time.

    `confirmations_required` defaults to what exchanges typically ask on that network.
    Raises ValueError for an unknown network or negative counts.
    """
    net = _known(network)
    required = net.confirmations if confirmations_required is None else confirmations_required
    if confirmations_done < 0 or required < 0:
        raise ValueError("confirmation counts cannot be negative")
    left = max(0, required - confirmations_done)
    # Fraction keeps 15 x 0.4 s at 6 s, where float arithmetic would round it up to 7.
    return math.ceil(left * Fraction(str(net.block_time_s)))


def explorer_url(network: str | Network, tx_hash: str) -> str:
    """The public block-explorer page of a transaction."""
    return _known(network).tx_url(tx_hash)
