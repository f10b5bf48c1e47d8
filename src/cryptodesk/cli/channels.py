"""`cryptodesk verify-channel` and `cryptodesk channels`: is this really us, and the registry
of official channels behind the answer. The operator at the command line may change the
registry directly; changes are logged as the system's."""

from __future__ import annotations

from typing import Any

import typer

from ..config import Settings
from ..domain.channels import ChannelKind, OfficialChannel, Verdict
from ..errors import CryptodeskError
from ..services import channels as channel_services
from ..store.unit_of_work import UnitOfWork
from .common import desk, emit, run, stdin_lines

app = typer.Typer(help="The registry of official channels.", no_args_is_help=True)


def verdict_json(verdict: Verdict, language: str) -> dict[str, Any]:
    return {
        "value": verdict.value, "kind": verdict.kind, "status": verdict.status,
        "reason": verdict.reason, "message": verdict.message(language),
        "label": verdict.label, "imitates": verdict.imitates,
    }


def channel_json(channel: OfficialChannel) -> dict[str, Any]:
    return {
        "id": channel.id, "kind": channel.kind, "value": channel.value,
        "display": channel.display, "label": channel.label, "active": channel.active,
        "added_by": channel.added_by, "added_at": channel.added_at.isoformat(),
        "retired_by": channel.retired_by,
        "retired_at": channel.retired_at.isoformat() if channel.retired_at else None,
    }


def verify_channel(
    value: str = typer.Argument(
        ..., help="a URL, domain, email, phone, @account or staff ID; - for one per stdin line"
    ),
    json_out: bool = typer.Option(False, "--json", help="one JSON object"),
    lang: str = typer.Option("en", "--lang", help="language of the message: en or zh"),
) -> None:
    """Say whether something a customer was sent is really one of the exchange's channels."""
    with desk() as d:
        if value == "-":
            with d.uow() as uow:
                for line in stdin_lines():
                    emit(_verify_line(uow, line, d.settings, lang))
            return
        verdict = run(d, channel_services.verify, value, d.settings)
    if json_out:
        emit(verdict_json(verdict, lang))
    else:
        typer.echo(f"{verdict.status}: {verdict.message(lang)}")


@app.command("list")
def list_channels(
    kind: ChannelKind | None = typer.Option(None, help="only this kind"),
    all_: bool = typer.Option(False, "--all", help="include retired channels"),
    json_out: bool = typer.Option(False, "--json", help="one JSON object"),
) -> None:
    """List the official channels."""
    with desk() as d, d.uow() as uow:
        found = channel_services.listing(uow, kind, include_retired=all_)
        rows = [channel_json(c) for c in found]
    if json_out:
        emit({"channels": rows})
        return
    for row in rows:
        state = "" if row["active"] else "  (retired)"
        line = f"{row['id']:>4}  {row['kind']:<12}  {row['display']:<28}  {row['label']}"
        typer.echo(line + state)


@app.command("add")
def add_channel(
    kind: ChannelKind = typer.Argument(..., help="website, email_sender, phone, telegram, ..."),
    value: str = typer.Argument(..., help="e.g. example.com, +44 20 7946 0958, @example"),
    label: str = typer.Option(..., "--label", help="what customers are told it is"),
) -> None:
    """Register an official channel (a retired one comes back)."""
    with desk() as d:
        channel = run(d, channel_services.add, None, kind=kind, value=value, label=label,
                      now=d.now())
    emit(channel_json(channel))


@app.command("remove")
def remove_channel(channel_id: int = typer.Argument(..., min=1, help="its id (see list)")) -> None:
    """Retire an official channel; customers asking about it hear it is no longer ours."""
    with desk() as d:
        channel = run(d, channel_services.retire, None, channel_id, d.now())
    emit(channel_json(channel))


def _verify_line(uow: UnitOfWork, line: str, settings: Settings, lang: str) -> dict[str, Any]:
    try:
        return verdict_json(channel_services.verify(uow, line, settings), lang)
    except CryptodeskError as exc:
        return {"value": line, "error": {"code": exc.code, "message": exc.message(lang)}}
