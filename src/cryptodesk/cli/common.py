"""What every command shares: the desk, JSON output, and clean failures."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer
from sqlalchemy.exc import DBAPIError

from ..bootstrap import Desk, build
from ..config import Settings
from ..errors import CryptodeskError

R = TypeVar("R")


@contextmanager
def desk() -> Iterator[Desk]:
    """Settings are read afresh, so each command sees the environment it was started with.

    A command run against a database that was never migrated says so, instead of a driver's
    "no such table" with a stack trace.
    """
    built = build(Settings())
    try:
        yield built
    except DBAPIError:
        if _schema_missing(built):
            fail("the database has no tables yet: run `cryptodesk db upgrade` first.")
        raise
    finally:
        built.database.dispose()


def _schema_missing(d: Desk) -> bool:
    try:
        return d.database.current_revision() is None
    except DBAPIError:
        return True


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
