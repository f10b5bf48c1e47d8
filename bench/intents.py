"""Cross-validated accuracy of the built-in crypto intents, per language.

The shipped phrases (``src/cryptodesk/data/intents/en.tsv`` and ``zh.tsv``) are split into
stratified folds; each fold is predicted by a model trained through the product's ``train`` on
the others, threshold and all, exactly as the built-in model is built. Figures are given per
phrase file (en, zh) and per detected language (mixed questions are counted apart), with the
out-of-scope recall and the share of in-scope questions wrongly rejected. Then what the reply
policy (``policy.decide_on``) would do with each answer: answer, ask which of two, hand to a
person, or say it is out of scope.

Last, the time a customer waits for an answer: the first fold's held-out questions asked one
at a time (``evaluate``, encoder caches emptied first), by the built-in settings and, as the
baseline in the same process, by the same settings without multilingual E5.

``--tune-epochs N`` and ``--left-out-share S`` change those training settings from the
built-in model's (``BUILTIN_SETTINGS``: no tuning, no intent left out), to weigh them.

    .venv/bin/python bench/intents.py [--folds 5] [--tune-epochs N] [--left-out-share S] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cryptodesk.brain import (  # noqa: E402
    OUT_OF_SCOPE,
    TrainSettings,
    evaluate,
    read_labelled,
    train,
)
from cryptodesk.brain.builtin import BUILTIN_SETTINGS, phrase_paths  # noqa: E402
from cryptodesk.brain.classifier import Prediction  # noqa: E402
from cryptodesk.brain.encoder import shared_encoder  # noqa: E402
from cryptodesk.brain.policy import Move, decide_on  # noqa: E402


def phrases() -> list[tuple[str, str, str]]:
    """(text, intent, file language) for every shipped phrase."""
    found = []
    for path in phrase_paths():
        for row in read_labelled(path, text_col="text", label_col="intent"):
            found.append((row.text, row.label, path.stem))
    return found


def _folds(rows: list[tuple[str, str, str]], folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    labels = np.asarray([label for _, label, _ in rows], dtype=object)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    return list(splitter.split(np.zeros(len(rows)), labels))


def cross_validate(folds: int, settings: TrainSettings) -> dict[str, Any]:
    rows = phrases()
    hits: dict[str, list[bool]] = defaultdict(list)
    rejected: dict[str, list[bool]] = defaultdict(list)
    moves: Counter[str] = Counter()
    started = time.perf_counter()
    for fit_at, test_at in _folds(rows, folds):
        model = train([rows[i][:2] for i in fit_at], settings)
        predictions = model.predict_many([rows[i][0] for i in test_at])
        for i, p in zip(test_at, predictions, strict=True):
            _, truth, file_language = rows[i]
            moves[_move(p, truth)] += 1
            for group in (f"file:{file_language}", f"detected:{p.language}", "all"):
                if truth == OUT_OF_SCOPE:
                    rejected[f"{group}:oos"].append(p.intent == OUT_OF_SCOPE)
                else:
                    hits[group].append(p.intent == truth)
                    rejected[group].append(p.intent == OUT_OF_SCOPE)
    result: dict[str, Any] = {"phrases": len(rows), "folds": folds,
                              "tune_epochs": settings.tune_epochs,
                              "left_out_share": settings.left_out_share,
                              "seconds": round(time.perf_counter() - started, 1), "groups": {},
                              "moves": dict(sorted(moves.items()))}
    for group in sorted(hits):
        result["groups"][group] = {
            "in_scope_questions": len(hits[group]),
            "in_scope_accuracy": round(float(np.mean(hits[group])), 4),
            "wrongly_rejected": round(float(np.mean(rejected[group])), 4),
            "oos_questions": len(rejected[f"{group}:oos"]),
            "oos_recall": round(float(np.mean(rejected[f"{group}:oos"] or [np.nan])), 4),
        }
    return result


def latency(folds: int, settings: TrainSettings) -> dict[str, dict[str, float]]:
    """p50/p99 ms per question asked alone, with the settings and without E5 (the baseline)."""
    rows = phrases()
    fit_at, test_at = _folds(rows, folds)[0]
    without = replace(settings, features=replace(settings.features, e5_weight=0.0))
    found = {}
    for name, chosen in (("without E5 (baseline)", without), ("these settings", settings)):
        model = train([rows[i][:2] for i in fit_at], chosen)
        for encoder, _ in chosen.features.encoders:
            shared_encoder(encoder).forget()
        found[name] = evaluate(model, [rows[i][:2] for i in test_at])["latency_ms"]
    return found


def _move(prediction: Prediction, truth: str) -> str:
    """What the customer would get, told apart by whether it helps them."""
    decision = decide_on(prediction)
    if decision.intent == OUT_OF_SCOPE:
        outcome = "told out of scope"
    elif decision.move is Move.HANDOFF and decision.reason == "low_confidence":
        outcome = "handed to a person, unsure"
    elif truth == OUT_OF_SCOPE:
        outcome = "asked which of two intents" if decision.move is Move.CLARIFY else (
            "answered as an intent")
    elif decision.move is Move.CLARIFY:
        offered = truth in decision.candidates
        outcome = f"asked which of two, right one {'offered' if offered else 'not offered'}"
    else:
        outcome = "answered right" if decision.intent == truth else "answered wrong"
    return f"{'out of scope' if truth == OUT_OF_SCOPE else 'in scope'}: {outcome}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--tune-epochs", type=float, default=BUILTIN_SETTINGS.tune_epochs)
    parser.add_argument("--left-out-share", type=float, default=BUILTIN_SETTINGS.left_out_share)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = replace(BUILTIN_SETTINGS, tune_epochs=args.tune_epochs,
                       left_out_share=args.left_out_share)
    result = cross_validate(args.folds, settings)
    result["latency_ms"] = latency(args.folds, settings)
    if args.json:
        print(json.dumps(result))
        return
    print(f"built-in intents: {result['phrases']} phrases, {result['folds']}-fold CV, "
          f"MiniLM tuned for {result['tune_epochs']} epochs, {result['left_out_share']} of the "
          f"intents left out of calibration, {result['seconds']} s")
    print(f"  {'group':<18}{'n':>6}{'accuracy':>10}{'rejected':>10}{'oos n':>7}{'oos rec':>9}")
    for group, g in result["groups"].items():
        print(f"  {group:<18}{g['in_scope_questions']:>6}{g['in_scope_accuracy']:>10.4f}"
              f"{g['wrongly_rejected']:>10.4f}{g['oos_questions']:>7}{g['oos_recall']:>9.4f}")
    print("  reply policy:")
    for move, count in result["moves"].items():
        print(f"    {move:<52}{count:>6}")
    print("  one question at a time:")
    base = result["latency_ms"]["without E5 (baseline)"]
    for name, figures in result["latency_ms"].items():
        print(f"    {name:<24} p50 {figures['p50']:>6.1f} ms ({figures['p50'] / base['p50']:.2f}x)"
              f"  p99 {figures['p99']:>6.1f} ms ({figures['p99'] / base['p99']:.2f}x)"
              f"  ({figures['timed']} questions)")


if __name__ == "__main__":
    main()
