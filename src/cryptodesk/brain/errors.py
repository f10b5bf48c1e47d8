"""What the answer engine refuses, and why, in both languages.

    BrainError (InvalidInput, ValueError)
    ├── EmptyText          nothing left to read once whitespace is gone
    ├── TextTooLong        over MAX_TEXT_CHARS: refused rather than silently cut
    ├── TrainingDataError  a labelled file that cannot be trained on; names the line
    └── ModelError         a model directory that is missing, damaged or of another format

They are ``ValueError`` too, so plain Python callers can catch them without knowing the tree.
"""

from __future__ import annotations

from typing import Any

from ..errors import InvalidInput

MAX_TEXT_CHARS = 5_000


class BrainError(InvalidInput, ValueError):
    code = "brain_error"

    def __init__(
        self, en: str, zh: str, *, value: Any = None, field: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(en, zh, code=code, field=field, value=value)


class EmptyText(BrainError):
    code = "empty_text"

    def __init__(self) -> None:
        super().__init__("The text is empty.", "文本为空。", field="text", value="")


class TextTooLong(BrainError):
    code = "text_too_long"

    def __init__(self, length: int, limit: int = MAX_TEXT_CHARS) -> None:
        super().__init__(
            f"The text has {length} characters; the limit is {limit}.",
            f"文本长度为 {length} 个字符，超过上限 {limit}。",
            field="text", value=length,
        )
        self.length = length
        self.limit = limit


class TrainingDataError(BrainError):
    code = "training_data"

    def __init__(self, en: str, zh: str, *, line: int | None = None, path: str = "") -> None:
        where_en = f"{path}: " if path else ""
        where_zh = f"{path}：" if path else ""
        if line is not None:
            where_en = f"{path or 'input'}, line {line}: "
            where_zh = f"{path or '输入'} 第 {line} 行："
        super().__init__(where_en + en, where_zh + zh, field="line", value=line)
        self.line = line
        self.path = path


class ModelError(BrainError):
    code = "model_error"

    def __init__(self, en: str, zh: str, *, path: str) -> None:
        super().__init__(f"{path}: {en}", f"{path}：{zh}", field="model", value=path)
        self.path = path


def check_text(text: str) -> str:
    """The limits every entry point applies before any work is done."""
    if not isinstance(text, str):
        raise BrainError("The text must be a string.", "文本必须是字符串。", value=type(text))
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(len(text))
    if not text.strip():
        raise EmptyText()
    return text
