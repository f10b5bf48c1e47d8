"""Tell Chinese prose from a run of random wordlist characters.

Most common Chinese characters are BIP39 words, so ordinary sentences are full of long runs of
them, and one random 12-character window in 16 passes the checksum by chance. A seed phrase is
drawn uniformly from the 2,048 characters; prose follows word structure. We score a window by
the mean log-likelihood ratio of a small character bigram model against that uniform draw. The
model is built from the word frequencies in jieba's bundled dictionary; traditional characters
are read as their simplified twins, which the two BIP39 lists give index by index.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import pairwise
from pathlib import Path

from .wordlists import SIMPLIFIED, TRADITIONAL, wordlist

_LIST_SIZE = 2048
_BIGRAM_WEIGHT = 0.5


@dataclass(frozen=True)
class _Model:
    to_simplified: dict[str, str]
    unigram: dict[str, float]
    unigram_count: dict[str, int]
    bigram_count: dict[str, int]


@cache
def _model() -> _Model:
    simplified, traditional = wordlist(SIMPLIFIED), wordlist(TRADITIONAL)
    to_simplified = dict(zip(traditional, simplified, strict=True))
    to_simplified.update({char: char for char in simplified})
    alphabet = set(to_simplified.values())
    unigram: Counter[str] = Counter()
    bigram: Counter[str] = Counter()
    jieba = find_spec("jieba")  # located, not imported: importing it costs 0.15 s for nothing
    if jieba is None or jieba.origin is None:
        raise ModuleNotFoundError("jieba")
    dictionary = Path(jieba.origin).with_name("dict.txt")
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, _ = line.split(" ", 2)
            count = int(freq)
            for char in word:
                if char in alphabet:
                    unigram[char] += count
            for left, right in pairwise(word):
                if left in alphabet and right in alphabet:
                    bigram[left + right] += count
    total = sum(unigram.values()) + len(alphabet)
    return _Model(
        to_simplified=to_simplified,
        unigram={char: (unigram[char] + 1) / total for char in alphabet},
        unigram_count=dict(unigram),
        bigram_count=dict(bigram),
    )


def prose_score(characters: Sequence[str]) -> float:
    """Mean log-likelihood ratio per character, prose model against a uniform seed draw.

    Measured on 12-character windows of Chinese customer-service questions (BQ, LCQMC, CIC):
    0.16% of prose windows score 0 or less, against 99.98% of random 12-word phrases.
    """
    model = _model()
    chars = [model.to_simplified[c] for c in characters]
    if not chars:
        return 0.0
    score = math.log(model.unigram[chars[0]] * _LIST_SIZE)
    for left, right in pairwise(chars):
        follow = model.bigram_count.get(left + right, 0) / max(model.unigram_count.get(left, 0), 1)
        p = _BIGRAM_WEIGHT * follow + (1 - _BIGRAM_WEIGHT) * model.unigram[right]
        score += math.log(p * _LIST_SIZE)
    return score / len(chars)
