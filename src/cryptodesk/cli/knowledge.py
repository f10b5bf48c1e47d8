"""`cryptodesk kb ...`: load the shipped articles into the database and search them."""

from __future__ import annotations

from typing import Annotated

import typer

from ..services import kb_search
from ..services import knowledge as kb
from .common import desk, emit, run

app = typer.Typer(help="The knowledge base.", no_args_is_help=True)


@app.command("sync")
def sync() -> None:
    """Add shipped articles that are missing; refresh those no agent has edited."""
    with desk() as d:
        report = run(d, kb.sync, d.now())
    typer.echo(f"added {report.added}, updated {report.updated}, kept {report.kept}")


@app.command("search")
def search(
    text: str,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en")] = None,
    limit: Annotated[int, typer.Option(min=1, max=20)] = 5,
    json_out: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
) -> None:
    """The published articles that best answer TEXT."""
    if lang not in (None, "zh", "en"):
        raise typer.BadParameter("--lang is zh or en")
    with desk() as d:
        hits = run(d, kb_search.search, text, language=lang, limit=limit)
    if json_out:
        emit({"query": text, "hits": [
            {"slug": h.key, "language": h.language, "intent": h.intent, "title": h.title,
             "score": round(h.score, 4)} for h in hits]})
        return
    for h in hits:
        typer.echo(f"{h.score:.3f}  [{h.language}] {h.key}  {h.title}")
