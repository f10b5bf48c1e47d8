"""How good a model is on labelled questions: the figures ``brain eval --json`` reports.

Latency is measured as a customer meets it: one question at a time, after a warm-up, so it
includes normalising, segmenting, encoding and the linear model (not loading).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from .calibration import OUT_OF_SCOPE, accuracy_and_recall, said_under
from .classifier import IntentModel, Prediction
from .normalise import normalise

CONFUSION_PAIRS = 20
TRADE_OFF_THRESHOLDS = np.round(np.arange(0.0, 1.0, 0.05), 2)


def _percentiles(seconds: list[float]) -> dict[str, float]:
    if not seconds:
        return {"p50": 0.0, "p99": 0.0, "timed": 0}
    ms = np.asarray(seconds) * 1000.0
    return {"p50": round(float(np.percentile(ms, 50)), 2),
            "p99": round(float(np.percentile(ms, 99)), 2), "timed": len(ms)}


def predict_timed(
    model: IntentModel, texts: Sequence[str], timed: int | None = None,
) -> tuple[list[Prediction], list[float]]:
    """Predictions for all texts; the first ``timed`` (all if None) one by one, the rest batched."""
    limit = len(texts) if timed is None else min(timed, len(texts))
    if texts:
        model.predict(texts[0])  # warm-up: encoder weights, jieba, lazy caches
    predictions: list[Prediction] = []
    seconds: list[float] = []
    for text in texts[:limit]:
        started = time.perf_counter()
        predictions.append(model.predict(text))
        seconds.append(time.perf_counter() - started)
    predictions.extend(model.predict_many(texts[limit:]) if limit < len(texts) else [])
    return predictions, seconds


def _per_intent(truth: list[str], guessed: list[str]) -> dict[str, dict[str, float]]:
    labels = sorted(set(truth) | set(guessed))
    p, r, f, s = precision_recall_fscore_support(truth, guessed, labels=labels, zero_division=0)
    return {
        label: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                "f1": round(float(f[i]), 4), "support": int(s[i])}
        for i, label in enumerate(labels)
    }


def _answered_and_rejected(said: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    accuracy, recall = accuracy_and_recall(said, truth)
    return {"in_scope_accuracy": round(accuracy, 4), "recall": round(recall, 4)}


def _out_of_scope(truth: list[str], guessed: list[str]) -> dict[str, float] | None:
    labels, said = np.asarray(truth, dtype=object), np.asarray(guessed, dtype=object)
    oos = labels == OUT_OF_SCOPE
    if not oos.any():
        return None
    rejected = said == OUT_OF_SCOPE
    return {
        **_answered_and_rejected(said, labels),
        "precision": round(float(oos[rejected].mean()), 4) if rejected.any() else 0.0,
    }


def at_threshold(
    threshold: float, guessed: np.ndarray, right: np.ndarray, truth: np.ndarray,
) -> dict[str, float]:
    """In-scope accuracy and out-of-scope recall had the model rejected under ``threshold``.

    ``guessed`` holds the top intents and ``right`` their p(right) before any threshold
    (``IntentModel.answers``); rejecting is what the model does under its own threshold.
    """
    said = said_under(threshold, guessed, right)
    return {"threshold": round(float(threshold), 3), **_answered_and_rejected(said, truth)}


def unthresholded(model: IntentModel, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(top intent, p(top intent right)) of each text, before the model's threshold."""
    _, top, right = model.answers([normalise(t) for t in texts])
    return np.asarray(model.labels, dtype=object)[top], right


def trade_off(
    model: IntentModel, texts: Sequence[str], truth: Sequence[str],
) -> list[dict[str, float]]:
    """The figures at other thresholds, so an operator can choose one for ``brain train
    --threshold``: the holdout's own pick rests on few out-of-scope questions."""
    guessed, right = unthresholded(model, texts)
    labels = np.asarray(truth, dtype=object)
    return [at_threshold(t, guessed, right, labels) for t in TRADE_OFF_THRESHOLDS]


def _by_language(predictions: list[Prediction], truth: list[str]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[bool]] = {}
    for p, t in zip(predictions, truth, strict=True):
        groups.setdefault(p.language, []).append(p.intent == t)
    return {lang: {"questions": len(v), "accuracy": round(float(np.mean(v)), 4)}
            for lang, v in sorted(groups.items())}


def report(
    predictions: list[Prediction], truth: list[str], seconds: list[float],
) -> dict[str, Any]:
    guessed = [p.intent for p in predictions]
    pairs = Counter((t, g) for t, g in zip(truth, guessed, strict=True) if t != g)
    result: dict[str, Any] = {
        "questions": len(truth),
        "accuracy": round(float(accuracy_score(truth, guessed)), 4),
        "macro_f1": round(float(f1_score(truth, guessed, average="macro", zero_division=0)), 4),
        "latency_ms": _percentiles(seconds),
        "by_language": _by_language(predictions, truth),
        "per_intent": _per_intent(truth, guessed),
        "confusion_pairs": [
            {"expected": t, "predicted": g, "count": n}
            for (t, g), n in pairs.most_common(CONFUSION_PAIRS)
        ],
    }
    oos = _out_of_scope(truth, guessed)
    if oos is not None:
        result["out_of_scope"] = oos
    return result


def evaluate(
    model: IntentModel, rows: Sequence[tuple[str, str]], timed: int | None = 1000,
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-intent precision/recall, confusion pairs and latency p50/p99;
    with ``out_of_scope`` questions, the trade-off between answering and rejecting."""
    texts = [text for text, _ in rows]
    truth = [label for _, label in rows]
    predictions, seconds = predict_timed(model, texts, timed)
    result = report(predictions, truth, seconds)
    if "out_of_scope" in result:
        result["out_of_scope"]["threshold"] = model.threshold
        result["out_of_scope"]["by_threshold"] = trade_off(model, texts, truth)
    return result
