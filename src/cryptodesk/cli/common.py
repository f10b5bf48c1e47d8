"""What every command shares: the desk, JSON output, and clean failures."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer

from ..bootstrap import Desk, build
from ..config import Settings
from ..errors import CryptodeskError

R = TypeVar("R")


@contextmanager
def desk() -> Iterator[Desk]:
    """Settings are read afresh, so each command sees the environment it was started with."""
    built = build(Settings())
    try:
        yield built
    finally:
        built.database.dispose()


def emit(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, default=str))


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def run(d: Desk, action: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """One use case in one committed unit of work; domain errors become a clear exit."""
    try:
        with d.uow() as uow:
            result = action(uow, *args, **kwargs)
            uow.commit()
            return result
    except CryptodeskError as exc:
        fail(exc.en)
        raise AssertionError("unreachable") from exc


def stdin_lines() -> list[str]:
    return [line.rstrip("\n") for line in sys.stdin]
