"""Which of the options the bot just offered a customer's reply picks.

After "which of these do you mean?" a customer taps an option (the widget sends its label),
or types its number, or says "the second one" / "第二个" / "后者". Sent through the classifier,
"2" would be out of scope and a label could land on a third intent; so a reply that picks an
option is taken as that option. Anything else is a new question and is classified as usual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

Option = tuple[str, str]
"""(intent, label shown to the customer)."""

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "前者": 1, "后者": 2, "後者": 2,
}
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3}
_NUMBER = re.compile(
    r"(?:no\.?|number|option|#|选|選|选择|選擇|第)?\s*([1-9一二两兩三])\s*(?:个|個|项|項|号|號|条|條)?"
)
_ORDINAL = re.compile(r"(?:the\s+)?(\w+)(?:\s+one)?")
_EDGES = " \t\r\n.,!?;:()[]'\"。，！？；：、（）…~"


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split()).strip(_EDGES)


def chosen(reply: str, options: Sequence[Option]) -> str | None:
    """The intent of the option ``reply`` picks, or None when it picks none of them."""
    if not options:
        return None
    said = _folded(reply)
    for intent, label in options:
        if said and said == _folded(label):
            return intent
    position = _position(said)
    if position is not None and position <= len(options):
        return options[position - 1][0]
    return None


def _position(said: str) -> int | None:
    number = _NUMBER.fullmatch(said)
    if number:
        digit = number.group(1)
        return int(digit) if digit.isdigit() else _CHINESE_DIGITS[digit]
    ordinal = _ORDINAL.fullmatch(said)
    if ordinal:
        return _ORDINALS.get(ordinal.group(1))
    return _ORDINALS.get(said)
