"""`cryptodesk chain ...`: address checks and the network registry from the command line."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from cryptodesk.chain import AddressCheck, Network, networks, validate

from .common import emit

app = typer.Typer(
    help="What cryptodesk knows of blockchains: validate addresses, list networks.",
    no_args_is_help=True,
)

_LANGS = ("en", "zh")


def _answer(check: AddressCheck, lang: str) -> dict[str, Any]:
    return {
        "valid": check.valid,
        "network": check.network,
        "detected_networks": list(check.detected_networks),
        "checksummed": check.checksummed,
        "reason": check.reason,
        "message": check.message(lang),
    }


def _line_request(line: str, default_network: str | None) -> tuple[str | None, str]:
    """A stdin line is `NETWORK ADDRESS` or just `ADDRESS`."""
    parts = line.split(maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return default_network, line


@app.command("validate")
def validate_command(
    address: Annotated[str, typer.Argument(help="The address, or - to read lines from stdin.")],
    network: Annotated[
        str | None, typer.Option("--network", "-n", help="Network id or alias (ERC20, 波场...).")
    ] = None,
    lang: Annotated[str, typer.Option(help="Language of the message: en or zh.")] = "en",
) -> None:
    """Validate an address; exit 1 when it is invalid (always 0 when reading stdin)."""
    if lang not in _LANGS:
        raise typer.BadParameter(f"choose one of {', '.join(_LANGS)}", param_hint="--lang")
    if address != "-":
        check = validate(address, network)
        emit(_answer(check, lang))
        raise typer.Exit(0 if check.valid else 1)
    for raw in sys.stdin:
        net, addr = _line_request(raw.strip(), network)
        emit(_answer(validate(addr, net), lang))


def _row(net: Network) -> dict[str, Any]:
    return {
        "id": net.id,
        "name_en": net.name_en,
        "name_zh": net.name_zh,
        "aliases": list(net.aliases),
        "native_asset": net.native_asset,
        "address_family": net.family.value,
        "memo": (
            {
                "name_en": net.memo.name_en,
                "name_zh": net.memo.name_zh,
                "required": net.memo.required,
            }
            if net.memo
            else None
        ),
        "tx_hash_pattern": net.tx_hash_pattern,
        "block_time_s": net.block_time_s,
        "confirmations": net.confirmations,
        "explorer_tx_url": net.explorer_tx_url,
    }


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


@app.command("networks")
def networks_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
) -> None:
    """List the networks cryptodesk knows."""
    if as_json:
        emit([_row(net) for net in networks()])
        return
    rows = [["ID", "NAME", "NATIVE", "ADDRESS", "MEMO", "BLOCK_S", "CONFIRMATIONS"]]
    rows += [
        [
            net.id,
            net.name_en,
            net.native_asset,
            net.family.value,
            net.memo.name_en if net.memo else "-",
            f"{net.block_time_s:g}",
            str(net.confirmations),
        ]
        for net in networks()
    ]
    typer.echo(_table(rows))
