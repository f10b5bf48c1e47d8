"""Knowledge-base retrieval: Chinese question matching (bq_corpus) and the shipped articles.

1. bq_corpus (WeBank customer-service question pairs, zh): the product's retrieval similarity
   (character n-gram cosine + ``SEMANTIC_WEIGHT`` x sentence-encoder cosine), and its n-gram
   part alone; threshold tuned on dev, accuracy and F1 on test, beside a character
   uni+bigram baseline computed in the same process.
2. The shipped knowledge base: each built-in training phrase of a `kb` intent used as a query;
   top-1 / top-3 share of answers whose article has the phrase's intent, per language, with
   the product's weight and with n-grams alone. The weight was chosen on the first, third, ...
   phrases; the others (second, fourth, ...) are reported apart, in brackets.
3. Knowledge-gap grouping: samples of 400 built-in in-scope phrases grouped as agents see
   unanswered questions (``group_similar``); adjusted Rand index of the groups against the
   phrases' intents, by sentence encoders (the product) and by n-grams fitted on the sample
   (before), at several thresholds. Three samples from each half of the phrases: the
   threshold was chosen on the first half (first, third, ... phrases).

    .venv/bin/python bench/kb_retrieval.py
"""

from __future__ import annotations

import csv
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from cryptodesk.brain import LabelledText, read_labelled  # noqa: E402
from cryptodesk.brain.builtin import phrase_paths  # noqa: E402
from cryptodesk.brain.catalogue import ACTIONS, Action  # noqa: E402
from cryptodesk.brain.retrieval import (  # noqa: E402
    GROUP_SIMILARITY,
    SEMANTIC_WEIGHT,
    Document,
    KnowledgeIndex,
    embedded,
    fold,
    greedy_groups,
    semantic_similarity,
    vectorizer,
)
from cryptodesk.services.kb_files import shipped  # noqa: E402


def _pairs(name: str) -> tuple[list[str], list[str], np.ndarray]:
    with open(DATA / "bq_corpus" / name, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return ([r["sentence1"] for r in rows], [r["sentence2"] for r in rows],
            np.array([int(r["label"]) for r in rows]))


def _scores(make: Callable[[], TfidfVectorizer], fit: list[str], a: list[str], b: list[str]):
    model = make().fit([fold(t) for t in fit])
    va, vb = model.transform([fold(t) for t in a]), model.transform([fold(t) for t in b])
    return np.asarray(va.multiply(vb).sum(axis=1)).ravel()


def _semantic(a: list[str], b: list[str]) -> np.ndarray:
    """Row-wise sentence-encoder similarity of pairs, in chunks to keep memory flat."""
    out = []
    for start in range(0, len(a), 500):
        qa, qb = embedded(a[start:start + 500]), embedded(b[start:start + 500])
        out.append(np.diagonal(semantic_similarity(qa, qb)))
    return np.concatenate(out)


def _best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    candidates = np.unique(np.round(scores, 3))
    return float(max(candidates, key=lambda t: ((scores >= t) == labels).mean()))


def _f1(pred: np.ndarray, labels: np.ndarray) -> float:
    tp = int((pred & (labels == 1)).sum())
    precision = tp / max(1, int(pred.sum()))
    recall = tp / max(1, int((labels == 1).sum()))
    return 2 * precision * recall / max(1e-9, precision + recall)


def bq_corpus() -> None:
    if not (DATA / "bq_corpus" / "test.csv").exists():
        print("bq_corpus: data not found beside the repository; skipped")
        return
    dev_a, dev_b, dev_y = _pairs("dev.csv")
    test_a, test_b, test_y = _pairs("test.csv")
    fit = dev_a + dev_b

    def baseline() -> TfidfVectorizer:
        return TfidfVectorizer(analyzer="char", ngram_range=(1, 2))

    print("bq_corpus (zh question matching), threshold tuned on dev, figures on test")
    results = {}
    start = time.perf_counter()
    semantic = {"dev": _semantic(dev_a, dev_b), "test": _semantic(test_a, test_b)}
    embedding = time.perf_counter() - start
    runs = (("char 1-2 baseline", baseline, 0.0), ("product n-grams", vectorizer, 0.0),
            ("product retrieval", vectorizer, SEMANTIC_WEIGHT))
    for name, make, weight in runs:
        start = time.perf_counter()
        dev = _scores(make, fit, dev_a, dev_b) + weight * semantic["dev"]
        threshold = _best_threshold(dev, dev_y)
        test = _scores(make, fit, test_a, test_b) + weight * semantic["test"]
        elapsed = time.perf_counter() - start + (embedding if weight else 0.0)
        pred = test >= threshold
        accuracy = float((pred == test_y).mean())
        results[name] = accuracy
        print(f"  {name:<18} accuracy {accuracy:.3f}  F1 {_f1(pred, test_y):.3f}  "
              f"threshold {threshold:.3f}  ({elapsed:.1f} s)")
    ratio = results["product retrieval"] / results["char 1-2 baseline"]
    print(f"  ratio to baseline  {ratio:.3f}")


def shipped_kb() -> None:
    documents = [Document(a.slug, a.language, a.intent, a.title, a.body, a.tags)
                 for a in shipped()]
    print("\nshipped knowledge base: training phrases of kb intents as queries "
          "(all; in brackets the second, fourth, ... phrases alone)")
    for weight in (0.0, SEMANTIC_WEIGHT):
        index = KnowledgeIndex(documents, semantic_weight=weight)
        print(f"  semantic weight {weight}" + (" (n-grams alone)" if not weight else ""))
        for language in ("en", "zh"):
            _shipped_language(index, language)


def _phrases(language: str) -> list[LabelledText]:
    path = next(path for path in phrase_paths() if path.stem == language)
    return read_labelled(path, text_col="text", label_col="intent")


def _shipped_language(index: KnowledgeIndex, language: str) -> None:
    rows = [r for r in _phrases(language)
            if ACTIONS.get(r.label) is Action.KB and r.label != "out_of_scope"]
    index.search(rows[0].text, language=language)  # warm-up: encoders load once
    top1, top3 = np.zeros(len(rows), dtype=bool), np.zeros(len(rows), dtype=bool)
    latencies = []
    for k, row in enumerate(rows):
        start = time.perf_counter()
        hits = index.search(row.text, language=language, limit=3)
        latencies.append(time.perf_counter() - start)
        intents = [h.intent for h in hits]
        top1[k] = bool(intents) and intents[0] == row.label
        top3[k] = row.label in intents
    unseen = np.arange(len(rows)) % 2 == 1  # took no part in choosing the weight
    p50 = 1000 * statistics.median(latencies)
    p99 = 1000 * sorted(latencies)[int(0.99 * (len(latencies) - 1))]
    print(f"    {language}: {len(rows)} queries, "
          f"top-1 {top1.mean():.3f} ({top1[unseen].mean():.3f}), "
          f"top-3 {top3.mean():.3f} ({top3[unseen].mean():.3f}), "
          f"p50 {p50:.2f} ms, p99 {p99:.2f} ms")


def gap_grouping(samples: int = 3, size: int = 400) -> None:
    rows = [r for language in ("en", "zh") for r in _phrases(language)
            if r.label != "out_of_scope"]
    chooser = random.Random(0)
    print(f"\nknowledge-gap grouping: {samples} samples of {size} built-in phrases per half, "
          f"adjusted Rand index against their intents (groups formed)")
    for half, name in ((0, "first half (threshold chosen here)"), (1, "second half")):
        pool = rows[half::2]
        found: dict[tuple[str, float], list[tuple[float, int]]] = {}
        for _ in range(samples):
            sample = chooser.sample(pool, size)
            texts, intents = [r.text for r in sample], [r.label for r in sample]
            grams = vectorizer().fit_transform([fold(t) for t in texts])
            vectors = embedded(texts)
            similarities = {"n-grams": (grams @ grams.T).toarray(),
                            "encoders": semantic_similarity(vectors, vectors)}
            for way, thresholds in (("n-grams", (0.2, 0.25, 0.3, 0.35)),
                                    ("encoders", (0.35, 0.4, GROUP_SIMILARITY, 0.5, 0.55))):
                for threshold in thresholds:
                    groups = greedy_groups(similarities[way], threshold)
                    labels = np.empty(size, dtype=int)
                    for number, members in enumerate(groups):
                        labels[members] = number
                    found.setdefault((way, threshold), []).append(
                        (adjusted_rand_score(intents, labels), len(groups)))
        print(f"  {name}")
        for (way, threshold), runs in found.items():
            mark = " (product)" if way == "encoders" and threshold == GROUP_SIMILARITY else ""
            print(f"    {way:<9} {threshold:.2f}: ARI {np.mean([a for a, _ in runs]):.3f} "
                  f"({np.mean([g for _, g in runs]):.0f} groups){mark}")


if __name__ == "__main__":
    bq_corpus()
    shipped_kb()
    gap_grouping()
