"""Find BIP39 seed phrases pasted into free text, in English and Chinese.

A phrase is a run of wordlist words separated only by spaces, commas, newlines or numbering
("1. abandon 2. ability"), or, in Chinese, by nothing at all. A run whose 12-24 words pass the
checksum is confirmed. A run of 12 or more words that fails it (a typo, a word left out) is
still flagged as likely: English prose almost never strings twelve list words together (twice
in 23,000 support messages and guides, both sample phrases quoted in a wallet guide).

Chinese needs more care, because the lists hold the 2,048 most common characters. Characters
pasted one by one (spaces, commas, numbering) are handled like English words. Characters run
together are accepted only in windows that start and end where the customer put a break (or at
one end when the message talks about a seed phrase), and only when the window does not read
like prose (see `chinese_prose`); without a checksum, only in a message about seed phrases.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .chinese_prose import prose_score
from .wordlists import (
    ENGLISH,
    MIN_PHRASE,
    PHRASE_LENGTHS,
    SIMPLIFIED,
    TRADITIONAL,
    checksum_language,
    chinese_characters,
    word_set,
)

_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
_CJK_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"\d+")
_GAP = re.compile(r"[\s\d.,;:|/()\[\]#*\-–—_、，。；：（）．]*")
_SEED_CUE = re.compile(
    r"seed|mnemonic|recovery|secret phrase|backup phrase|"
    r"助记词|助記詞|种子|種子|恢复|恢復|备份|備份|密语|密語",
    re.IGNORECASE,
)

_CHECKSUMMED_MAX_SCORE = 0.0
"""Prose-likeness allowed for Chinese characters that pass the checksum (see `prose_score`)."""
_UNCHECKED_MAX_SCORE = -0.25
"""Stricter, for a Chinese run flagged without a checksum, in a message about seed phrases."""

_LONGEST_CHECKED = 240
"""Hundreds of list words in a row are a wordlist or many phrases pasted at once: redacted whole
without trying every window, which would cost a checksum per word per phrase length."""

_CHECKSUM_BIT_PER_WORD = 1 / 3
"""BIP39 spends one checksum bit per three words (4 for 12 words, 8 for 24)."""

Window = tuple[int, int]
Rank = tuple[int, float] | None


@dataclass(frozen=True)
class SeedMatch:
    start: int
    end: int
    confirmed: bool


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int
    gap: str | None
    """What stands between it and the previous word of its run; None for the run's first."""

    @property
    def spaced(self) -> bool:
        """Whether something (a space, a comma, a number) sets it apart from the previous word."""
        return self.gap != ""


def find_seed_phrases(text: str) -> list[SeedMatch]:
    return _english(text) + _chinese(text)


def _english(text: str) -> list[SeedMatch]:
    matches: list[SeedMatch] = []
    for run in _runs(text, _ENGLISH_WORD, word_set(ENGLISH)):
        matches += _spaced_phrases(run, (ENGLISH,))
    return matches


def _chinese(text: str) -> list[SeedMatch]:
    matches: list[SeedMatch] = []
    cue = bool(_SEED_CUE.search(text))
    for run in _runs(text, _CJK_CHARACTER, chinese_characters()):
        for part, spaced in _spaced_parts(run):
            if spaced:
                matches += _spaced_phrases(part, (SIMPLIFIED, TRADITIONAL))
            else:
                matches += _contiguous_chinese(part, cue)
    return matches


def _spaced_parts(run: list[_Token]) -> list[tuple[list[_Token], bool]]:
    """Split a run where it changes between characters set apart one by one (a phrase pasted
    as a list) and characters run together, so each is judged by its own rule. A character
    touching the prose beside a list belongs to the prose."""
    parts: list[tuple[list[_Token], bool]] = []
    loose = 0
    i = 0
    while i < len(run):
        j = i + 1
        while j < len(run) and run[j].spaced:
            j += 1
        first, last = i + (i > 0), j - (j < len(run))
        if last - first >= MIN_PHRASE:
            if first > loose:
                parts.append((run[loose:first], False))
            parts.append((run[first:last], True))
            loose = last
        i = j
    if loose < len(run):
        parts.append((run[loose:], False))
    return parts


def _spaced_phrases(run: list[_Token], languages: Sequence[str]) -> list[SeedMatch]:
    """Words set apart one by one: prefer the windows the customer set off at both ends."""

    if len(run) > _LONGEST_CHECKED:
        return _to_matches(run, [], [(0, len(run))])

    def preference(i: int, n: int) -> Rank:
        return (-_set_off_ends(run, i, n), -n)

    found = _checksummed([token.word for token in run], languages, preference)
    return _to_matches(run, found, _leftovers(len(run), found))


def _set_off_ends(run: list[_Token], i: int, n: int) -> int:
    """How many ends of run[i:i+n] are set off from the words beside them: the run's own edge,
    or a gap unlike those inside ("this: joke ... auto - is", a line break, new numbering)."""
    shapes = Counter(_shape(run[k].gap) for k in range(i + 1, i + n))
    usual = shapes.most_common(1)[0][0]
    start = run[i].gap is None or _shape(run[i].gap) != usual
    end = i + n == len(run) or _shape(run[i + n].gap) != usual
    return start + end


def _shape(gap: str | None) -> str:
    return _DIGITS.sub("#", gap or "")


def _contiguous_chinese(run: list[_Token], cue: bool) -> list[SeedMatch]:
    words = [token.word for token in run]
    bounds = {0, len(run)} | {k for k, token in enumerate(run) if token.spaced}

    def delimited(i: int, n: int) -> bool:
        both = i in bounds and i + n in bounds
        return both or (cue and (i in bounds or i + n in bounds))

    def preference(i: int, n: int) -> Rank:
        """Delimited at both ends first; among equals, the strongest evidence of a phrase over
        prose. Each checksum bit passed is worth ln 2 (chance passes half as often), each
        character its prose score: so "我的助记词是：" followed by twelve words does not win
        as one 18-word window that passed its checksum by chance."""
        score = prose_score(words[i : i + n])
        if score > _CHECKSUMMED_MAX_SCORE:
            return None
        evidence = n * (_CHECKSUM_BIT_PER_WORD * math.log(2) - score)
        return (0 if i in bounds and i + n in bounds else 1, -evidence)

    found = _checksummed(words, (SIMPLIFIED, TRADITIONAL), preference, delimited)
    unchecked = [
        (i, j)
        for i, j in (_leftovers(len(run), found) if cue else [])
        if prose_score(words[i:j]) <= _UNCHECKED_MAX_SCORE
    ]
    return _to_matches(run, found, unchecked)


def _runs(text: str, pattern: re.Pattern[str], vocabulary: frozenset[str]) -> list[list[_Token]]:
    """Maximal runs of vocabulary words joined only by separators, at least 12 long."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for match in pattern.finditer(text):
        word = match.group().lower()
        if word not in vocabulary:
            runs.append(current)
            current = []
            continue
        gap = text[current[-1].end : match.start()] if current else None
        if gap is not None and not _GAP.fullmatch(gap):
            runs.append(current)
            current, gap = [], None
        current.append(_Token(word, match.start(), match.end(), gap))
    runs.append(current)
    return [run for run in runs if len(run) >= MIN_PHRASE]


def _checksummed(
    words: Sequence[str],
    languages: Sequence[str],
    preference: Callable[[int, int], Rank],
    admissible: Callable[[int, int], bool] = lambda i, n: True,
) -> list[Window]:
    """Non-overlapping windows that pass the BIP39 checksum, taken in order of `preference`
    (lowest first), then position. A preference of None rules the window out."""
    passing = [
        (rank, n, i)
        for n in PHRASE_LENGTHS
        for i in range(len(words) - n + 1)
        if admissible(i, n)
        and checksum_language(words[i : i + n], languages)
        and (rank := preference(i, n)) is not None
    ]
    taken = [False] * len(words)
    found: list[Window] = []
    for _, n, i in sorted(passing):
        if not any(taken[i : i + n]):
            found.append((i, i + n))
            taken[i : i + n] = [True] * n
    return sorted(found)


def _leftovers(length: int, found: list[Window]) -> list[Window]:
    """Stretches of a run outside the confirmed phrases that are still long enough to flag."""
    spans: list[Window] = []
    cursor = 0
    for start, end in [*found, (length, length)]:
        if start - cursor >= MIN_PHRASE:
            spans.append((cursor, start))
        cursor = end
    return spans


def _to_matches(
    run: list[_Token], confirmed: list[Window], likely: list[Window]
) -> list[SeedMatch]:
    def span(window: Window, ok: bool) -> SeedMatch:
        return SeedMatch(run[window[0]].start, run[window[1] - 1].end, ok)

    return [span(w, True) for w in confirmed] + [span(w, False) for w in likely]
