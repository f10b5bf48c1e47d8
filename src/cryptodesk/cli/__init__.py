"""The `cryptodesk` command: how operators, scripts and benchmarks drive the product."""

from __future__ import annotations

import typer

from . import accounts, answer, audit, brain, chain, channels, knowledge, ops, platform, shield

app = typer.Typer(
    name="cryptodesk", no_args_is_help=True, add_completion=False,
    help="Customer support for cryptocurrency exchanges.",
)
ops.register(app)
accounts.register(app)
app.add_typer(brain.app, name="brain")
app.add_typer(chain.app, name="chain")
app.add_typer(knowledge.app, name="kb")
app.add_typer(shield.app, name="shield")
app.add_typer(audit.app, name="audit")
app.add_typer(platform.app, name="platform")
app.command()(answer.ask)
app.command("diagnose")(answer.diagnose_command)
app.add_typer(channels.app, name="channels")
app.command("verify-channel")(channels.verify_channel)

__all__ = ["app"]
