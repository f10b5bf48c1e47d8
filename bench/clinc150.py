"""Does the engine know when it does not know? CLINC150 in-scope accuracy and out-of-scope recall.

Trained through the product's ``train`` on CLINC's train split plus oos_train labelled
``out_of_scope``. Two settings, each one threshold for both figures:

- ``product``: the threshold ``train`` picks itself on a holdout of the training data;
- ``val-tuned``: the threshold with the best in-scope accuracy on CLINC's own validation split
  among those reaching 85% out-of-scope recall on oos_val (never tuned on test).

An in-scope question counts as right only if its intent is right and it was not rejected.
MiniLM is tuned on the training questions first (``--tune-epochs``, 2 by default; 0 trains
as the built-in model does).

    .venv/bin/python bench/clinc150.py [--data DIR] [--tune-epochs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cryptodesk.brain import OUT_OF_SCOPE, IntentModel, TrainSettings, train  # noqa: E402
from cryptodesk.brain.evaluation import at_threshold, unthresholded  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
TARGET_RECALL = 0.85
GOAL = "goal: in-scope accuracy >= 0.95 AND out-of-scope recall >= 0.85 at the same setting"


def scored(model: IntentModel, split: dict[str, list[list[str]]], in_key: str,
           oos_key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = split[in_key] + [[t, OUT_OF_SCOPE] for t, _ in split[oos_key]]
    guessed, right = unthresholded(model, [t for t, _ in rows])
    return guessed, right, np.asarray([label for _, label in rows], dtype=object)


def val_threshold(val: tuple[np.ndarray, np.ndarray, np.ndarray], recall: float) -> float:
    """Best in-scope accuracy on val among thresholds reaching ``recall`` on oos_val."""
    best, best_acc = 1.0, -1.0
    for threshold in np.linspace(0.0, 1.0, 201):
        figures = at_threshold(threshold, *val)
        if figures["recall"] >= recall and figures["in_scope_accuracy"] > best_acc:
            best, best_acc = float(threshold), figures["in_scope_accuracy"]
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--tune-epochs", type=float, default=2.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    split = json.loads((args.data / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    rows = [(t, label) for t, label in split["train"]]
    rows += [(t, OUT_OF_SCOPE) for t, _ in split["oos_train"]]
    started = time.perf_counter()
    model = train(rows, TrainSettings(tune_epochs=args.tune_epochs))
    seconds = round(time.perf_counter() - started, 1)
    result: dict[str, Any] = {"train_questions": len(rows), "train_seconds": seconds,
                              "tune_epochs": args.tune_epochs}
    test = scored(model, split, "test", "oos_test")
    val = scored(model, split, "val", "oos_val")
    result["raw_in_scope_accuracy"] = at_threshold(0.0, *test)["in_scope_accuracy"]
    result["product"] = at_threshold(model.threshold, *test)
    result["val_tuned"] = at_threshold(val_threshold(val, TARGET_RECALL), *test)
    if args.json:
        print(json.dumps(result))
        return
    print(f"CLINC150: {len(rows)} training questions, MiniLM tuned for {args.tune_epochs} "
          f"epochs, trained in {seconds} s")
    print(f"  in-scope accuracy with no rejection: {result['raw_in_scope_accuracy']:.4f}")
    for name in ("product", "val_tuned"):
        r = result[name]
        print(f"  {name:<10} threshold {r['threshold']:.2f}: in-scope accuracy "
              f"{r['in_scope_accuracy']:.4f}, out-of-scope recall {r['recall']:.4f}")
    print(GOAL)


if __name__ == "__main__":
    main()
