"""The knowledge base articles shipped with the product: the seed, not the only copy."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

from ..errors import InvalidInput

KEYS = ("id", "intent", "language", "title", "tags", "updated")


@dataclass(frozen=True)
class ShippedArticle:
    slug: str
    intent: str
    language: str
    title: str
    tags: tuple[str, ...]
    body: str

    @property
    def digest(self) -> str:
        text = "\n".join((self.intent, self.title, ",".join(self.tags), self.body))
        return hashlib.sha256(text.encode()).hexdigest()


def parse(text: str, source: str = "<text>") -> ShippedArticle:
    """Front matter between `---` fences, one `key: value` per line, then Markdown."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise InvalidInput(f"{source}: no front matter", f"{source}：缺少头部信息")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise InvalidInput(f"{source}: front matter is not closed",
                           f"{source}：头部信息未结束") from None
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in KEYS:
            raise InvalidInput(f"{source}:{number}: unexpected line {line!r}",
                               f"{source}:{number}：无法识别的行", field=key.strip())
        meta[key.strip()] = value.strip()
    missing = [k for k in KEYS if not meta.get(k)]
    if missing:
        raise InvalidInput(f"{source}: missing {', '.join(missing)}",
                           f"{source}：缺少 {', '.join(missing)}")
    tags = tuple(t.strip() for t in meta["tags"].split(",") if t.strip())
    body = "\n".join(lines[end + 1:]).strip()
    return ShippedArticle(meta["id"], meta["intent"], meta["language"], meta["title"], tags, body)


def shipped() -> list[ShippedArticle]:
    root = resources.files("cryptodesk") / "data" / "kb"
    articles = []
    for language in ("en", "zh"):
        folder = root / language
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".md"):
                articles.append(parse(entry.read_text("utf-8"), f"kb/{language}/{entry.name}"))
    return articles
