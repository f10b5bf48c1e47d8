"""How long a password would hold out, told the customer in their language (zxcvbn's estimate)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zxcvbn import zxcvbn

MAX_CHARS = 72  # zxcvbn refuses longer input; what follows adds nothing to its estimate

LABELS = {
    "en": ("very weak", "weak", "fair", "strong", "very strong"),
    "zh": ("非常弱", "弱", "一般", "强", "非常强"),
}
# zxcvbn's feedback sentences (by their opening words), in Chinese.
FEEDBACK_ZH = {
    "Use a few words, avoid common phrases": "使用几个不相关的词组合，避免常见短语。",
    "No need for symbols, digits": "不必刻意加入符号、数字或大写字母。",
    "Add another word or two": "再加一两个词，越少见的词越好。",
    "Straight rows of keys": "键盘上连成一排的按键很容易被猜到。",
    "Short keyboard patterns": "简短的键盘图案很容易被猜到。",
    "Use a longer keyboard pattern": "如果使用键盘图案，请更长、转折更多。",
    'Repeats like "aaa"': "“aaa” 这样的重复很容易被猜到。",
    'Repeats like "abcabcabc"': "“abcabcabc” 这样的重复只比 “abc” 难猜一点点。",
    "Avoid repeated words": "避免重复的词和字符。",
    'Sequences like "abc"': "“abc” 或 “6543” 这样的序列很容易被猜到。",
    "Avoid sequences": "避免使用序列。",
    "Recent years are easy": "最近的年份很容易被猜到。",
    "Avoid recent years": "避免使用最近的年份。",
    "Avoid years that are associated": "避免使用与您相关的年份。",
    "Dates are often easy": "日期通常很容易被猜到。",
    "Avoid dates and years": "避免使用与您相关的日期和年份。",
    "This is a top-10 common": "这是最常见的 10 个密码之一。",
    "This is a top-100 common": "这是最常见的 100 个密码之一。",
    "This is a very common password": "这是一个非常常见的密码。",
    "This is similar to a commonly": "这与常用密码非常相似。",
    "A word by itself": "单独一个词很容易被猜到。",
    "Names and surnames by themselves": "单独的名字或姓氏很容易被猜到。",
    "Common names and surnames": "常见的名字和姓氏很容易被猜到。",
    "Capitalization doesn't help": "大写字母帮助不大。",
    "All-uppercase is almost": "全部大写和全部小写几乎一样容易被猜到。",
    "Reversed words aren't": "把词倒过来写并不会难猜多少。",
    "Predictable substitutions": "用 “@” 代替 “a” 这类可预测的替换帮助不大。",
}


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (guessable in seconds) to 4 (very strong)
    label: str
    crack_time: str  # offline attack against a slow hash, as zxcvbn words it
    warning: str
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.score >= 3


_UNITS_ZH = {"second": "秒", "minute": "分钟", "hour": "小时", "day": "天", "month": "个月",
             "year": "年"}


def _duration_zh(display: str) -> str:
    """zxcvbn words durations in English ("3 hours", "centuries"); say them in Chinese."""
    if display == "less than a second":
        return "不到 1 秒"
    if display == "centuries":
        return "数百年"
    number, _, unit = display.partition(" ")
    unit_zh = _UNITS_ZH.get(unit.rstrip("s"))
    return f"{number} {unit_zh}" if number.isdigit() and unit_zh else display


def _translate(sentence: str, language: str) -> str:
    if language != "zh" or not sentence:
        return sentence
    for opening, chinese in FEEDBACK_ZH.items():
        if sentence.startswith(opening):
            return chinese
    return sentence


def strength(password: str, language: str = "en", user_inputs: Sequence[str] = ()) -> Strength:
    """Estimate a password's strength; `user_inputs` (name, email) count as easy guesses."""
    lang = "zh" if language == "zh" else "en"
    if not password:
        return Strength(0, LABELS[lang][0], "", "", ())
    result = zxcvbn(password[:MAX_CHARS], user_inputs=[u[:MAX_CHARS] for u in user_inputs if u])
    feedback = result["feedback"]
    crack = str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"])
    return Strength(
        score=int(result["score"]),
        label=LABELS[lang][int(result["score"])],
        crack_time=_duration_zh(crack) if lang == "zh" else crack,
        warning=_translate(feedback.get("warning", ""), lang),
        suggestions=tuple(_translate(s, lang) for s in feedback.get("suggestions", [])),
    )
