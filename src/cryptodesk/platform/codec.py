"""The Platform records as JSON: Decimals as strings, times ISO-8601 with zone, enums as values.

Decoding is strict because a half-read record makes for a wrong diagnosis: a payload with a
missing, unknown or mistyped field raises `CodecError` naming the field, and nothing is built.
Fields with a default may be left out.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import types
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Context, Decimal, InvalidOperation
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_MAX_DECIMAL_CHARS = 64
_EXACT = Context(prec=_MAX_DECIMAL_CHARS * 2)  # normalize() must not round


class CodecError(ValueError):
    """A payload that is not the record it claims to be."""


@dataclasses.dataclass(frozen=True)
class FreezeRequest:
    """The body of `POST /v1/customers/{ref}/freeze`."""

    reason: str
    at: datetime


def encode(record: Any) -> dict[str, Any]:
    """One record (a frozen dataclass of platform.models) as a JSON-ready dict."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"not a record: {record!r}")
    return {f.name: encode_value(getattr(record, f.name)) for f in dataclasses.fields(record)}


def encode_value(value: Any) -> Any:
    """Any value a record holds (also free-form evidence) in its JSON form."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} has no zone")
        return value.astimezone(UTC).isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value)
    if isinstance(value, Mapping):
        return {str(k): encode_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode_value(v) for v in value]
    if isinstance(value, float):
        return value
    raise TypeError(f"cannot put {type(value).__name__} into JSON")


def _decimal_text(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"{value} is not an amount")
    return format(value.normalize(_EXACT), "f") if value else "0"


def decode(cls: type[T], data: object, where: str | None = None) -> T:
    """Build `cls` from its JSON form, or raise CodecError saying what is wrong and where."""
    where = where or cls.__name__
    if not isinstance(data, dict):
        raise CodecError(f"{where}: expected an object, got {_kind(data)}")
    readers = _readers(cls)
    unknown = sorted(str(k) for k in data if k not in readers)
    if unknown:
        raise CodecError(f"{where}: unexpected field(s) {', '.join(unknown)}")
    missing = [name for name in _required(cls) if name not in data]
    if missing:
        raise CodecError(f"{where}: missing field(s) {', '.join(missing)}")
    values = {name: readers[name](data[name], f"{where}.{name}") for name in data}
    return cls(**values)


def decode_many(cls: type[T], data: object, where: str) -> list[T]:
    """A JSON array of records of one kind."""
    if not isinstance(data, list):
        raise CodecError(f"{where}: expected an array, got {_kind(data)}")
    return [decode(cls, item, f"{where}[{i}]") for i, item in enumerate(data)]


Reader = Callable[[object, str], Any]


@cache
def _required(cls: type) -> tuple[str, ...]:
    return tuple(
        f.name for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


@cache
def _readers(cls: type) -> dict[str, Reader]:
    hints = get_type_hints(cls)
    return {f.name: _reader(hints[f.name]) for f in dataclasses.fields(cls)}


def _reader(hint: Any) -> Reader:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported field type {hint}")
        return _optional(_reader(inner[0]))
    if origin is tuple:
        return _tuple(_reader(get_args(hint)[0]))
    if origin is dict:
        return _object
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda value, where: decode(hint, value, where)
    simple = {str: _str, int: _int, bool: _bool, Decimal: _decimal, datetime: _datetime}
    if hint in simple:
        return simple[hint]
    raise TypeError(f"unsupported field type {hint}")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    text = repr(value)
    shown = text if len(text) <= 40 else text[:37] + "..."
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return f"{names.get(type(value), type(value).__name__)} {shown}"


def _optional(read: Reader) -> Reader:
    return lambda value, where: None if value is None else read(value, where)


def _tuple(read: Reader) -> Reader:
    def reader(value: object, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise CodecError(f"{where}: expected an array, got {_kind(value)}")
        return tuple(read(item, f"{where}[{i}]") for i, item in enumerate(value))

    return reader


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise CodecError(f"{where}: expected an object, got {_kind(value)}")
    return dict(value)


def _enum(cls: type[enum.Enum]) -> Reader:
    allowed = [m.value for m in cls]

    def reader(value: object, where: str) -> enum.Enum:
        if not isinstance(value, str) or value not in allowed:
            raise CodecError(f"{where}: expected one of {', '.join(allowed)}, got {_kind(value)}")
        return cls(value)

    return reader


def _str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise CodecError(f"{where}: expected a string, got {_kind(value)}")
    return value


def _int(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise CodecError(f"{where}: expected an integer, got {_kind(value)}")
    return value


def _bool(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise CodecError(f"{where}: expected true or false, got {_kind(value)}")
    return value


def _decimal(value: object, where: str) -> Decimal:
    if (
        not isinstance(value, str)
        or len(value) > _MAX_DECIMAL_CHARS
        or not _DECIMAL.fullmatch(value)
    ):
        raise CodecError(f'{where}: expected a decimal string such as "12.5", got {_kind(value)}')
    try:
        return Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only valid text
        raise CodecError(f"{where}: {value!r} is not a decimal") from exc


def _datetime(value: object, where: str) -> datetime:
    problem = "expected an ISO-8601 time with its zone, such as 2026-11-25T09:00:00+00:00"
    if not isinstance(value, str) or "T" not in value:
        raise CodecError(f"{where}: {problem}, got {_kind(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CodecError(f"{where}: {problem}, got {_kind(value)}") from exc
    if parsed.tzinfo is None:
        raise CodecError(f"{where}: {problem}; {value!r} has no zone")
    return parsed.astimezone(UTC)
