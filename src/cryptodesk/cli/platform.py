"""`cryptodesk platform`: serve the built-in ledger over the Platform HTTP contract.

What an exchange's back office would answer, from cryptodesk's own database: the reference
server for exchanges implementing docs/platform-api.yaml, and a way to run the HTTP adapter
against real data.
"""

from __future__ import annotations

import sqlalchemy as sa
import typer

from ..config import Settings
from ..platform.ledger import LedgerPlatform
from ..platform.server import create_platform_app
from ..store.database import Database

TOKEN_ENV = "CRYPTODESK_PLATFORM_TOKEN"
_MIN_PRODUCTION_TOKEN = 32

app = typer.Typer(
    name="platform", no_args_is_help=True, add_completion=False,
    help="The exchange's records over the Platform HTTP contract.",
)


@app.callback()
def platform() -> None:
    """The exchange's records over the Platform HTTP contract (docs/platform-api.yaml)."""


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int = typer.Option(8100, help="port to listen on"),
    token: str | None = typer.Option(
        None, envvar=TOKEN_ENV, show_default=False,
        help=f"bearer token callers must send (or ${TOKEN_ENV})",
    ),
) -> None:
    """Serve the ledger of the configured database over the Platform HTTP contract."""
    settings = Settings()
    if not token:
        _fail(f"a token is required: --token or ${TOKEN_ENV}")
        return
    if settings.environment == "production" and len(token) < _MIN_PRODUCTION_TOKEN:
        _fail(f"the platform token must be at least {_MIN_PRODUCTION_TOKEN} characters in "
              "production")
    database = Database(settings.database_url)
    try:
        with database.engine.connect() as conn:
            ready = sa.inspect(conn).has_table("ledger_accounts")
    except sa.exc.SQLAlchemyError as exc:
        database.dispose()
        _fail(f"the database did not answer: {exc}")
        return
    if not ready:
        database.dispose()
        _fail("the database has no ledger yet: run `cryptodesk db upgrade` first")

    import uvicorn

    try:
        uvicorn.run(create_platform_app(LedgerPlatform(database.engine), token),
                    host=host, port=port, log_level="info")
    finally:
        database.dispose()


if __name__ == "__main__":
    app()
