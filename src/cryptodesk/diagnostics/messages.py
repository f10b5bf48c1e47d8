"""The sentence catalogue, and filling its parts from what a finding knows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from string import Formatter

from .texts import Part, Wording
from .texts_account import ACCOUNT
from .texts_deposits import DEPOSITS
from .texts_networks import NETWORKS
from .texts_trading import TRADING
from .texts_withdrawals import WITHDRAWALS

CATALOGUE: dict[str, Wording] = {**DEPOSITS, **WITHDRAWALS, **NETWORKS, **TRADING, **ACCOUNT}

_FORMATTER = Formatter()


def wording(code: str, variant: str | None = None) -> Wording:
    """The sentences for `code`, in the variant's flavour when it has one."""
    if variant and f"{code}.{variant}" in CATALOGUE:
        return CATALOGUE[f"{code}.{variant}"]
    return CATALOGUE[code]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def _shows(part: Part, values: Mapping[str, str]) -> bool:
    if part.unless is not None and part.unless in values:
        return False
    if part.when is not None and part.when not in values:
        return False
    return _fields(part.en) <= values.keys() and _fields(part.zh) <= values.keys()


def fill(parts: Sequence[Part], values: Mapping[str, str], language: str) -> tuple[str, ...]:
    """The parts whose evidence is known, in `language`, in catalogue order."""
    chinese = language.startswith("zh")
    return tuple(
        (part.zh if chinese else part.en).format_map(values)
        for part in parts
        if _shows(part, values)
    )
