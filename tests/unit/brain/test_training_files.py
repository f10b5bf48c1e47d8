"""Reading labelled files: any CSV or TSV, and a clear error naming the line when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from cryptodesk.brain import MAX_TEXT_CHARS, TrainingDataError, read_labelled


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _error(path: Path, **columns: str) -> TrainingDataError:
    with pytest.raises(TrainingDataError) as caught:
        read_labelled(path, **columns)
    return caught.value


def test_reads_csv_with_quoted_commas_and_newlines(tmp_path: Path) -> None:
    path = _write(tmp_path, "q.csv", 'text,label\n"hi, there",greet\n"two\nlines",other\nbye,bye\n')
    rows = read_labelled(path)
    assert [(r.text, r.label, r.line) for r in rows] == [
        ("hi, there", "greet", 2), ("two\nlines", "other", 3), ("bye", "bye", 5),
    ]


def test_reads_tsv_with_chosen_columns_and_a_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "q.tsv", "\ufeffid\tquestion\tintent\n1\t充值没到账\tdeposit\n")
    rows = read_labelled(path, text_col="question", label_col="intent")
    assert [(r.text, r.label) for r in rows] == [("充值没到账", "deposit")]


def test_other_extensions_follow_the_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "q.txt", "text\tlabel\na, b\tx\n")
    assert read_labelled(path)[0].text == "a, b"


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, "q.csv", "text,label\nhi,greet\n\n,\nbye,bye\n")
    assert [r.line for r in read_labelled(path)] == [2, 5]


def test_missing_column_lists_the_header(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "q.csv", "question,category\nhi,greet\n"))
    assert error.line == 1
    assert "'text'" in error.en and "'question'" in error.en and "'category'" in error.en
    assert "第 1 行" in error.zh


def test_wrong_number_of_fields_names_the_line(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "q.csv", "text,label\nhi,greet\nhow,are,you\n"))
    assert error.line == 3
    assert "line 3" in error.en and "expected 2 fields, found 3" in error.en


def test_empty_text_names_the_line(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "q.csv", "text,label\nhi,greet\n  ,greet\n"))
    assert error.line == 3 and "empty" in error.en


def test_empty_label_names_the_line(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "q.csv", "text,label\nhi,greet\nbye, \n"))
    assert error.line == 3 and "label is empty" in error.en


def test_over_long_text_names_the_line(tmp_path: Path) -> None:
    huge = "x" * (MAX_TEXT_CHARS + 1)
    error = _error(_write(tmp_path, "q.csv", f"text,label\nhi,greet\n{huge},greet\n"))
    assert error.line == 3 and str(MAX_TEXT_CHARS) in error.en


def test_a_field_beyond_the_parser_limit_is_a_clear_error(tmp_path: Path) -> None:
    huge = "y" * (MAX_TEXT_CHARS * 5)
    error = _error(_write(tmp_path, "q.csv", f'text,label\nhi,greet\n"{huge}",greet\n'))
    assert error.line == 3


def test_unterminated_quote_is_a_clear_error(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "q.csv", 'text,label\nhi,greet\n"oops,greet\n'))
    assert error.line == 3


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    content = b"text,label\nhi,greet\n" + "充值,deposit\n".encode("gbk")
    error = _error(_write(tmp_path, "q.csv", content))
    assert error.line == 3 and "UTF-8" in error.en


@pytest.mark.parametrize("content", ["", "text,label\n"])
def test_empty_files_are_refused(tmp_path: Path, content: str) -> None:
    error = _error(_write(tmp_path, "q.csv", content))
    assert "empty" in error.en or "no rows" in error.en


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    error = _error(tmp_path / "absent.csv")
    assert "absent.csv" in error.en and "cannot be read" in error.en
