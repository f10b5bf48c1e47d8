"""Where the engine keeps what it can rebuild: the built-in model, jieba's prefix cache and the
MiniLM graph exported to ONNX."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "CRYPTODESK_CACHE_DIR"


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The caller's choice, else ``$CRYPTODESK_CACHE_DIR``, else ``~/.cache/cryptodesk``."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    return Path.home() / ".cache" / "cryptodesk"
