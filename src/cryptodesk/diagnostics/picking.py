"""Choosing the record a customer means, and saying so plainly when none fits.

Every clue the customer gave must fit: "my USDT withdrawal" never settles on a BTC one. Among
the records that fit, the flow's preference (say, not yet completed) wins, then the newest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from .compose import conclude, make
from .models import Clues, Diagnosis, Inquiry
from .wording import listed, network_name

T = TypeVar("T")

_CLUE_NAMES = {
    "order_id": ("order ID", "订单号"),
    "tx_hash": ("TxID", "TxID"),
    "asset": ("coin", "币种"),
    "network": ("network", "网络"),
    "amount": ("amount", "金额"),
    "address": ("address", "地址"),
}
_RECORD_WORDS = {
    "deposit": ("deposit", "充值记录"),
    "withdrawal": ("withdrawal", "提币记录"),
    "order": ("order", "订单"),
}


def same(recorded: str | None, said: str | None) -> bool:
    """Case-blind equality; a clue the customer did not give always fits."""
    if said is None:
        return True
    return recorded is not None and recorded.strip().casefold() == said.strip().casefold()


def same_hash(recorded: str | None, said: str | None) -> bool:
    """Transaction hashes, with or without their 0x."""
    if said is None:
        return True
    if recorded is None:
        return False
    return _bare(recorded) == _bare(said)


def _bare(tx_hash: str) -> str:
    return tx_hash.strip().casefold().removeprefix("0x")


def same_amount(recorded: Sequence[Decimal], said: Decimal | None) -> bool:
    return said is None or said in recorded


def pick(
    records: Sequence[T],
    fits: Callable[[T], bool],
    prefer: Callable[[T], bool],
    created: Callable[[T], datetime],
) -> T | None:
    found = sorted((r for r in records if fits(r)), key=created, reverse=True)
    preferred = [r for r in found if prefer(r)]
    return (preferred or found or [None])[0]


def describe(clues: Clues) -> tuple[str, str] | None:
    """The clues as a phrase in both languages, to say what we looked for."""
    given = clues.given()
    if not given:
        return None
    en, zh = [], []
    for key, raw in given.items():
        name_en, name_zh = _CLUE_NAMES[key]
        shown_en = network_name(raw, "en") if key == "network" else raw
        shown_zh = network_name(raw, "zh") if key == "network" else raw
        en.append(f"{name_en} {shown_en}")
        zh.append(f"{name_zh} {shown_zh}")
    return listed(en, "en"), listed(zh, "zh")


def no_match(inquiry: Inquiry, record: str, *, team: str | None = None) -> Diagnosis:
    """Nothing fits: say what we looked for and ask for the identifier that settles it."""
    localized = {"record_word": _RECORD_WORDS[record]}
    searched = describe(inquiry.clues)
    if searched:
        localized["searched"] = searched
    evidence = {"record": record, **inquiry.clues.given()}
    finding = make("no_matching_record", evidence, inquiry.now, variant=record,
                   localized=localized)
    return conclude(inquiry.topic, [finding], team=team)
