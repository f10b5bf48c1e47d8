"""Turning a linear model's margins into a confidence the reply policy can threshold.

A LinearSVC is as accurate as logistic regression here and several times faster to train, but
its margins are not probabilities. One temperature, fitted on held-out questions by
minimising the negative log-likelihood of ``softmax(margin / T)``, makes them behave like
probabilities without moving the top answer (temperature scaling, Guo et al. 2017).

The out-of-scope threshold is chosen on the same held-out questions: the confidence under
which answering does more harm than saying "I don't know", weighing in-scope accuracy and
out-of-scope recall equally.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax

OUT_OF_SCOPE = "out_of_scope"
_GRID = np.round(np.arange(0.0, 1.0001, 0.01), 2)


def as_margins(decision: np.ndarray) -> np.ndarray:
    """(n, classes) margins, also for the binary case where sklearn returns one column."""
    decision = np.asarray(decision, dtype=np.float64)
    if decision.ndim == 1:
        return np.column_stack([-decision, decision]) / 2.0
    return decision


def probabilities(margins: np.ndarray, temperature: float) -> np.ndarray:
    return np.asarray(softmax(margins / temperature, axis=1))


def fit_temperature(margins: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that makes held-out margins most likely; ``truth`` holds column indices."""
    rows = np.arange(len(truth))

    def nll(log_t: float) -> float:
        return float(-log_softmax(margins / np.exp(log_t), axis=1)[rows, truth].mean())

    found = minimize_scalar(nll, bounds=(np.log(1e-3), np.log(1e2)), method="bounded")
    return float(np.exp(found.x))


def said_under(threshold: float, guessed: np.ndarray, confidence: np.ndarray) -> np.ndarray:
    """The answers had everything less sure than ``threshold`` been rejected."""
    return np.where(confidence < threshold, OUT_OF_SCOPE, guessed)


def accuracy_and_recall(said: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """In-scope accuracy (a rejection counts as wrong) and out-of-scope recall of answers;
    0 for a side without questions."""
    oos = truth == OUT_OF_SCOPE
    accuracy = float(np.mean(said[~oos] == truth[~oos])) if (~oos).any() else 0.0
    recall = float(np.mean(said[oos] == OUT_OF_SCOPE)) if oos.any() else 0.0
    return accuracy, recall


def pick_threshold(
    confidence: np.ndarray, predicted: np.ndarray, truth: np.ndarray,
) -> float:
    """Threshold maximising (in-scope accuracy + out-of-scope recall) / 2 on held-out rows.

    ``predicted`` and ``truth`` are label arrays; rows whose truth is ``out_of_scope`` count for
    recall. Without any such row nothing can be learnt and the threshold stays at 0.
    """
    oos = truth == OUT_OF_SCOPE
    if not oos.any() or oos.all():
        return 0.0
    scores = np.array([
        sum(accuracy_and_recall(said_under(t, predicted, confidence), truth)) / 2 for t in _GRID
    ])
    # Several thresholds often tie (held-out data separates cleanly); the middle of the best
    # run keeps the widest margin on both sides instead of hugging 0.
    best = np.flatnonzero(scores >= scores.max() - 1e-9)
    run_end = best[0]
    while run_end + 1 in best:
        run_end += 1
    return float(_GRID[(best[0] + run_end) // 2])
