"""Tuning MiniLM on a model's phrases: it groups them by intent, and the model keeps it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from cryptodesk.brain import (
    OUT_OF_SCOPE,
    IntentModel,
    ModelError,
    TrainSettings,
    load_model,
    train,
)
from cryptodesk.brain.encoder import register_tuned, shared_encoder, tuned_name
from cryptodesk.brain.persistence import MANIFEST, TUNED_GRAPH
from cryptodesk.brain.tuning import TuneSettings, tune_minilm

from .test_intent_model import ROWS

QUESTIONS = ["my usdt deposit never arrived", "I can't remember my password",
             "please get me a human agent", "what's the weather like tomorrow", "转人工客服"]


@pytest.fixture(scope="module")
def tuned(tmp_path_factory: pytest.TempPathFactory) -> tuple[IntentModel, Path]:
    model = train(ROWS, TrainSettings(tune_epochs=4))
    directory = tmp_path_factory.mktemp("tuned-model")
    model.save(str(directory))
    return model, directory


def _separation(encoder: str, texts: list[str], labels: list[str]) -> float:
    """Mean cosine between phrases of one intent minus that between phrases of two."""
    vectors = shared_encoder(encoder).encode(texts)
    cosines = vectors @ vectors.T
    same = np.equal.outer(labels, labels)
    off_diagonal = ~np.eye(len(texts), dtype=bool)
    return float(cosines[same & off_diagonal].mean() - cosines[~same].mean())


def test_tuning_pulls_each_intents_phrases_together_and_the_intents_apart() -> None:
    english = [(t, label) for t, label in ROWS if t.isascii() and label != OUT_OF_SCOPE]
    texts, labels = [t for t, _ in english], [label for _, label in english]
    digest = tune_minilm(texts, labels, TuneSettings(epochs=4))
    assert digest is not None
    before = _separation("minilm", texts, labels)
    after = _separation(tuned_name(digest), texts, labels)
    assert after > before + 0.1


def _nearest_intent(encoder: str, outliers: list[str], texts: list[str],
                    labels: list[str]) -> np.ndarray:
    """For each outlier, its cosine to the closest intent's mean direction."""
    vectors = shared_encoder(encoder).encode(texts)
    names = sorted(set(labels))
    means = np.stack([vectors[np.equal(labels, name)].mean(axis=0) for name in names])
    means /= np.linalg.norm(means, axis=1, keepdims=True)
    return (shared_encoder(encoder).encode(outliers) @ means.T).max(axis=1)


def test_out_of_scope_phrases_are_pushed_away_from_every_intent_not_gathered() -> None:
    english = [(t, label) for t, label in ROWS if t.isascii()]
    every_text, every_label = [t for t, _ in english], [y for _, y in english]
    inside = [(t, label) for t, label in english if label != OUT_OF_SCOPE]
    outliers = [t for t, label in english if label == OUT_OF_SCOPE]
    texts, labels = [t for t, _ in inside], [label for _, label in inside]
    spread = tune_minilm(every_text, every_label, TuneSettings(epochs=16))
    ignored = tune_minilm(every_text, every_label, TuneSettings(epochs=16, outlier_weight=0.0))
    assert spread is not None and ignored is not None
    pushed = _nearest_intent(tuned_name(spread), outliers, texts, labels)
    left = _nearest_intent(tuned_name(ignored), outliers, texts, labels)
    assert pushed.mean() < left.mean() - 0.05


def test_nothing_is_tuned_when_minilm_reads_fewer_than_two_intents() -> None:
    chinese = [(t, label) for t, label in ROWS if not t.isascii()]
    assert tune_minilm([t for t, _ in chinese], [y for _, y in chinese],
                       TuneSettings(epochs=1)) is None
    model = train(chinese, TrainSettings(tune_epochs=1))
    assert model.settings.features.tuned_minilm == ""
    assert model.predict("忘记密码怎么办").intent == "security.password_reset"


def test_a_tuned_model_answers_with_its_own_encoder(tuned: tuple[IntentModel, Path]) -> None:
    model, _ = tuned
    digest = model.settings.features.tuned_minilm
    assert digest
    assert tuned_name(digest) in model.memory.encoders  # type: ignore[union-attr]
    assert model.predict("my usdt deposit never arrived").intent == "deposit.not_credited"
    assert model.predict("what's the weather like tomorrow").intent == "out_of_scope"


def test_a_saved_tuned_model_keeps_its_encoder_and_gives_the_same_answers(
    tuned: tuple[IntentModel, Path],
) -> None:
    model, directory = tuned
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["features"]["tuned_minilm"] == model.settings.features.tuned_minilm
    assert manifest["tuning"] == {"epochs": 4.0}
    assert (directory / TUNED_GRAPH).stat().st_size > 10_000_000
    loaded = load_model(directory)
    assert loaded.settings.tune_epochs == 4.0
    for question in QUESTIONS:
        ours, theirs = model.predict(question), loaded.predict(question)
        assert (ours.intent, ours.ranked) == (theirs.intent, theirs.ranked)
        assert ours.confidence == pytest.approx(theirs.confidence, abs=1e-6)


def test_a_tuned_model_saved_again_elsewhere_takes_its_encoder_along(
    tuned: tuple[IntentModel, Path], tmp_path: Path,
) -> None:
    _, directory = tuned
    load_model(directory).save(str(tmp_path / "copy"))
    assert (tmp_path / "copy" / TUNED_GRAPH).read_bytes() == (directory / TUNED_GRAPH).read_bytes()
    assert load_model(tmp_path / "copy").predict(QUESTIONS[0]).intent == "deposit.not_credited"


def _append_a_byte(graph: Path) -> None:
    with graph.open("ab") as handle:
        handle.write(b"\0")


@pytest.mark.parametrize(("damage", "message"), [
    (Path.unlink, r"tuned encoder \(minilm-tuned\.onnx\) is missing"),
    (_append_a_byte, "not the encoder this model was trained with"),
])
def test_a_missing_or_altered_tuned_encoder_is_refused_clearly(
    tuned: tuple[IntentModel, Path], tmp_path: Path, damage: Callable[[Path], None],
    message: str,
) -> None:
    _, directory = tuned
    broken = tmp_path / "broken"
    shutil.copytree(directory, broken)
    damage(broken / TUNED_GRAPH)
    with pytest.raises(ModelError, match=message):
        load_model(broken)


def test_a_tuned_encoder_that_was_never_loaded_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"minilm-0123456789abcdef.* is not loaded"):
        shared_encoder(tuned_name("0123456789abcdef"))


def test_a_tuned_encoder_is_named_by_its_graphs_content(
    tuned: tuple[IntentModel, Path], tmp_path: Path,
) -> None:
    model, directory = tuned
    copy = tmp_path / "elsewhere.onnx"
    shutil.copyfile(directory / TUNED_GRAPH, copy)
    assert register_tuned(copy) == tuned_name(model.settings.features.tuned_minilm)
