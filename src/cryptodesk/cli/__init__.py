"""The `cryptodesk` command: how operators, scripts and benchmarks drive the product."""

from __future__ import annotations

import typer

from . import accounts, chain, ops

app = typer.Typer(
    name="cryptodesk", no_args_is_help=True, add_completion=False,
    help="Customer support for cryptocurrency exchanges.",
)
ops.register(app)
accounts.register(app)
app.add_typer(chain.app, name="chain")

__all__ = ["app"]
