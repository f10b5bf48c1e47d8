"""How a question becomes a vector: TF-IDF words and character n-grams, and two sentence
encoders, side by side.

Each part catches what the others miss: words (jieba-segmented for Chinese) carry the topic,
character n-grams survive typos and unsegmented Chinese, and the sentence encoders know that
"card hasn't come" and "still waiting on my card" mean the same: USE in both languages,
MiniLM more sharply in English, and, where asked for, multilingual E5, which carries English
phrases over to Chinese questions best but costs ~20 ms a question. Each encoder's block
is scaled by its weight so a linear model can balance sparse and dense parts; the defaults
were picked on a split of Banking77's train set, never its test set (see bench/README.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from .encoder import shared_encoder, tuned_name
from .tokenise import tokens_of_normalised


@dataclass(frozen=True)
class FeatureSettings:
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (1, 5)
    use_weight: float = 1.5  # 0 leaves USE out
    minilm_weight: float = 2.0  # 0 leaves MiniLM out; both 0 is the fast, TF-IDF-only tier
    # E5 is off by default: on a Banking77 validation split it cost 0.2-0.3 points and
    # tripled the time per question; the bilingual built-in model turns it on (builtin.py).
    e5_weight: float = 0.0
    sublinear_tf: bool = True
    tuned_minilm: str = ""  # the digest of a MiniLM graph tuned on the training phrases

    @property
    def encoders(self) -> tuple[tuple[str, float], ...]:
        """(encoder, weight) of each sentence encoder in use, in feature order."""
        minilm = tuned_name(self.tuned_minilm) if self.tuned_minilm else "minilm"
        named = (("use", self.use_weight), (minilm, self.minilm_weight), ("e5", self.e5_weight))
        return tuple((name, weight) for name, weight in named if weight > 0)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeatureSettings:
        known = {f.name for f in fields(cls)}
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        return cls(**values)


class SentenceFeatures(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """One encoder's vectors times ``weight``; the encoder itself is shared, never pickled."""

    def __init__(self, encoder: str = "use", weight: float = 1.0) -> None:
        self.encoder = encoder
        self.weight = weight

    def fit(self, texts: list[str], y: Any = None) -> SentenceFeatures:
        return self

    def transform(self, texts: list[str]) -> np.ndarray:
        vectors = shared_encoder(self.encoder).encode(list(texts))
        if self.weight != 1.0:
            vectors *= np.float32(self.weight)
        return vectors

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        width = shared_encoder(self.encoder).dimensions
        return np.array([f"{self.encoder}{i}" for i in range(width)], dtype=object)


def build_features(settings: FeatureSettings) -> FeatureUnion:
    """The unfitted feature union; its input is text that ``normalise`` already folded."""
    parts: list[tuple[str, Any]] = [
        ("words", TfidfVectorizer(
            tokenizer=tokens_of_normalised, token_pattern=None, lowercase=False,
            ngram_range=settings.word_ngrams, sublinear_tf=settings.sublinear_tf,
            dtype=np.float32,
        )),
        ("chars", TfidfVectorizer(
            analyzer="char_wb", lowercase=False, ngram_range=settings.char_ngrams,
            sublinear_tf=settings.sublinear_tf, dtype=np.float32,
        )),
    ]
    for name, weight in settings.encoders:
        parts.append((name, SentenceFeatures(encoder=name, weight=weight)))
    return FeatureUnion(parts)


def feature_blocks(union: FeatureUnion) -> list[tuple[Any, slice]]:
    """Each fitted part of the union with the columns it fills in the feature matrix."""
    blocks, offset = [], 0
    for _, part in union.transformer_list:
        if isinstance(part, SentenceFeatures):
            width = shared_encoder(part.encoder).dimensions
        else:
            width = len(part.vocabulary_)
        blocks.append((part, slice(offset, offset + width)))
        offset += width
    return blocks
