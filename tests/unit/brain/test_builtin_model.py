"""The built-in model: trained once from the phrase files, cached by their hash, thread-safe."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from cryptodesk.brain import OUT_OF_SCOPE, builtin
from cryptodesk.brain.cachedir import CACHE_ENV, cache_dir

EN = """text\tintent
my deposit has not arrived\tdeposit.not_credited
deposit not credited yet\tdeposit.not_credited
where is my usdt deposit\tdeposit.not_credited
I sent btc and nothing arrived\tdeposit.not_credited
I want to talk to a human\tservice.human_agent
connect me to an agent\tservice.human_agent
real person please\tservice.human_agent
let me speak to customer service\tservice.human_agent
what is the weather tomorrow\tout_of_scope
tell me a joke\tout_of_scope
recommend a pasta recipe\tout_of_scope
who won the football match\tout_of_scope
"""
ZH = """text\tintent
充值没到账\tdeposit.not_credited
我的充值还没到\tdeposit.not_credited
充币一直没有到账\tdeposit.not_credited
转进来的usdt没显示\tdeposit.not_credited
转人工\tservice.human_agent
我要人工客服\tservice.human_agent
找真人客服\tservice.human_agent
有没有人工\tservice.human_agent
明天天气怎么样\tout_of_scope
讲个笑话\tout_of_scope
推荐一部电影\tout_of_scope
今天吃什么\tout_of_scope
"""


@pytest.fixture
def phrases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    paths = [tmp_path / "en.tsv", tmp_path / "zh.tsv"]
    paths[0].write_text(EN, encoding="utf-8")
    paths[1].write_text(ZH, encoding="utf-8")
    monkeypatch.setattr(builtin, "phrase_paths", lambda: paths)
    monkeypatch.setattr(builtin, "_loaded", {})
    return paths


def test_trains_once_then_loads_from_the_cache(
    phrases: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    model = builtin.builtin_model(cache_dir=cache)
    assert model.predict("充值一直没到账").intent == "deposit.not_credited"
    assert model.predict("讲一个笑话给我听").intent == OUT_OF_SCOPE
    stored = list((cache / "intent-model").iterdir())
    assert [p.name for p in stored] == [builtin.builtin_key()]

    monkeypatch.setattr(builtin, "_loaded", {})
    monkeypatch.setattr(builtin, "train", _refuse_training)
    again = builtin.builtin_model(cache)
    assert again.predict("转人工").intent == "service.human_agent"


def _refuse_training(*args: object, **kwargs: object) -> None:
    raise AssertionError("the cached model should have been loaded")


def test_new_phrases_change_the_key(phrases: list[Path]) -> None:
    before = builtin.builtin_key()
    phrases[0].write_text(EN + "hello human\tservice.human_agent\n", encoding="utf-8")
    assert builtin.builtin_key() != before


def test_concurrent_first_use_trains_once(
    phrases: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real_train = builtin.train

    def counting_train(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real_train(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtin, "train", counting_train)
    models: list[object] = []
    threads = [threading.Thread(target=lambda: models.append(builtin.builtin_model(tmp_path)))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(models) == 4 and all(m is models[0] for m in models)


def test_a_damaged_cache_is_rebuilt(phrases: list[Path], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    builtin.builtin_model(tmp_path)
    target = tmp_path / "intent-model" / builtin.builtin_key()
    (target / "pipeline.joblib").write_bytes(b"garbage")
    monkeypatch.setattr(builtin, "_loaded", {})
    model = builtin.builtin_model(tmp_path)
    assert model.predict("转人工").intent == "service.human_agent"


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_dir() == tmp_path
    assert cache_dir(tmp_path / "x") == tmp_path / "x"
    monkeypatch.delenv(CACHE_ENV)
    assert cache_dir() == Path.home() / ".cache" / "cryptodesk"


def test_shipped_phrase_files_are_where_the_model_reads_them() -> None:
    paths = builtin.phrase_paths()
    assert [p.name for p in paths] == ["en.tsv", "zh.tsv"]
    assert all(p.read_text(encoding="utf-8").startswith("text\tintent") for p in paths)
