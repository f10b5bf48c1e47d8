"""Turning evidence into words: amounts, durations, times and network names, in zh and en."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from cryptodesk.chain import network as find_network

Localized = Mapping[str, tuple[str, str]]  # name -> (English, Chinese)

_TIME_SUFFIXES = ("_at", "_until", "_since")


def zh(language: str) -> bool:
    return language.startswith("zh")


def amount(value: Decimal) -> str:
    """A Decimal as people write it: no exponent, no trailing zeros."""
    return format(value.normalize(), "f") if value else "0"


def percent(fraction: Decimal) -> str:
    """0.001 -> "0.1%"."""
    return amount((fraction * 100).quantize(Decimal("0.0001"))) + "%"


def timestamp(moment: datetime) -> str:
    """The form times take in evidence: ISO 8601, UTC, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def network_name(network_id: str, language: str) -> str:
    found = find_network(network_id)
    return found.name(language) if found else network_id


def _units(seconds: int) -> list[tuple[int, str]]:
    if seconds < 60:
        return [(seconds, "s")]
    if seconds < 3600:
        return [(max(1, round(seconds / 60)), "min")]
    if seconds < 86400:
        minutes = round(seconds / 60)
        return [(minutes // 60, "h"), (minutes % 60, "min")]
    hours = round(seconds / 3600)
    return [(hours // 24, "d"), (hours % 24, "h")]


_EN_UNITS = {"s": "second", "min": "minute", "h": "hour", "d": "day"}
_ZH_UNITS = {"s": "秒", "min": "分钟", "h": "小时", "d": "天"}


def duration(seconds: int, language: str) -> str:
    """A span in human units: "about 45 seconds", "约 1 小时 20 分钟"."""
    parts = [(n, unit) for n, unit in _units(max(0, int(seconds))) if n] or [(0, "s")]
    if zh(language):
        return "约 " + " ".join(f"{n} {_ZH_UNITS[u]}" for n, u in parts)
    words = [f"{n} {_EN_UNITS[u]}{'' if n == 1 else 's'}" for n, u in parts]
    return "about " + " ".join(words)


def when(moment: datetime, language: str) -> str:
    shown = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    return f"{shown}（UTC）" if zh(language) else f"{shown} UTC"


def listed(names: list[str], language: str, *, alternatives: bool = False) -> str:
    """"a, b and c" / "a、b、c"; with `alternatives`, "a, b or c" / "a或b或c"."""
    if zh(language):
        return ("或" if alternatives else "、").join(names)
    last = " or " if alternatives else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


def _time_values(key: str, raw: str, language: str, now: datetime) -> dict[str, str]:
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return {}
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    values = {f"{key}_text": when(moment, language)}
    delta = int((now - moment).total_seconds())
    if delta >= 0:
        values[f"{key}_ago"] = duration(delta, language)
    else:
        values[f"{key}_in"] = duration(-delta, language)
    return values


def _eta_values(raw: str, language: str) -> dict[str, str]:
    seconds = int(raw)
    return {"eta_text": duration(seconds, language)} if seconds > 0 else {}


def values(
    evidence: Mapping[str, str], language: str, now: datetime, localized: Localized | None = None
) -> dict[str, str]:
    """Everything a sentence template may name: the evidence plus its readable forms."""
    filled = dict(evidence)
    for key, raw in evidence.items():
        if key == "network" or key.endswith("_network"):
            filled[f"{key}_name"] = network_name(raw, language)
        elif key == "detected_networks":
            names = [network_name(n, language) for n in raw.split(",") if n]
            filled["detected_networks_names"] = listed(names, language, alternatives=True)
        elif key == "eta_seconds":
            filled.update(_eta_values(raw, language))
        elif key.endswith(_TIME_SUFFIXES):
            filled.update(_time_values(key, raw, language, now))
    for key, (en, zh_text) in (localized or {}).items():
        filled[key] = zh_text if zh(language) else en
    return filled


def rounded_up(value: Decimal, places: int = 8) -> Decimal:
    """Money someone must have: rounded up, so the figure we quote is always enough."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_UP).normalize()


def rounded(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
