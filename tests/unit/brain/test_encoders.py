"""The sentence encoders: what each reads, cached unit vectors, and nearness across them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cryptodesk.brain.backends import MiniLM, MultilingualE5, UniversalSentenceEncoder
from cryptodesk.brain.confidence import Memory
from cryptodesk.brain.encoder import encode_together, shared_encoder


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("my card has not arrived", "my card has not arrived"),
        ("usdt提现一直pending", "usdt pending"),
        ("我的BTC充值，没到账", "BTC"),
        ("我的充值没到账", None),
        ("充值 123 没到账", None),  # digits alone say nothing in English
        ("", None),
    ],
)
def test_minilm_reads_only_the_non_chinese_part(text: str, read: str | None) -> None:
    assert MiniLM().readable(text) == read


def test_use_and_e5_read_everything() -> None:
    assert UniversalSentenceEncoder().readable("我的充值没到账") == "我的充值没到账"
    assert MultilingualE5().readable("USDT提现一直pending") == "USDT提现一直pending"


def test_minilm_vectors_are_unit_length_and_zero_for_chinese() -> None:
    vectors = shared_encoder("minilm").encode(
        ["my card still hasn't arrived", "充值没到账", "I am still waiting on my card"])
    assert vectors.shape == (3, 384)
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()
    # paraphrases sit close together, far closer than an unrelated sentence
    unrelated = shared_encoder("minilm").encode(["what is the capital of France"])[0]
    assert vectors[0] @ vectors[2] > 0.6 > vectors[0] @ unrelated


@pytest.mark.parametrize("name", ["minilm", "e5"])
def test_batches_and_single_questions_give_the_same_vectors(name: str) -> None:
    encoder = shared_encoder(name)
    texts = [f"question number {i} about a late withdrawal" for i in range(12)]
    together = encoder.encode(texts)
    encoder.forget()
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert together == pytest.approx(alone, abs=1e-4)


@pytest.mark.parametrize("name", ["use", "e5"])
def test_chinese_and_english_share_one_space(name: str) -> None:
    zh, en, other = shared_encoder(name).encode(["我的提现没到账", "my withdrawal has not arrived",
                                                  "tell me a joke"])
    assert np.linalg.norm(zh) == pytest.approx(1.0, abs=1e-5)
    assert zh @ en > zh @ other


def test_unknown_encoder_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown sentence encoder"):
        shared_encoder("word2vec")


def test_an_encoder_that_read_nothing_borrows_the_first_encoders_nearness() -> None:
    taught_use = np.eye(3, dtype=np.float32)
    taught_minilm = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
    memory = Memory({"use": taught_use, "minilm": taught_minilm})
    queries = {"use": np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32),
               "minilm": np.array([[0, 1], [0, 0]], dtype=np.float32)}
    near = memory.nearness(queries)
    assert near[0] == pytest.approx([1 / 3, 1 / 3])
    assert near[1] == pytest.approx([1 / 3, 1 / 3])  # zero MiniLM vector: USE's value


def test_the_exported_graph_gives_the_torch_models_vectors() -> None:
    import torch

    from cryptodesk.brain.onnx_export import load_torch_model

    texts = ["card", "my card still hasn't arrived after two weeks, what should I do now?",
             "usdt pending"]
    tokenizer_ids = [MiniLM.tokenizer().encode(t) for t in texts]
    model = load_torch_model()
    with torch.no_grad():
        expected = []
        for encoded in tokenizer_ids:  # one at a time in torch: no padding at all
            hidden = model(input_ids=torch.tensor([encoded.ids])).last_hidden_state[0]
            mean = hidden.mean(dim=0)
            expected.append((mean / mean.norm()).numpy())
    got = MiniLM().embed(texts, threads=1)  # one padded batch through the graph
    assert np.einsum("ij,ij->i", got, np.array(expected)) == pytest.approx([1, 1, 1], abs=1e-5)


def test_the_graph_is_exported_once_per_cache(tmp_path: Path) -> None:
    from cryptodesk.brain.onnx_export import exported_minilm

    first = exported_minilm(tmp_path)
    stamp = first.stat().st_mtime_ns
    assert exported_minilm(tmp_path) == first
    assert first.stat().st_mtime_ns == stamp
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no staging files left


def test_encoders_running_side_by_side_agree_with_each_alone() -> None:
    texts = ["where is my withdrawal", "提现没到账", "reset my 2fa please"]
    names = ["use", "minilm", "e5"]
    together = encode_together(names, texts)
    for name in names:
        assert together[name] == pytest.approx(shared_encoder(name).encode(texts), abs=1e-5)
