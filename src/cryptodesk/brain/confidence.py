"""How sure the engine is that its top intent is right, and how close the question is to anything
it was taught.

A softmax probability alone is over-confident on questions unlike any training phrase: a
linear model still puts them on one side of some boundary. So the confidence the reply policy
sees is a small logistic regression, fitted on held-out questions, that predicts "the top intent
is right" from three signals: the top class probability (as log-odds), its lead over the
second, and *nearness*: for each sentence encoder, the mean cosine of the question's vector
to its three nearest taught in-scope phrases. Being fitted on "right or wrong", it stays a
probability the reply policy can threshold (bench/README.md has its CLINC150 figures).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

NEIGHBOURS = 3
_EPS = 1e-6


class Memory:
    """Each sentence encoder's vectors of the taught in-scope phrases (float16 on disk)."""

    def __init__(self, vectors: Mapping[str, np.ndarray]) -> None:
        self.vectors = {name: np.asarray(v, dtype=np.float16) for name, v in vectors.items()}
        self._ready: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(next(iter(self.vectors.values())))

    def __getstate__(self) -> dict[str, dict[str, np.ndarray]]:
        return {"vectors": self.vectors}

    def __setstate__(self, state: dict[str, dict[str, np.ndarray]]) -> None:
        self.vectors = state["vectors"]
        self._ready = {}

    @property
    def encoders(self) -> tuple[str, ...]:
        return tuple(self.vectors)

    def nearness(self, queries: Mapping[str, np.ndarray]) -> np.ndarray:
        """(n, encoders): per encoder, the mean cosine to the closest taught phrases.

        An encoder that read nothing of a question (MiniLM on Chinese: a zero vector) has no
        opinion; its column repeats the first encoder's, so a Chinese question does not look
        far from everything merely because one encoder cannot read it.
        """
        columns: list[np.ndarray] = []
        for name, taught in self.vectors.items():
            ready = self._ready.get(name)
            if ready is None:
                ready = self._ready[name] = taught.astype(np.float32)
            query = queries[name]
            sims = query @ ready.T
            k = min(NEIGHBOURS, sims.shape[1])
            near = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:].mean(axis=1)
            if columns:
                near = np.where(np.any(query != 0, axis=1), near, columns[0])
            columns.append(near)
        return np.column_stack(columns).astype(np.float64)


def signals(probs: np.ndarray, nearness: np.ndarray | None) -> np.ndarray:
    ordered = np.sort(probs, axis=1)
    top = np.clip(ordered[:, -1], _EPS, 1 - _EPS)
    second = ordered[:, -2] if probs.shape[1] > 1 else np.zeros(len(probs))
    columns = [np.log(top / (1 - top)), top - second]
    if nearness is not None:
        columns.extend(np.asarray(nearness).reshape(len(probs), -1).T)
    return np.column_stack(columns)


@dataclass
class Confidence:
    """P(top intent is right); without a fitted model, the top probability itself."""

    model: LogisticRegression | None = None
    uses_nearness: bool = False

    def score(self, probs: np.ndarray, nearness: np.ndarray | None) -> np.ndarray:
        if self.model is None:
            return np.asarray(probs.max(axis=1), dtype=np.float64)
        features = signals(probs, nearness if self.uses_nearness else None)
        return np.asarray(self.model.predict_proba(features)[:, 1], dtype=np.float64)


def fit_confidence(
    probs: np.ndarray, nearness: np.ndarray | None, right: np.ndarray,
) -> Confidence:
    """Fit on held-out answers; ``right`` marks rows whose top intent was correct."""
    if right.all() or not right.any() or len(right) < 20:
        return Confidence()
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(signals(probs, nearness), right.astype(int))
    return Confidence(model=model, uses_nearness=nearness is not None)
