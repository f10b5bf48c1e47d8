"""One spelling per meaning, so the classifier sees ``ＵＳＤＴ提幣`` and ``usdt提币`` alike.

NFKC folds full-width letters, digits and punctuation to their half-width forms; case is
folded; traditional characters become simplified with zhconv's mainland vocabulary (帳號 →
账号, 軟體 → 软件), run only when the text holds Han characters because it is the slow step.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from functools import lru_cache

import zhconv

from .errors import check_text

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACE = re.compile(r"\s+")
_load_lock = threading.Lock()


def _load_dictionary() -> None:
    """zhconv's own loader leaves its JSON file open (a ResourceWarning); give it a path."""
    with _load_lock:
        if zhconv.zhconv.zhcdicts is None:
            zhconv.loaddict(os.path.join(os.path.dirname(zhconv.zhconv.__file__), "zhcdict.json"))


@lru_cache(maxsize=8192)
def _simplified(text: str) -> str:
    if zhconv.zhconv.zhcdicts is None:
        _load_dictionary()
    return str(zhconv.convert(text, "zh-cn"))


def normalise(text: str) -> str:
    """Width, case and script folded; whitespace collapsed. Refuses empty or over-long text."""
    check_text(text)
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _HAN.search(folded):
        folded = _simplified(folded)
    return _SPACE.sub(" ", folded).strip()
