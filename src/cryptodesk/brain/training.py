"""Training an intent model: fit, calibrate on a holdout, refit on everything.

Features (``features.py``) feed a LinearSVC: as accurate as logistic regression on these
features and several times faster to train. A stratified 20% holdout, fitted on the other
80%, sets the temperature, the confidence model and the out-of-scope threshold; then the
pipeline is refitted on all rows (the encoder caches vectors, so nothing is embedded twice).
Asked to (``TrainSettings.tune_epochs``), it first tunes MiniLM on the fitting part
(``tuning.py``), and both fits read that tuned encoder.
Hyper-parameters were picked on a split of Banking77's train set; see bench/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np
from scipy import sparse
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from .calibration import OUT_OF_SCOPE, fit_temperature, pick_threshold, probabilities
from .classifier import IntentModel, TrainSettings
from .confidence import Confidence, Memory, fit_confidence
from .encoder import shared_encoder
from .errors import BrainError, TrainingDataError
from .features import SentenceFeatures, build_features, feature_blocks
from .normalise import normalise
from .tuning import TuneSettings, tune_minilm

# Margins of a LinearSVC mostly fall in [-1.5, 1]; 0.2 is what Banking77 and the built-in
# phrases fit. Used when too few held-out questions exist to fit one, and as a floor so a
# holdout that separates perfectly cannot make every answer a certainty.
DEFAULT_TEMPERATURE = 0.2
MIN_TEMPERATURE = 0.05
MIN_HELD_OUT = 50
# Intents are left out of the calibration trial (``TrainSettings.left_out_share``) only when
# there are enough that the rest still make a model worth calibrating.
MIN_INTENTS_TO_LEAVE_OUT = 10


def _checked(rows: Iterable[tuple[str, str]]) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    labels: list[str] = []
    for number, (text, label) in enumerate(rows, start=1):
        if not str(label).strip():
            raise TrainingDataError("the label is empty.", "标签为空。", line=number)
        try:
            texts.append(normalise(text))
        except BrainError as exc:
            raise TrainingDataError(exc.en, exc.zh, line=number) from exc
        labels.append(str(label).strip())
    if len(set(labels)) < 2:
        raise TrainingDataError(
            "at least two different intents are needed to train.",
            "训练至少需要两个不同的意图。",
        )
    return texts, np.asarray(labels, dtype=object)


def _fit(texts: list[str], labels: np.ndarray, settings: TrainSettings) -> Pipeline:
    """Features, then the linear model, fitted as one ``features → svm`` pipeline.

    When a sentence encoder reads some phrases and leaves others blank (MiniLM and Chinese),
    the phrases it read are taught twice: as they are, and with that encoder's block blank.
    Without the second copy the model fits English phrases through MiniLM alone and leaves
    the USE weights weak, and those are what carry English phrases over to the Chinese
    questions: on the built-in phrases Chinese accuracy fell from 0.886 to 0.867, and the
    copies bring it back to 0.882 (bench/intents.py). Training data in English only
    (Banking77) has no blank rows and is left alone: the copies cost it a point there.
    """
    features = build_features(settings.features)
    matrix = sparse.csr_matrix(features.fit_transform(texts))
    copies, copied = [], []
    for part, columns in feature_blocks(features):
        if not isinstance(part, SentenceFeatures):
            continue
        read = np.diff(matrix[:, columns].tocsr().indptr) > 0
        if 0 < read.sum() < len(read):
            keep = np.ones(matrix.shape[1])
            keep[columns] = 0.0
            copies.append(matrix[read] @ sparse.diags(keep))
            copied.append(labels[read])
    if copies:
        matrix = sparse.vstack([matrix, *copies]).tocsr()
        labels = np.concatenate([labels, *copied])
    svm = LinearSVC(C=settings.c, random_state=settings.seed).fit(matrix, labels)
    return Pipeline([("features", features), ("svm", svm)])


def _memory(texts: list[str], labels: np.ndarray, settings: TrainSettings) -> Memory | None:
    """The taught in-scope phrases, in every sentence encoder the features use."""
    encoders = [name for name, _ in settings.features.encoders]
    inside = [t for t, label in zip(texts, labels, strict=True) if label != OUT_OF_SCOPE]
    if not encoders or not inside:
        return None
    return Memory({name: shared_encoder(name).encode(inside) for name in encoders})


Split = tuple[list[str], list[str], np.ndarray, np.ndarray]


def _split(texts: list[str], labels: np.ndarray, settings: TrainSettings) -> Split | None:
    """(fit texts, held-out texts, fit labels, held-out labels), stratified; None if too few."""
    counts = np.unique(labels, return_counts=True)[1]
    n_test = round(len(texts) * settings.holdout)
    if counts.min() < 2 or n_test < len(counts) or len(texts) - n_test < len(counts):
        return None
    fit_x, held_x, fit_y, held_y = train_test_split(
        texts, labels, test_size=n_test, stratify=labels, random_state=settings.seed,
    )
    return fit_x, held_x, fit_y, held_y


def _tuned(texts: list[str], labels: np.ndarray, settings: TrainSettings) -> TrainSettings:
    """Settings whose MiniLM block reads a MiniLM tuned on ``texts`` (``tuning.py``)."""
    digest = tune_minilm(texts, list(labels), TuneSettings(settings.tune_epochs, settings.seed))
    if digest is None:
        return settings
    return replace(settings, features=replace(settings.features, tuned_minilm=digest))


def left_out_intents(labels: np.ndarray, settings: TrainSettings) -> np.ndarray:
    """Intents the calibration trial is not taught, standing in for questions nobody foresaw.

    Without them the confidence model learns only from mix-ups between taught intents, where
    the lead over the second intent matters and nearness hardly does; it even learnt to
    distrust MiniLM nearness on CLINC150. Asked about intents it never saw, the trial shows
    what an unforeseen question looks like: far from every taught phrase.
    """
    intents = sorted(set(labels) - {OUT_OF_SCOPE})
    if len(intents) < MIN_INTENTS_TO_LEAVE_OUT:
        return np.array([], dtype=object)
    chooser = np.random.default_rng(settings.seed)
    return np.asarray(chooser.choice(
        intents, size=round(settings.left_out_share * len(intents)), replace=False,
    ), dtype=object)


def _calibrated(split: Split | None, settings: TrainSettings) -> tuple[float, Confidence, float]:
    """(temperature, confidence model, threshold) from a stratified holdout, or defaults.

    The trial model is fitted on the fitting part less the left-out intents
    (``left_out_intents``). Held-out questions of those intents are wrong answers for the
    confidence model, and take no part in the temperature or the threshold, which are set on
    the taught intents and on the taught ``out_of_scope`` questions, as the final model will
    meet them.
    """
    if split is None:
        return DEFAULT_TEMPERATURE, Confidence(), settings.threshold or 0.0
    fit_x, held_x, fit_y, held_y = split
    unseen = left_out_intents(fit_y, settings)
    taught = ~np.isin(fit_y, unseen)
    fit_x, fit_y = [t for t, keep in zip(fit_x, taught, strict=True) if keep], fit_y[taught]
    trial = IntentModel(_fit(fit_x, fit_y, settings), temperature=DEFAULT_TEMPERATURE,
                        threshold=0.0, settings=settings, examples=len(fit_x),
                        memory=_memory(fit_x, fit_y, settings))
    classes = list(trial.labels)
    known = ~np.isin(held_y, unseen)
    margins, near = trial.margins(held_x)
    if known.sum() >= MIN_HELD_OUT:
        truth = np.array([classes.index(y) for y in held_y[known]])
        trial.temperature = max(MIN_TEMPERATURE, fit_temperature(margins[known], truth))
    probs = probabilities(margins, trial.temperature)
    predicted = np.asarray(classes, dtype=object)[probs.argmax(axis=1)]
    inside = predicted != OUT_OF_SCOPE
    confidence = fit_confidence(probs[inside], None if near is None else near[inside],
                                (predicted == held_y)[inside])
    if settings.threshold is not None:
        return trial.temperature, confidence, settings.threshold
    right = confidence.score(probs, near)
    threshold = pick_threshold(right[known], predicted[known], held_y[known])
    return trial.temperature, confidence, threshold


def train(
    rows: Iterable[tuple[str, str]], settings: TrainSettings | None = None,
) -> IntentModel:
    """Fit on (text, intent) pairs; a label ``out_of_scope`` teaches rejection."""
    settings = settings or TrainSettings()
    texts, labels = _checked(rows)
    split = _split(texts, labels, settings)
    if settings.tune_epochs > 0 and settings.features.minilm_weight > 0:
        # Tuned on the fitting part only: held-out phrases must look as new to the tuned
        # encoder as a customer's question will, or the confidence model learns to trust it
        # too much.
        fit_x, fit_y = (split[0], split[2]) if split else (texts, labels)
        settings = _tuned(fit_x, fit_y, settings)
    temperature, confidence, threshold = _calibrated(split, settings)
    pipeline = _fit(texts, labels, settings)
    return IntentModel(
        pipeline, temperature=temperature, threshold=threshold, settings=settings,
        examples=len(texts), confidence=confidence, memory=_memory(texts, labels, settings),
    )
