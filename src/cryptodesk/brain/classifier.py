"""A trained intent model and its answers: intent, calibrated confidence, language, candidates.

Margins of the linear model are temperature-scaled into class probabilities (``ranked``); the
``confidence`` of an answer is the held-out-calibrated probability that the top intent is right
(``confidence.py``). Under the model's threshold the answer becomes ``out_of_scope`` with
confidence ``1 - p(right)``, and ``ranked`` still lists the best candidates, for a clarifying
question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.pipeline import Pipeline

from .calibration import OUT_OF_SCOPE, as_margins, probabilities
from .confidence import Confidence, Memory
from .encoder import encode_together, one_blas_thread
from .fastpath import LinearScorer
from .features import FeatureSettings
from .language import Language, detect_language
from .normalise import normalise

TOP_K = 3
_FEW = 8  # up to this many questions, one BLAS thread is faster than two


@dataclass(frozen=True)
class Prediction:
    intent: str
    confidence: float
    language: Language
    ranked: tuple[tuple[str, float], ...]  # best candidates first, for a clarifying question


@dataclass(frozen=True)
class TrainSettings:
    features: FeatureSettings = field(default_factory=FeatureSettings)
    c: float = 0.5
    holdout: float = 0.2
    threshold: float | None = None  # None: picked on the holdout when out_of_scope is taught
    seed: int = 0
    tune_epochs: float = 0.0  # > 0: MiniLM is first tuned on the phrases (``tuning.py``)
    left_out_share: float = 0.2  # of the intents, kept from the calibration trial (training.py)


class IntentModel:
    """A fitted pipeline plus what turns its margins into answers."""

    def __init__(
        self, pipeline: Pipeline, *, temperature: float, threshold: float,
        settings: TrainSettings, examples: int, confidence: Confidence | None = None,
        memory: Memory | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.labels: tuple[str, ...] = tuple(str(c) for c in pipeline.classes_)
        self.temperature = temperature
        self.threshold = threshold
        self.settings = settings
        self.examples = examples
        self.confidence = confidence or Confidence()
        self.memory = memory
        self._scorer: LinearScorer | None = None

    def margins(self, normalised: Sequence[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """(n, classes) margins of normalised texts, and their nearness to taught phrases."""
        if self._scorer is None:
            self._scorer = LinearScorer(self.pipeline)
        needed = dict.fromkeys(self._scorer.encoders)
        if self.memory is not None:
            needed.update(dict.fromkeys(self.memory.encoders))
        vectors = encode_together(list(needed), list(normalised))
        margins, _ = self._scorer.decision(normalised, vectors)
        near = None if self.memory is None else self.memory.nearness(vectors)
        return as_margins(margins), near

    def _scored(self, normalised: Sequence[str]) -> tuple[np.ndarray, np.ndarray | None]:
        margins, near = self.margins(normalised)
        return probabilities(margins, self.temperature), near

    def probabilities(self, normalised: Sequence[str]) -> np.ndarray:
        """Class probabilities of normalised texts, columns in ``labels`` order."""
        return self._scored(normalised)[0]

    def answers(self, normalised: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(class probabilities, top label index, p(top intent right)) before any threshold."""
        if len(normalised) <= _FEW:
            with one_blas_thread():
                probs, near = self._scored(normalised)
        else:
            probs, near = self._scored(normalised)
        top = probs.argmax(axis=1)
        right = self.confidence.score(probs, near)
        said_oos = np.asarray([self.labels[i] == OUT_OF_SCOPE for i in top], dtype=bool)
        right = np.where(said_oos, probs.max(axis=1), right)
        return probs, top, right

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Batch prediction: one encoder call for all texts (what eval and benchmarks use)."""
        if not texts:
            return []
        probs, top, right = self.answers([normalise(t) for t in texts])
        return [
            self._answer(text, probs[i], int(top[i]), float(right[i]))
            for i, text in enumerate(texts)
        ]

    def _answer(self, text: str, row: np.ndarray, top: int, right: float) -> Prediction:
        order = np.argsort(-row)[:TOP_K]
        ranked = tuple((self.labels[i], round(float(row[i]), 4)) for i in order)
        intent = self.labels[top]
        if intent != OUT_OF_SCOPE and right < self.threshold:
            intent, right = OUT_OF_SCOPE, 1.0 - right
        return Prediction(intent, round(right, 4), detect_language(text), ranked)

    def save(self, directory: str) -> None:
        from .persistence import save_model

        save_model(self, directory)

    @classmethod
    def load(cls, directory: str) -> IntentModel:
        from .persistence import load_model

        return load_model(directory)
