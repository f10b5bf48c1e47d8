"""The built-in training phrases must stay loadable and cover the whole intent catalogue.

The intent ids come from the product's catalogue, which a test holds to the published table.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib.resources import files

import pytest

from cryptodesk.brain.catalogue import INTENTS

INTENT_IDS = frozenset(INTENTS)
LANGUAGES = ("en", "zh")
HEADER = ["text", "intent"]
MIN_PER_INTENT = 30
MIN_OUT_OF_SCOPE = 80
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")


def _read(lang: str) -> list[list[str]]:
    path = files("cryptodesk") / "data" / "intents" / f"{lang}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _phrases(lang: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in _read(lang)[1:]]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def test_catalogue_has_41_intents() -> None:
    assert len(INTENT_IDS) == 41


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header(lang: str) -> None:
    assert _read(lang)[0] == HEADER


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_row_has_two_non_empty_fields(lang: str) -> None:
    bad = [(n, row) for n, row in enumerate(_read(lang)[1:], start=2) if len(row) != 2]
    assert bad == []
    empty = [text for text, _ in _phrases(lang) if not text.strip() or text != text.strip()]
    assert empty == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_are_catalogue_ids(lang: str) -> None:
    unknown = {label for _, label in _phrases(lang)} - INTENT_IDS
    assert unknown == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_intent_has_enough_phrases(lang: str) -> None:
    counts = Counter(label for _, label in _phrases(lang))
    short = {
        intent: counts[intent]
        for intent in INTENT_IDS
        if counts[intent] < (MIN_OUT_OF_SCOPE if intent == "out_of_scope" else MIN_PER_INTENT)
    }
    assert short == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_duplicate_phrases(lang: str) -> None:
    counts = Counter(_norm(text) for text, _ in _phrases(lang))
    assert [text for text, n in counts.items() if n > 1] == []


def test_zh_phrases_are_chinese() -> None:
    texts = [text for text, _ in _phrases("zh")]
    with_cjk = sum(1 for text in texts if CJK.search(text))
    assert with_cjk >= 0.9 * len(texts)


def test_zh_phrases_include_mixed_chinese_and_latin() -> None:
    texts = [text for text, _ in _phrases("zh")]
    mixed = sum(1 for text in texts if CJK.search(text) and LATIN.search(text))
    assert mixed >= 0.05 * len(texts)


def test_en_phrases_are_not_chinese() -> None:
    assert [text for text, _ in _phrases("en") if CJK.search(text)] == []
