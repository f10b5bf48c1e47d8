"""Which language a customer wrote in: ``zh``, ``en`` or ``mixed``.

Customers of an exchange write Chinese sprinkled with tickers and network names ("USDT提现到
TRC20地址"), which is Chinese; and Chinese with real English words ("提现一直pending"), which is
mixed. So tickers, codes and numbers (all capitals or containing digits) count for neither side,
and an English word weighs about as much as two Chinese characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Language = Literal["zh", "en", "mixed"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
# Share of the minority language above which a message reads as mixed.
_MIXED_SHARE = 0.25
_WORD_WEIGHT = 2.0


def _is_code(word: str) -> bool:
    """USDT, TRC20, 2FA, BEP20: names that both languages use as they are."""
    return (len(word) > 1 and word.isupper()) or any(ch.isdigit() for ch in word)


def language_weights(text: str) -> tuple[float, float]:
    """(Chinese weight, English weight) of the text; tickers and numbers weigh nothing."""
    text = unicodedata.normalize("NFKC", text)
    zh = float(len(_HAN.findall(text)))
    words = [w for w in _LATIN_WORD.findall(text) if not _is_code(w)]
    en = _WORD_WEIGHT * len(words)
    return zh, en


def detect_language(text: str) -> Language:
    """The language to answer in; text with neither Chinese nor English words reads as ``en``."""
    zh, en = language_weights(text)
    if zh == 0:
        return "en"
    if en == 0:
        return "zh"
    minority = min(zh, en) / (zh + en)
    if minority >= _MIXED_SHARE:
        return "mixed"
    return "zh" if zh > en else "en"
