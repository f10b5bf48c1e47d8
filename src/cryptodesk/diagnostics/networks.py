"""Network state as the flows need it: suspensions, their expected end, confirmation ETAs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from cryptodesk.chain import eta_seconds, explorer_url
from cryptodesk.platform.models import AssetNetworkStatus

from .compose import make
from .models import Clues, Finding
from .wording import listed, timestamp

_DIRECTION_WORDS = {
    "withdrawal": ("withdrawals", "提币"),
    "deposit": ("deposits", "充值"),
    "both": ("deposits and withdrawals", "充值和提币"),
}


def find_status(
    statuses: Iterable[AssetNetworkStatus], asset: str, network: str
) -> AssetNetworkStatus | None:
    wanted = (asset.upper(), network.upper())
    return next((s for s in statuses if (s.asset.upper(), s.network.upper()) == wanted), None)


def suspended_direction(status: AssetNetworkStatus) -> str | None:
    if not status.deposit_enabled and not status.withdraw_enabled:
        return "both"
    if not status.withdraw_enabled:
        return "withdrawal"
    return None if status.deposit_enabled else "deposit"


def maintenance_evidence(status: AssetNetworkStatus) -> dict[str, str | None]:
    until = status.maintenance_until
    return {
        "asset": status.asset,
        "network": status.network,
        "direction": suspended_direction(status),
        "reason": status.maintenance_reason,
        "maintenance_until": timestamp(until) if until else None,
    }


def suspension(
    status: AssetNetworkStatus,
    now: datetime,
    *,
    record: Mapping[str, str | None] | None = None,
    variant: str | None = None,
) -> Finding:
    """network_suspended, about a held record (the default wording) or the network itself."""
    evidence = {**(record or {}), **maintenance_evidence(status)}
    direction = evidence.get("direction") or "withdrawal"
    localized = {"direction_word": _DIRECTION_WORDS[direction]}
    return make("network_suspended", evidence, now, variant=variant, localized=localized)


def suspended(
    statuses: Iterable[AssetNetworkStatus], clues: Clues, directions: tuple[str, ...]
) -> list[AssetNetworkStatus]:
    """The networks suspended in one of `directions`, narrowed by the asset and network named."""
    return [
        s
        for s in statuses
        if suspended_direction(s) in directions
        and (clues.asset is None or s.asset.upper() == clues.asset.upper())
        and (clues.network is None or s.network.upper() == clues.network.upper())
    ]


def paused_findings(
    statuses: Iterable[AssetNetworkStatus],
    clues: Clues,
    directions: tuple[str, ...],
    now: datetime,
) -> list[Finding]:
    """One network_suspended per network and maintenance, naming every coin it holds up."""
    groups: dict[tuple[object, ...], list[AssetNetworkStatus]] = {}
    for status in suspended(statuses, clues, directions):
        key = (status.network, suspended_direction(status), status.maintenance_reason,
               status.maintenance_until)
        groups.setdefault(key, []).append(status)
    found = []
    for group in groups.values():
        assets = [s.asset for s in group]
        evidence = {**maintenance_evidence(group[0]), "asset": None, "assets": ",".join(assets)}
        direction = evidence["direction"] or "withdrawal"
        localized = {
            "direction_word": _DIRECTION_WORDS[direction],
            "asset": (listed(assets, "en"), listed(assets, "zh")),
        }
        found.append(make("network_suspended", evidence, now, variant="network",
                          localized=localized))
    return found


def confirmations_left(network: str, done: int, required: int) -> int | None:
    """Seconds until `required` confirmations, or None for a network the registry lacks."""
    try:
        return eta_seconds(network, done, required)
    except ValueError:
        return None


def explorer(network: str, tx_hash: str | None) -> str | None:
    if not tx_hash:
        return None
    try:
        return explorer_url(network, tx_hash)
    except ValueError:
        return None
