"""Knowledge-base retrieval for the long tail: which article answers this question best.

Two scores, added. Character n-grams over normalised text work for Chinese (no word
boundaries) and English (robust to typos) alike; titles and tags count twice. They miss a
question put in other words ("how much do you charge per trade" shares more letters with the
refunds article than with the fees one), so each article's title and tags are also embedded by
two of the sentence encoders the intent model reads (USE for both languages, MiniLM for
English), and the question's mean cosine to them counts half (``SEMANTIC_WEIGHT``). E5, which
the built-in model also reads, is left out: its cosines run high for any two questions, and
with it gap grouping at ``GROUP_SIMILARITY`` put 400 questions into ~25 groups
(bench/README.md). With the built-in
phrases as queries this lifts the right article to first place from 0.54 to 0.74 in English
and from 0.61 to 0.67 in Chinese (bench/kb_retrieval.py; the weight was chosen on half the
phrases).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .encoder import encode_together
from .errors import MAX_TEXT_CHARS
from .language import detect_language
from .normalise import normalise

SEMANTIC_WEIGHT = 0.5
MINILM = "minilm"
ENCODERS = ("use", MINILM)


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


def embedded(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Each encoder's unit vectors of ``texts``, as the intent model reads them (so a question
    it has just answered is not embedded again). MiniLM is an English model: on Chinese or
    mixed text it reads only the Latin fragments (tickers, a stray word), which says little
    about what the text is about, so there its vector is blanked and USE speaks alone."""
    vectors = encode_together(ENCODERS, [normalise(t[:MAX_TEXT_CHARS]) for t in texts])
    english = np.array([detect_language(t) == "en" for t in texts], dtype=bool)
    vectors[MINILM] = np.where(english[:, None], vectors[MINILM], 0.0).astype(np.float32)
    return vectors


def semantic_similarity(
    queries: dict[str, np.ndarray], targets: dict[str, np.ndarray],
) -> np.ndarray:
    """(queries, targets): the mean cosine over the encoders that read both texts. An encoder
    that read nothing of one (a zero vector) has no opinion on the pair: counted as 0 it would
    halve an English question's similarity to every Chinese article."""
    total = np.zeros((len(queries[ENCODERS[0]]), len(targets[ENCODERS[0]])), dtype=np.float32)
    voices = np.zeros_like(total)
    for name in ENCODERS:
        both = np.any(queries[name] != 0, axis=1)[:, None] & np.any(targets[name] != 0, axis=1)
        total += np.where(both, queries[name] @ targets[name].T, 0.0)
        voices += both
    return total / np.maximum(voices, 1.0)


def _gist(document: Document) -> str:
    return f"{document.title}. {', '.join(document.tags)}"


class KnowledgeIndex:
    def __init__(
        self, documents: Sequence[Document], *, semantic_weight: float = SEMANTIC_WEIGHT,
    ) -> None:
        self.documents = list(documents)
        self.semantic_weight = semantic_weight
        self._vectorizer = vectorizer()
        corpus = [
            fold(f"{d.title} {d.title} {' '.join(d.tags)} {' '.join(d.tags)} {d.text}")
            for d in self.documents
        ]
        self._matrix = self._vectorizer.fit_transform(corpus) if corpus else None
        gists = [_gist(d) for d in self.documents] if semantic_weight else []
        self._gists = embedded(gists) if gists else {}
        self._languages = np.array([d.language for d in self.documents])

    def search(self, query: str, *, language: str | None = None, limit: int = 5) -> list[Hit]:
        if self._matrix is None or not query.strip():
            return []
        vector = self._vectorizer.transform([fold(query)])
        scores = (self._matrix @ vector.T).toarray().ravel()
        if self._gists:
            similarity = semantic_similarity(embedded([query]), self._gists)[0]
            scores += self.semantic_weight * similarity
        if language is not None:
            scores = np.where(self._languages == language, scores, -1.0)
        order = np.argsort(-scores, kind="stable")[:limit]
        return [
            Hit(self.documents[i].key, self.documents[i].language, self.documents[i].intent,
                self.documents[i].title, float(scores[i]))
            for i in order if scores[i] > 0
        ]


GROUP_SIMILARITY = 0.45
"""Sentence-encoder similarity at which two unanswered questions count as one topic."""


def group_similar(texts: Sequence[str], threshold: float = GROUP_SIMILARITY) -> list[list[int]]:
    """Group short questions by meaning; largest groups first.

    By the sentence encoders alone: n-grams fitted on a few hundred questions say little. On
    the built-in phrases, 400 at a time, the groups match the intents twice as well as n-gram
    groups did (bench/kb_retrieval.py). USE places Chinese and English in one space, so a
    question and its translation can share a group.
    """
    readable = [i for i, text in enumerate(texts) if text.strip()]
    similarity = np.full((len(texts), len(texts)), -1.0, dtype=np.float32)
    if readable:
        vectors = embedded([texts[i] for i in readable])
        similarity[np.ix_(readable, readable)] = semantic_similarity(vectors, vectors)
    return greedy_groups(similarity, threshold)


def greedy_groups(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Each question not yet grouped gathers the ungrouped ones at least ``threshold`` like it;
    largest groups first."""
    unassigned = list(range(len(similarity)))
    groups: list[list[int]] = []
    while unassigned:
        seed = unassigned.pop(0)
        members = [seed] + [i for i in unassigned if similarity[seed, i] >= threshold]
        unassigned = [i for i in unassigned if i not in members]
        groups.append(members)
    return sorted(groups, key=len, reverse=True)
