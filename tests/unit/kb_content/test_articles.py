"""The shipped knowledge base: every intent answered in both languages, in the loader's format.

The front matter is parsed strictly here (six `key: value` lines between `---` fences), because
that narrow format is the contract the importer relies on; a YAML parser would accept more.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from cryptodesk.brain.catalogue import INTENTS

KB_DIR = Path(__file__).resolve().parents[3] / "src" / "cryptodesk" / "data" / "kb"
LANGUAGES = ("en", "zh")
KEYS = ("id", "intent", "language", "title", "tags", "updated")

CATALOGUE = frozenset(INTENTS)

# Articles speak for "the exchange"; naming a real one would misattribute its rules.
REAL_EXCHANGES = re.compile(
    r"\b(binance|coinbase|kraken|okx|okex|huobi|htx|bybit|kucoin|gate\.io|bitfinex|bitget"
    r"|mexc|bitstamp|bithumb|upbit|crypto\.com)\b|币安|火币|欧易|抹茶",
    re.IGNORECASE,
)
CJK = re.compile(r"[\u4e00-\u9fff]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Article:
    path: Path
    meta: dict[str, str]
    body: str

    @property
    def tags(self) -> list[str]:
        return [t.strip() for t in self.meta["tags"].split(",")]


def parse(path: Path) -> Article:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0] == "---", f"{path.name}: must open with a '---' line"
    try:
        end = lines.index("---", 1)
    except ValueError:
        pytest.fail(f"{path.name}: front matter is not closed by '---'")
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(": ")
        assert sep and key and value.strip(), f"{path.name}: bad front matter line {line!r}"
        assert key not in meta, f"{path.name}: duplicate key {key!r}"
        meta[key] = value.strip()
    return Article(path, meta, "\n".join(lines[end + 1 :]).strip())


def load(language: str) -> list[Article]:
    return [parse(p) for p in sorted((KB_DIR / language).glob("*.md"))]


ARTICLES = {lang: load(lang) for lang in LANGUAGES}
ALL = [a for lang in LANGUAGES for a in ARTICLES[lang]]


def english_words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", text))


def test_every_folder_holds_articles_and_nothing_else() -> None:
    for lang in LANGUAGES:
        folder = KB_DIR / lang
        assert ARTICLES[lang], f"no articles in {folder}"
        strays = [p.name for p in folder.iterdir() if p.suffix != ".md"]
        assert not strays, f"{lang}: unexpected files {strays}"


@pytest.mark.parametrize("article", ALL, ids=lambda a: f"{a.path.parent.name}/{a.path.name}")
def test_front_matter_is_exactly_the_six_keys(article: Article) -> None:
    assert tuple(article.meta) == KEYS
    for value in article.meta.values():
        # Plain scalars only, so a YAML-based importer reads the same values as this parser.
        assert ": " not in value and " #" not in value, value
        assert value[0] not in "\"'[]{}&*!|>%@`#-?:", value
    assert article.meta["id"] == article.path.stem
    assert SLUG.match(article.meta["id"])
    assert article.meta["language"] == article.path.parent.name
    assert article.meta["intent"] in CATALOGUE
    assert article.meta["title"]
    assert all(article.tags) and len(article.tags) >= 3
    dt.date.fromisoformat(article.meta["updated"])


@pytest.mark.parametrize("article", ALL, ids=lambda a: f"{a.path.parent.name}/{a.path.name}")
def test_body_is_a_real_article(article: Article) -> None:
    body = article.body
    assert re.search(r"^## \S", body, re.MULTILINE), "needs at least one ## heading"
    assert not re.search(r"^# ", body, re.MULTILINE), "the title lives in the front matter"
    assert not REAL_EXCHANGES.search(body + article.meta["title"])
    if article.meta["language"] == "en":
        assert 120 <= english_words(body) <= 500
        assert not CJK.search(body + article.meta["title"] + article.meta["tags"])
    else:
        assert 200 <= len(CJK.findall(body)) <= 1200
        assert CJK.search(article.meta["title"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_intent_has_an_article(lang: str) -> None:
    covered = {a.meta["intent"] for a in ARTICLES[lang]}
    assert sorted(CATALOGUE - covered) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ids_are_unique_per_language(lang: str) -> None:
    ids = [a.meta["id"] for a in ARTICLES[lang]]
    assert len(ids) == len(set(ids))


def test_languages_pair_up_on_id_and_intent() -> None:
    en = {a.meta["id"]: a.meta["intent"] for a in ARTICLES["en"]}
    zh = {a.meta["id"]: a.meta["intent"] for a in ARTICLES["zh"]}
    assert en.keys() == zh.keys()
    assert en == zh
