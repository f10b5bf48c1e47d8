"""Knowledge-base retrieval: Chinese question matching (bq_corpus) and the shipped articles.

1. bq_corpus (WeBank customer-service question pairs, zh): cosine similarity of the product's
   retrieval features; threshold tuned on dev, accuracy and F1 on test, beside a character
   uni+bigram baseline computed in the same process.
2. The shipped knowledge base: each built-in training phrase of a `kb` intent used as a query;
   top-1 / top-3 share of answers whose article has the phrase's intent, per language.

    .venv/bin/python bench/kb_retrieval.py
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from cryptodesk.brain.catalogue import ACTIONS, Action  # noqa: E402
from cryptodesk.brain.retrieval import Document, KnowledgeIndex, fold, vectorizer  # noqa: E402
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
    for name, make in (("char 1-2 baseline", baseline), ("product retrieval", vectorizer)):
        start = time.perf_counter()
        threshold = _best_threshold(_scores(make, fit, dev_a, dev_b), dev_y)
        test = _scores(make, fit, test_a, test_b)
        elapsed = time.perf_counter() - start
        pred = test >= threshold
        accuracy = float((pred == test_y).mean())
        results[name] = accuracy
        print(f"  {name:<18} accuracy {accuracy:.3f}  F1 {_f1(pred, test_y):.3f}  "
              f"threshold {threshold:.3f}  ({elapsed:.1f} s)")
    ratio = results["product retrieval"] / results["char 1-2 baseline"]
    print(f"  ratio to baseline  {ratio:.3f}")


def shipped_kb() -> None:
    articles = shipped()
    index = KnowledgeIndex([Document(a.slug, a.language, a.intent, a.title, a.body, a.tags)
                            for a in articles])
    print("\nshipped knowledge base: training phrases of kb intents as queries")
    for language in ("en", "zh"):
        path = ROOT / "src" / "cryptodesk" / "data" / "intents" / f"{language}.tsv"
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                    if ACTIONS.get(r["intent"]) is Action.KB and r["intent"] != "out_of_scope"]
        top1 = top3 = 0
        latencies = []
        for row in rows:
            start = time.perf_counter()
            hits = index.search(row["text"], language=language, limit=3)
            latencies.append(time.perf_counter() - start)
            intents = [h.intent for h in hits]
            top1 += bool(intents) and intents[0] == row["intent"]
            top3 += row["intent"] in intents
        p50 = 1000 * statistics.median(latencies)
        p99 = 1000 * sorted(latencies)[int(0.99 * (len(latencies) - 1))]
        print(f"  {language}: {len(rows)} queries, top-1 {top1 / len(rows):.3f}, "
              f"top-3 {top3 / len(rows):.3f}, p50 {p50:.2f} ms, p99 {p99:.2f} ms")


if __name__ == "__main__":
    bq_corpus()
    shipped_kb()
