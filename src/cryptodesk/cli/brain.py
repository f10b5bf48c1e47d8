"""`cryptodesk brain`: train, query and measure intent models from the command line.

`predict -` reads one question per line and writes one JSON object per line, in order; a line
that cannot be answered (empty, over 5,000 characters) gets an ``error`` object in its place so
the output stays aligned with the input.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from ..brain import (
    FeatureSettings,
    IntentModel,
    Prediction,
    TrainSettings,
    builtin_model,
    evaluate,
    load_model,
    read_labelled,
)
from ..brain import train as train_model
from ..brain.errors import BrainError
from .common import emit

app = typer.Typer(
    name="brain",
    help="Train, query and evaluate the intent classifier.",
    no_args_is_help=True,
    add_completion=False,
)

MODEL_HELP = "Model directory; without it, the built-in crypto model."


def _fail(exc: BrainError) -> None:
    typer.echo(f"error: {exc.en}", err=True)
    raise typer.Exit(2)


def _model(directory: Path | None) -> IntentModel:
    return load_model(directory) if directory is not None else builtin_model()


def prediction_json(p: Prediction) -> dict[str, Any]:
    return {
        "intent": p.intent, "confidence": p.confidence, "language": p.language,
        "ranked": [{"intent": i, "score": s} for i, s in p.ranked],
    }


def _lines(value: str) -> Iterator[str]:
    if value == "-":
        for line in sys.stdin:
            yield line.rstrip("\r\n")
    else:
        yield value


@app.command()
def train(
    file: Path = typer.Argument(..., help="CSV or TSV of labelled questions."),
    model: Path = typer.Option(..., "--model", help="Directory to write the model to."),
    text_col: str = typer.Option("text", "--text-col"),
    label_col: str = typer.Option("label", "--label-col"),
    tune_epochs: float = typer.Option(
        0.0, "--tune-epochs", min=0.0, max=20.0,
        help="Also tune the MiniLM encoder on the questions for this many passes: better "
             "accuracy and out-of-scope recall, for minutes of CPU and ~90 MB in the model.",
    ),
    e5_weight: float = typer.Option(
        0.0, "--e5-weight", min=0.0, max=10.0,
        help="Also read questions with multilingual E5 at this weight (3 in the built-in "
             "model): it carries phrases in one language over to questions in the other, "
             "for ~20 ms more a question. 0 leaves it out.",
    ),
    threshold: float | None = typer.Option(
        None, "--threshold", min=0.0, max=1.0,
        help="Reject answers less sure than this (0 to 1) instead of the threshold training "
             "picks; `brain eval` on questions with out_of_scope ones shows the trade-off.",
    ),
) -> None:
    """Train on labelled questions; a label `out_of_scope` teaches rejection."""
    try:
        started = time.perf_counter()
        rows = read_labelled(file, text_col=text_col, label_col=label_col)
        settings = TrainSettings(tune_epochs=tune_epochs, threshold=threshold,
                                 features=FeatureSettings(e5_weight=e5_weight))
        if tune_epochs > 0:
            typer.echo(f"tuning MiniLM on {len(rows)} questions for {tune_epochs:g} epochs first; "
                       "this takes minutes", err=True)
        fitted = train_model(((r.text, r.label) for r in rows), settings)
        fitted.save(str(model))
    except BrainError as exc:
        _fail(exc)
        return
    emit({
        "model": str(model), "examples": fitted.examples, "intents": len(fitted.labels),
        "threshold": fitted.threshold, "temperature": round(fitted.temperature, 4),
        "tuned_encoder": fitted.settings.features.tuned_minilm or None,
        "encoders": [name for name, _ in fitted.settings.features.encoders],
        "seconds": round(time.perf_counter() - started, 1),
    })


@app.command()
def predict(
    text: str = typer.Argument(..., help="A question, or - for one question per stdin line."),
    model: Path | None = typer.Option(None, "--model", help=MODEL_HELP),
) -> None:
    """Intent, confidence and language of each question, one JSON object per line."""
    try:
        fitted = _model(model)
    except BrainError as exc:
        _fail(exc)
        return
    for line in _lines(text):
        try:
            emit(prediction_json(fitted.predict(line)))
        except BrainError as exc:
            if text != "-":
                _fail(exc)
            emit({"error": {"code": exc.code, "message": exc.en, "message_zh": exc.zh}})


@app.command("eval")
def eval_(
    file: Path = typer.Argument(..., help="CSV or TSV of labelled questions."),
    model: Path | None = typer.Option(None, "--model", help=MODEL_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON object with every figure."),
    text_col: str = typer.Option("text", "--text-col"),
    label_col: str = typer.Option("label", "--label-col"),
) -> None:
    """Accuracy, macro-F1, per-intent precision/recall, confusion pairs, latency p50/p99."""
    try:
        rows = read_labelled(file, text_col=text_col, label_col=label_col)
        result = evaluate(_model(model), [(r.text, r.label) for r in rows])
    except BrainError as exc:
        _fail(exc)
        return
    if as_json:
        emit(result)
        return
    latency = result["latency_ms"]
    typer.echo(f"questions  {result['questions']}")
    typer.echo(f"accuracy   {result['accuracy']:.4f}")
    typer.echo(f"macro-F1   {result['macro_f1']:.4f}")
    typer.echo(f"latency    p50 {latency['p50']} ms, p99 {latency['p99']} ms")
    for pair in result["confusion_pairs"][:5]:
        typer.echo(f"confused   {pair['expected']} -> {pair['predicted']} ({pair['count']})")
    oos = result.get("out_of_scope")
    if oos:
        typer.echo(f"out of scope: recall {oos['recall']:.4f}, in-scope accuracy "
                   f"{oos['in_scope_accuracy']:.4f} at the model's threshold {oos['threshold']:g}")
        typer.echo("threshold  in-scope accuracy  out-of-scope recall")
        for row in oos["by_threshold"]:
            typer.echo(f"{row['threshold']:>9.2f}  {row['in_scope_accuracy']:>17.4f}"
                       f"  {row['recall']:>19.4f}")
