"""Reading labelled questions from any CSV or TSV, with errors that name the offending line.

The delimiter follows the file name (``.tsv``/``.tab`` → tab, ``.csv`` → comma), and for other
names the header: a tab in it means TSV. Every record is checked before training starts, so a
bad line 9,000 does not surface as a stack trace after minutes of work.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import MAX_TEXT_CHARS, BrainError, TrainingDataError, check_text

_MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class LabelledText:
    text: str
    label: str
    line: int


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TrainingDataError(
            "the file is not UTF-8 text.", "文件不是 UTF-8 编码的文本。", line=line, path=shown,
        ) from exc


def _delimiter(path: Path, header: str) -> str:
    suffix = path.suffix.lower()
    if suffix in {".tsv", ".tab"}:
        return "\t"
    if suffix == ".csv":
        return ","
    return "\t" if "\t" in header else ","


def _column(header: list[str], name: str, shown: str) -> int:
    cleaned = [h.strip() for h in header]
    if name not in cleaned:
        listed = ", ".join(repr(h) for h in cleaned) or "none"
        raise TrainingDataError(
            f"there is no column {name!r}; the header has {listed}.",
            f"没有名为 {name!r} 的列；表头为 {listed}。", line=1, path=shown,
        )
    return cleaned.index(name)


def _records(text: str, delimiter: str, shown: str) -> Iterator[tuple[int, list[str]]]:
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise TrainingDataError(
                f"the record cannot be parsed ({exc}).", f"该记录无法解析（{exc}）。",
                line=start, path=shown,
            ) from exc
        yield start, record


def read_labelled(
    path: str | os.PathLike[str], text_col: str = "text", label_col: str = "label",
) -> list[LabelledText]:
    """Every (text, label) row of the file, or a :class:`TrainingDataError` naming the line."""
    file = Path(path)
    shown = str(path)
    try:
        if file.stat().st_size > _MAX_FILE_BYTES:
            raise TrainingDataError("the file is larger than 512 MiB.", "文件超过 512 MiB。",
                                    path=shown)
        raw = file.read_bytes()
    except OSError as exc:
        raise TrainingDataError(f"the file cannot be read ({exc.strerror}).",
                                "无法读取该文件。", path=shown) from exc
    content = _decode(raw, shown)
    delimiter = _delimiter(file, content.split("\n", 1)[0])
    records = _records(content, delimiter, shown)
    first = next(records, None)
    if first is None:
        raise TrainingDataError("the file is empty.", "文件为空。", path=shown)
    header = first[1]
    text_at, label_at = _column(header, text_col, shown), _column(header, label_col, shown)
    rows = [_row(line, record, len(header), text_at, label_at, shown) for line, record in records
            if any(field.strip() for field in record)]
    if not rows:
        raise TrainingDataError("the file has a header but no rows.", "文件只有表头，没有数据行。",
                                path=shown)
    return rows


def _row(
    line: int, record: list[str], width: int, text_at: int, label_at: int, shown: str,
) -> LabelledText:
    if len(record) != width:
        raise TrainingDataError(
            f"expected {width} fields, found {len(record)}.",
            f"应有 {width} 个字段，实际为 {len(record)} 个。", line=line, path=shown,
        )
    text, label = record[text_at], record[label_at].strip()
    try:
        check_text(text)
    except BrainError as exc:
        raise TrainingDataError(exc.en, exc.zh, line=line, path=shown) from exc
    if not label:
        raise TrainingDataError("the label is empty.", "标签为空。", line=line, path=shown)
    return LabelledText(text=text, label=label, line=line)
