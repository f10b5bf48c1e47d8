"""The help center's library: articles by family, a bilingual search, and safe Markdown.

Markdown is rendered with raw HTML switched off (it is shown as text) and markdown-it's link
check (no `javascript:` or `data:` links), so an article can never carry script into a page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import zhconv
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from ..services.kb_files import ShippedArticle, shipped

FAMILIES = (
    "security", "withdrawal", "deposit", "trade", "account", "kyc", "info", "service", "learn",
)
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")
_LINE_MARK = re.compile(r"^\s*(?:[-*+>]|\d+[.)])\s+", re.M)
_STOP_WORDS = (
    "a an and are at be can do does for from has have how i in is it my of on or the to was what "
    "when where why will with you your me not "
    "我的 一直 怎么 为什么 什么 没有 可以 如何 请问 你们 这个 已经 还是 是不 不是 一下"
)
_STOP = frozenset(_STOP_WORDS.split(" "))

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def _link_open(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    href = tokens[idx].attrGet("href") or ""
    if isinstance(href, str) and href.startswith(("http://", "https://")):
        tokens[idx].attrSet("rel", "noopener noreferrer nofollow")
    return str(renderer.renderToken(tokens, idx, options, env))


_md.add_render_rule("link_open", _link_open)


def render_markdown(text: str) -> Markup:
    return Markup(_md.render(text))


@dataclass(frozen=True)
class HelpArticle:
    slug: str
    language: str
    family: str
    intent: str
    title: str
    tags: tuple[str, ...]
    body: str

    @property
    def html(self) -> Markup:
        return render_markdown(self.body)

    @property
    def excerpt(self) -> str:
        """The first paragraph of prose, as plain text, for search results and topic lists."""
        for paragraph in self.body.split("\n\n"):
            lines = [ln for ln in paragraph.splitlines() if not ln.lstrip().startswith("#")]
            text = _LINE_MARK.sub("", "\n".join(lines))
            text = " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", text)).split())
            limit = 90 if self.language == "zh" else 160  # about two lines either way
            if text:
                return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
        return ""


@dataclass(frozen=True)
class Hit:
    article: HelpArticle
    score: float


def family_of(intent: str) -> str | None:
    family = intent.split(".", 1)[0]
    return family if family in FAMILIES else None


def terms(text: str) -> list[str]:
    """Latin words (lightly stemmed) and Chinese character pairs, so no segmenter is needed."""
    text = _simplified(text.lower())
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        if _CJK.match(run):
            pairs = [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
            out.extend(p for p in pairs if p not in _STOP)
        elif run not in _STOP and (len(run) > 1 or run.isdigit()):
            out.append(_stem(run))
    return out


def _simplified(text: str) -> str:
    """Traditional characters read as simplified (帳 → 账), so either form finds an article."""
    if not _CJK.search(text):
        return text
    if zhconv.zhconv.zhcdicts is None:
        # zhconv's own loader leaves its JSON file open; hand it the path instead.
        zhconv.loaddict(str(Path(zhconv.zhconv.__file__).with_name("zhcdict.json")))
    return str(zhconv.convert(text, "zh-cn"))


def _stem(word: str) -> str:
    for suffix in ("ing", "als", "al", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class _Indexed:
    article: HelpArticle
    title: frozenset[str]
    tags: frozenset[str]
    body: Counter[str]


class Library:
    """Published articles in both languages; search ranks title, then tags, then body."""

    def __init__(self, articles: Iterable[HelpArticle]) -> None:
        self._by_key: dict[tuple[str, str], HelpArticle] = {}
        self._index: dict[str, list[_Indexed]] = {}
        for article in articles:
            self._by_key[(article.slug, article.language)] = article
            self._index.setdefault(article.language, []).append(_Indexed(
                article, frozenset(terms(article.title)),
                frozenset(terms(" ".join(article.tags))), Counter(terms(article.body)),
            ))
        self._df: dict[str, Counter[str]] = {}
        for language, entries in self._index.items():
            seen: Counter[str] = Counter()
            for entry in entries:
                seen.update(entry.title | entry.tags | set(entry.body))
            self._df[language] = seen

    def get(self, slug: str, language: str) -> HelpArticle | None:
        return self._by_key.get((slug, language))

    def languages_of(self, slug: str) -> list[str]:
        return [lang for lang in ("zh", "en") if (slug, lang) in self._by_key]

    def family(self, family: str, language: str) -> list[HelpArticle]:
        found = [e.article for e in self._index.get(language, []) if e.article.family == family]
        return sorted(found, key=lambda a: a.slug)

    def counts(self, language: str) -> dict[str, int]:
        return Counter(e.article.family for e in self._index.get(language, []))

    def search(self, query: str, language: str, limit: int = 10) -> list[Hit]:
        wanted = list(dict.fromkeys(terms(query)))
        entries = self._index.get(language, [])
        if not wanted or not entries:
            return []
        df, n = self._df[language], len(entries)
        hits = []
        for entry in entries:
            score, matched = 0.0, 0
            for term in wanted:
                idf = math.log(1 + n / (1 + df[term]))
                weight = (4.0 * (term in entry.title) + 3.0 * (term in entry.tags)
                          + min(entry.body[term], 4) * 0.5)
                score += idf * weight
                matched += weight > 0
            if score > 0:
                hits.append(Hit(entry.article, score * matched / len(wanted)))
        hits.sort(key=lambda h: (-h.score, h.article.slug))
        best = hits[0].score if hits else 0
        return [h for h in hits if h.score >= best * 0.1][:limit]


def from_shipped(items: Iterable[ShippedArticle]) -> list[HelpArticle]:
    out = []
    for item in items:
        family = family_of(item.intent)
        if family is not None:
            out.append(HelpArticle(item.slug, item.language, family, item.intent, item.title,
                                   item.tags, item.body))
    return out


@lru_cache(maxsize=1)
def shipped_library() -> Library:
    """The articles that ship with the product (the bot-only ones are left out)."""
    return Library(from_shipped(shipped()))
