"""Name the difference between a domain label and a brand, when it is a typosquatter's kind.

Edit distance alone flags ordinary words ("finance" is one letter from "binance"), so each
edit is classified, and the looser the kind the longer the brand must be: look-alike
characters (rn for m, 1 for l) for any brand; a neighbouring key, two letters swapped or a
doubled letter from 5 letters; any other single edit from 8; two edits from 12. A candidate
made of dictionary words is someone else's name, unless the slip is a swap or a doubled letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA, Levenshtein

from .words import is_ordinary_name

_ROWS = ("1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_VISUAL = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("i", "l"), ("|", "l"))
_VISUAL_MIN = 3
_TYPO_SHAPED_MIN = 5
_ANY_EDIT_MIN = 8
_TWO_EDITS_MIN = 12
_UNMISTAKABLE = frozenset({"transposition", "repeated"})
"""Typos no one makes on purpose when naming a business, even if the result is a word."""


def _neighbours() -> dict[str, frozenset[str]]:
    """Keys touching each key on a staggered QWERTY layout."""
    where = {key: (r, c) for r, row in enumerate(_ROWS) for c, key in enumerate(row)}
    touching = {(0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)}
    return {
        key: frozenset(o for o, (r2, c2) in where.items() if (r2 - r, c2 - c) in touching)
        for key, (r, c) in where.items()
    }


_KEYBOARD = _neighbours()


@dataclass(frozen=True)
class Typo:
    kind: str
    """visual | keyboard | transposition | repeated | missing | extra | substitution | two_edits"""
    found: str = ""
    expected: str = ""


def visual_skeleton(name: str) -> str:
    """The name with ASCII look-alikes folded together (rn -> m, 0 -> o, 1/i -> l)."""
    for fake, real in _VISUAL:
        name = name.replace(fake, real)
    return name


def classify(candidate: str, brand: str) -> Typo | None:
    """How `candidate` imitates `brand` by a typo, or None when it does not."""
    if candidate == brand or len(brand) < _VISUAL_MIN:
        return None
    if visual_skeleton(candidate) == visual_skeleton(brand):
        return _visual(candidate, brand)
    if len(brand) >= _TWO_EDITS_MIN and candidate in brand and len(candidate) >= len(brand) - 2:
        return Typo("two_edits")  # the brand cut short: "etherwallet" for "myetherwallet"
    if len(brand) < _TYPO_SHAPED_MIN:
        return None
    typo = None
    if OSA.distance(candidate, brand) == 1:
        typo = _single_edit(candidate, brand)
    elif len(brand) >= _TWO_EDITS_MIN and Levenshtein.distance(candidate, brand) == 2:
        typo = Typo("two_edits")
    if typo is None or (typo.kind not in _UNMISTAKABLE and is_ordinary_name(candidate)):
        return None
    return typo


def _visual(candidate: str, brand: str) -> Typo:
    for fake, real in _VISUAL:
        if len(fake) > 1 and fake in candidate and fake not in brand and real in brand:
            return Typo("visual", fake, real)
    for op in Levenshtein.editops(brand, candidate):
        if op.tag == "replace":
            return Typo("visual", candidate[op.dest_pos], brand[op.src_pos])
    return Typo("visual")


def _single_edit(candidate: str, brand: str) -> Typo | None:
    if len(candidate) == len(brand) and Levenshtein.distance(candidate, brand) == 2:
        i = next(k for k in range(len(brand)) if candidate[k] != brand[k])
        return Typo("transposition", candidate[i : i + 2], brand[i : i + 2])
    op = Levenshtein.editops(brand, candidate)[0]
    if op.tag == "replace":
        found, expected = candidate[op.dest_pos], brand[op.src_pos]
        if found in _KEYBOARD.get(expected, ()):
            return Typo("keyboard", found, expected)
        typo = Typo("substitution", found, expected)
    elif op.tag == "insert":
        found = candidate[op.dest_pos]
        if candidate[max(0, op.dest_pos - 1) : op.dest_pos + 2].count(found) >= 2:
            return Typo("repeated", found)
        typo = Typo("extra", found)
    else:
        typo = Typo("missing", expected=brand[op.src_pos])
    return typo if len(brand) >= _ANY_EDIT_MIN else None
