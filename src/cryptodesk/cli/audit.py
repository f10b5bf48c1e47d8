"""`cryptodesk audit verify`: prove the event log has not been altered since it was sealed."""

from __future__ import annotations

from typing import Annotated

import typer

from ..store import audit_chain
from .common import desk, emit

app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)


@app.command("verify")
def verify(
    json_out: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
) -> None:
    """Seal what is pending, then check every link; exit 1 naming the first broken event."""
    with desk() as d:
        audit_chain.seal(d.database)
        with d.database.session() as session:
            result = audit_chain.verify(session)
    if json_out:
        emit({"intact": result.intact, "sealed": result.sealed, "unsealed": result.unsealed,
              "broken_event_id": result.broken_event_id, "broken_seq": result.broken_seq,
              "reason": result.reason})
    elif result.intact:
        typer.echo(f"audit trail intact: {result.sealed} events sealed, "
                   f"{result.unsealed} waiting to be sealed")
    else:
        typer.echo(f"audit trail BROKEN at event id {result.broken_event_id} "
                   f"(#{result.broken_seq} in the chain): {result.reason}")
    if not result.intact:
        raise typer.Exit(1)
