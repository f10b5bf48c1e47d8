"""Knowledge-base retrieval for the long tail: which article answers this question best.

Character n-grams over normalised text work for Chinese (no word boundaries) and English
(robust to typos) alike, with no model to download; titles and tags count twice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


@dataclass(frozen=True)
class Document:
    key: str
    language: str
    intent: str
    title: str
    text: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    key: str
    language: str
    intent: str
    title: str
    score: float


def fold(text: str) -> str:
    """Full-width to half-width, case folded, whitespace squeezed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def vectorizer() -> TfidfVectorizer:
    """The text features retrieval ranks by (fitted per corpus)."""
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True,
                           min_df=1, dtype=np.float32)


class KnowledgeIndex:
    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = list(documents)
        self._vectorizer = vectorizer()
        corpus = [
            fold(f"{d.title} {d.title} {' '.join(d.tags)} {' '.join(d.tags)} {d.text}")
            for d in self.documents
        ]
        self._matrix = self._vectorizer.fit_transform(corpus) if corpus else None
        self._languages = np.array([d.language for d in self.documents])

    def search(self, query: str, *, language: str | None = None, limit: int = 5) -> list[Hit]:
        if self._matrix is None or not query.strip():
            return []
        vector = self._vectorizer.transform([fold(query)])
        scores = (self._matrix @ vector.T).toarray().ravel()
        if language is not None:
            scores = np.where(self._languages == language, scores, -1.0)
        order = np.argsort(-scores, kind="stable")[:limit]
        return [
            Hit(self.documents[i].key, self.documents[i].language, self.documents[i].intent,
                self.documents[i].title, float(scores[i]))
            for i in order if scores[i] > 0
        ]


def group_similar(texts: Sequence[str], threshold: float = 0.3) -> list[list[int]]:
    """Cluster short questions greedily by cosine similarity; largest groups first."""
    folded = [fold(t) for t in texts]
    if not any(folded):
        return [[i] for i in range(len(texts))]
    matrix = vectorizer().fit_transform(folded)
    similarity = (matrix @ matrix.T).toarray()
    unassigned = list(range(len(texts)))
    groups: list[list[int]] = []
    while unassigned:
        seed = unassigned.pop(0)
        members = [seed] + [i for i in unassigned if similarity[seed, i] >= threshold]
        unassigned = [i for i in unassigned if i not in members]
        groups.append(members)
    return sorted(groups, key=len, reverse=True)
