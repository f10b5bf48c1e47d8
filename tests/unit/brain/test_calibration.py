"""Confidence: temperature, the out-of-scope threshold and the nearness signal."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.pipeline import Pipeline

from cryptodesk.brain import TrainSettings, train, training
from cryptodesk.brain.calibration import (
    OUT_OF_SCOPE,
    as_margins,
    fit_temperature,
    pick_threshold,
    probabilities,
)
from cryptodesk.brain.confidence import Memory, fit_confidence
from cryptodesk.brain.features import FeatureSettings
from cryptodesk.brain.training import left_out_intents


def test_temperature_recovers_the_one_that_generated_the_labels() -> None:
    rng = np.random.default_rng(0)
    margins = rng.normal(size=(4000, 5))
    truth = np.array([rng.choice(5, p=p) for p in probabilities(margins, 0.5)])
    assert fit_temperature(margins, truth) == pytest.approx(0.5, rel=0.1)


def test_binary_margins_become_two_columns_that_keep_the_winner() -> None:
    margins = as_margins(np.array([1.5, -0.3]))
    assert margins.shape == (2, 2)
    assert list(margins.argmax(axis=1)) == [1, 0]


def test_threshold_separates_confident_answers_from_unrelated_questions() -> None:
    confidence = np.array([0.95, 0.9, 0.85, 0.3, 0.2, 0.25])
    truth = np.array(["a", "b", "a", OUT_OF_SCOPE, OUT_OF_SCOPE, OUT_OF_SCOPE], dtype=object)
    predicted = np.array(["a", "b", "a", "a", "b", "a"], dtype=object)
    threshold = pick_threshold(confidence, predicted, truth)
    assert 0.3 < threshold <= 0.85
    # the middle of the tied run, not its lower edge
    assert threshold == pytest.approx((0.31 + 0.85) / 2, abs=0.01)


def test_without_out_of_scope_examples_nothing_is_rejected() -> None:
    confidence = np.array([0.9, 0.2])
    labels = np.array(["a", "b"], dtype=object)
    assert pick_threshold(confidence, labels, labels) == 0.0


def test_nearness_is_the_mean_of_the_closest_taught_phrases() -> None:
    taught = np.eye(4, dtype=np.float32)
    memory = Memory({"use": taught, "minilm": taught[:, :2]})
    query = np.array([[1.0, 0.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]], dtype=np.float32)
    near = memory.nearness({"use": query, "minilm": query[:, :2]})
    assert near.shape == (2, 2)  # a column per encoder
    assert near[0, 0] == pytest.approx(1 / 3)  # 1, 0, 0 are its three best
    assert near[1, 0] == pytest.approx(0.5)
    assert near[0, 1] == pytest.approx(1 / 3)  # rows 1, 0 and the zero rows 2, 3


def test_confidence_model_learns_that_far_questions_are_wrong() -> None:
    rng = np.random.default_rng(1)
    n = 400
    probs = np.column_stack([np.full(n, 0.7), np.full(n, 0.3)])
    near = rng.uniform(0, 1, n)
    right = near > 0.5
    confidence = fit_confidence(probs, near, right)
    assert confidence.model is not None
    scores = confidence.score(probs[:2], np.array([0.9, 0.1]))
    assert scores[0] > 0.8 > 0.2 > scores[1]


def test_confidence_falls_back_to_the_top_probability_when_nothing_was_wrong() -> None:
    probs = np.array([[0.8, 0.2]] * 30)
    confidence = fit_confidence(probs, None, np.ones(30, dtype=bool))
    assert confidence.model is None
    assert list(confidence.score(probs[:1], None)) == [0.8]


def test_a_fifth_of_the_intents_are_left_out_of_the_calibration_trial() -> None:
    labels = np.array([f"intent.{i}" for i in range(12)] * 3 + [OUT_OF_SCOPE] * 3, dtype=object)
    left_out = left_out_intents(labels, TrainSettings())
    assert len(left_out) == 2
    assert OUT_OF_SCOPE not in left_out
    assert set(left_out) <= set(labels)
    assert list(left_out_intents(labels, TrainSettings())) == list(left_out)


def test_with_few_intents_every_intent_is_taught_to_the_trial() -> None:
    labels = np.array([f"intent.{i}" for i in range(9)] * 3, dtype=object)
    assert len(left_out_intents(labels, TrainSettings())) == 0


def test_the_calibration_trial_is_not_taught_the_left_out_intents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    topics = ["deposit", "withdrawal", "password", "kyc", "fees", "futures", "staking",
              "referral", "api", "margin", "p2p", "airdrop"]
    words = ["help", "problem", "question", "issue", "how", "why", "when", "where", "what",
             "status"]
    rows = [(f"{topic} {word}", f"intent.{topic}") for topic in topics for word in words]
    settings = TrainSettings(features=FeatureSettings(use_weight=0, minilm_weight=0))
    taught: list[set[str]] = []
    fit = training._fit

    def recording_fit(texts: list[str], labels: np.ndarray, s: TrainSettings) -> Pipeline:
        taught.append(set(labels))
        return fit(texts, labels, s)

    monkeypatch.setattr(training, "_fit", recording_fit)
    model = train(rows, settings)
    every = {label for _, label in rows}
    left_out = set(left_out_intents(np.array(sorted(every), dtype=object), settings))
    assert len(left_out) == round(0.2 * len(every))
    assert taught == [every - left_out, every]
    assert set(model.labels) == every
