"""Customer-facing strings in zh-CN and en, and choosing which one a person reads."""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["zh", "en"]

STRINGS: dict[str, dict[Language, str]] = {
    "handoff.queued": {
        "en": "Thanks, we have your message. A support agent will reply here as soon as possible.",
        "zh": "已收到您的消息，客服人员会尽快在这里回复您。",
    },
    "conversation.default_subject": {
        "en": "Conversation",
        "zh": "会话",
    },
    "ticket.merged_note": {
        "en": "Ticket #{source} was merged into this ticket.",
        "zh": "工单 #{source} 已合并到本工单。",
    },
    "error.validation": {
        "en": "The request is not valid.",
        "zh": "请求无效。",
    },
    "error.not_found": {
        "en": "Not found.",
        "zh": "未找到。",
    },
    "error.unauthenticated": {
        "en": "Please sign in first.",
        "zh": "请先登录。",
    },
    "error.internal": {
        "en": "Something went wrong on our side; the request was not completed.",
        "zh": "服务器出现问题，请求未完成。",
    },
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def t(key: str, language: str, **values: object) -> str:
    text = STRINGS[key]["zh" if language == "zh" else "en"]
    return text.format(**values) if values else text


def guess_language(text: str, default: Language = "en") -> Language:
    """Chinese when Chinese characters make up a fair share of the letters."""
    cjk = len(_CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", text))
    if cjk == 0 and not _LATIN.search(text):
        return default
    return "zh" if cjk >= max(2, latin_words) or (cjk and not latin_words) else "en"


def choose_language(accept_language: str | None, default: Language = "en") -> Language:
    """The first of zh/en in an Accept-Language header, honouring q-values."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return default
