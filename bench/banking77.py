"""Intent accuracy and latency on Banking77 (English) and DataCLUE CIC (Chinese), side by side.

Both go through the product's own code: ``read_labelled`` and ``train`` as ``cryptodesk brain
train`` uses them, and ``evaluate`` as ``cryptodesk brain eval`` does, every test question
timed on its own (one question at a time, after a warm-up). Printed, not asserted: the machine
has 2 shared cores, so latency moves with whatever else runs.

``--tune-epochs N`` tunes MiniLM on the training questions first (``cryptodesk brain train
--tune-epochs``); the default, 0, trains as the built-in model does.

    .venv/bin/python bench/banking77.py [--only banking77|cic] [--data DIR] [--tune-epochs N]
        [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cryptodesk.brain import TrainSettings, evaluate, read_labelled, train  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
GOAL = "Banking77 goal: accuracy >= 0.940 with p99 <= 30 ms (dual sentence encoders 0.934-0.938)"


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(name: str, rows: list[tuple[str, str]], test: list[tuple[str, str]],
        settings: TrainSettings) -> dict[str, Any]:
    started = time.perf_counter()
    model = train(rows, settings)
    seconds = time.perf_counter() - started
    result = evaluate(model, test, timed=None)
    return {
        "dataset": name, "tune_epochs": settings.tune_epochs, "train_questions": len(rows),
        "test_questions": len(test),
        "intents": len(model.labels), "accuracy": result["accuracy"],
        "macro_f1": result["macro_f1"], "train_seconds": round(seconds, 1),
        "latency_p50_ms": result["latency_ms"]["p50"],
        "latency_p99_ms": result["latency_ms"]["p99"], "peak_mb": round(peak_mb()),
        "top_confusions": result["confusion_pairs"][:5],
    }


def banking77(data: Path, settings: TrainSettings) -> dict[str, Any]:
    def rows(split: str) -> list[tuple[str, str]]:
        found = read_labelled(data / "banking77" / f"{split}.csv", label_col="category")
        return [(r.text, r.label) for r in found]

    return run("banking77 (en)", rows("train"), rows("test"), settings)


def cic(data: Path, settings: TrainSettings) -> dict[str, Any]:
    """DataCLUE CIC: train and dev are deliberately noisy; test_public is the clean one."""

    def rows(split: str) -> list[tuple[str, str]]:
        path = data / "dataclue_cic" / f"{split}.json"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [(r["sentence"], r["label_des"]) for r in records if r["sentence"].strip()]

    return run("dataclue_cic (zh)", rows("train") + rows("dev"), rows("test_public"),
               settings)


def show(result: dict[str, Any]) -> None:
    print(f"\n{result['dataset']}: {result['train_questions']} train, "
          f"{result['test_questions']} test, {result['intents']} intents")
    for key in ("tune_epochs", "accuracy", "macro_f1", "train_seconds", "latency_p50_ms",
                "latency_p99_ms", "peak_mb"):
        print(f"  {key:<16}{result[key]}")
    for pair in result["top_confusions"]:
        print(f"  confused        {pair['expected']} -> {pair['predicted']} ({pair['count']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["banking77", "cic"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--tune-epochs", type=float, default=0.0)
    parser.add_argument("--json", action="store_true", help="one JSON object per dataset")
    args = parser.parse_args()
    settings = TrainSettings(tune_epochs=args.tune_epochs)
    runs = {"banking77": banking77, "cic": cic}
    for name, bench in runs.items():
        if args.only in (None, name):
            result = bench(args.data, settings)
            print(json.dumps(result, ensure_ascii=False)) if args.json else show(result)
    if not args.json:
        print(f"\n{GOAL}")


if __name__ == "__main__":
    main()
