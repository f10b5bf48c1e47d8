"""Running the service: serve, migrate, and the demo exchange."""

from __future__ import annotations

import os

import pyotp
import typer

from ..bootstrap import Desk
from ..platform.ledger import LedgerPlatform
from ..services import demo as demo_data
from ..services import knowledge
from .common import desk, fail, run

db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
demo_app = typer.Typer(help="The demo exchange: set up, seed and serve.",
                       invoke_without_command=True)


def _port(port: int | None) -> int:
    if port is not None:
        return port
    try:
        return int(os.environ.get("PORT", "8000"))
    except ValueError:
        fail(f"PORT must be a number, not {os.environ['PORT']!r}")
        raise


def _serve(host: str, port: int) -> None:
    import uvicorn

    from ..web.app import create_app

    uvicorn.run(create_app(), host=host, port=port, log_level="info")


def _ledger(d: Desk) -> LedgerPlatform | None:
    """The demo exchange lives in the built-in ledger; an external exchange keeps its own."""
    return d.platform if isinstance(d.platform, LedgerPlatform) else None


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(demo_app, name="demo")
    app.command()(serve)


def serve(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int | None = typer.Option(None, help="defaults to $PORT, then 8000"),
) -> None:
    """Serve the help center, the agent console and the API on the configured database."""
    _serve(host, _port(port))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration."""
    with desk() as d:
        d.database.upgrade()
        typer.echo(f"database at revision {d.database.current_revision()}")


@db_app.command("current")
def db_current() -> None:
    """Print the schema revision, or 'none' before the first upgrade."""
    with desk() as d:
        typer.echo(d.database.current_revision() or "none")


@demo_app.callback()
def demo(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int | None = typer.Option(None, help="defaults to $PORT, then 8000"),
) -> None:
    """Set up the database with demo data (when missing) and serve it."""
    if ctx.invoked_subcommand is not None:
        return
    with desk() as d:
        d.database.upgrade()
        run(d, demo_data.seed, d.hasher, d.now(), _ledger(d))
        run(d, knowledge.sync, d.now())
    port = _port(port)
    base = f"http://{host}:{port}"
    typer.echo(f"\nHelp center   {base}/\nAgent console {base}/console\n"
               f"API docs      {base}/docs\n\nDemo agent logins (password / authenticator secret):")
    for a in demo_data.DEMO_AGENTS:
        typer.echo(f"  {a.username:<6} {a.password:<17} {a.totp_secret}  ({a.role}, {a.team})")
    typer.echo("Current code for an agent: cryptodesk demo totp USERNAME\n")
    _serve(host, port)


@demo_app.command("seed")
def demo_seed() -> None:
    """Write the demo customers, agents and tickets (only if they are missing)."""
    with desk() as d:
        d.database.upgrade()
        wrote = run(d, demo_data.seed, d.hasher, d.now(), _ledger(d))
        run(d, knowledge.sync, d.now())
    typer.echo("demo data written" if wrote else "demo data already present")


@demo_app.command("totp")
def demo_totp(username: str) -> None:
    """The current one-time code of a demo agent (demo secrets only)."""
    for a in demo_data.DEMO_AGENTS:
        if a.username == username:
            typer.echo(pyotp.TOTP(a.totp_secret).now())
            return
    fail(f"{username} is not a demo agent")
