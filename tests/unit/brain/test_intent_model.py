"""Training, predicting, saving and evaluating an intent model on a small bilingual set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cryptodesk.brain import (
    OUT_OF_SCOPE,
    EmptyText,
    IntentModel,
    ModelError,
    TextTooLong,
    TrainingDataError,
    TrainSettings,
    evaluate,
    load_model,
    train,
)
from cryptodesk.brain.features import FeatureSettings
from cryptodesk.brain.persistence import MANIFEST

PHRASES = {
    "deposit.not_credited": [
        "my deposit has not arrived", "deposit not credited yet", "where is my deposit",
        "I deposited usdt but the balance is zero", "deposit still missing after an hour",
        "sent btc to my deposit address and nothing arrived",
        "充值没到账", "我的充值还没到", "充币一直没有到账", "转进来的usdt没显示",
        "充值了余额没变", "入金没有到账怎么办",
    ],
    "security.password_reset": [
        "I forgot my password", "how do I reset my password", "change my login password",
        "password reset email never came", "cannot remember my password",
        "I want a new password",
        "忘记密码了", "怎么重置登录密码", "修改密码", "密码找不回来了", "我想改一下密码",
        "登录密码忘了怎么办",
    ],
    "service.human_agent": [
        "I want to talk to a human", "connect me to an agent", "real person please",
        "let me speak to customer service", "transfer me to a person", "is there a human here",
        "转人工", "我要人工客服", "找真人客服", "人工服务", "有没有人工", "帮我转接客服",
    ],
    OUT_OF_SCOPE: [
        "what is the weather tomorrow", "tell me a joke", "recommend a pasta recipe",
        "who won the football match", "write a poem about the sea", "how tall is mount everest",
        "明天天气怎么样", "讲个笑话", "推荐一部电影", "今天吃什么", "帮我写一首诗",
        "珠穆朗玛峰有多高",
    ],
}
ROWS = [(text, intent) for intent, texts in PHRASES.items() for text in texts]


@pytest.fixture(scope="module")
def model() -> IntentModel:
    return train(ROWS)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("my usdt deposit never arrived", "deposit.not_credited"),
        ("充值的钱还没到账", "deposit.not_credited"),
        ("I can't remember my password", "security.password_reset"),
        ("密码忘记了怎么办", "security.password_reset"),
        ("please get me a human agent", "service.human_agent"),
        ("转人工客服", "service.human_agent"),
        ("what's the weather like tomorrow", OUT_OF_SCOPE),
        ("给我讲一个笑话吧", OUT_OF_SCOPE),
    ],
)
def test_predicts_unseen_paraphrases(model: IntentModel, question: str, intent: str) -> None:
    assert model.predict(question).intent == intent


def test_prediction_carries_language_and_ranked_candidates(model: IntentModel) -> None:
    p = model.predict("USDT充值一直pending")
    assert p.language == "mixed"
    assert p.intent == "deposit.not_credited"
    assert len(p.ranked) == 3
    assert p.ranked[0][0] == p.intent
    scores = [score for _, score in p.ranked]
    assert scores == sorted(scores, reverse=True)
    assert 0.0 < p.confidence <= 1.0


def test_traditional_and_full_width_questions_are_understood(model: IntentModel) -> None:
    assert model.predict("ＵＳＤＴ充值沒到賬").intent == "deposit.not_credited"


def test_no_taught_intent_is_confident_about_an_unrelated_question(model: IntentModel) -> None:
    taught = model.predict("I forgot my password")
    unrelated = model.predict("quantum chromodynamics on a lattice")
    in_scope = [score for intent, score in unrelated.ranked if intent != OUT_OF_SCOPE]
    assert taught.confidence > 0.5 > max(in_scope)


def test_low_confidence_becomes_out_of_scope(model: IntentModel) -> None:
    strict = IntentModel(
        model.pipeline, temperature=model.temperature, threshold=1.01,
        settings=model.settings, examples=model.examples,
    )
    p = strict.predict("I forgot my password")
    assert p.intent == OUT_OF_SCOPE
    assert p.ranked[0][0] == "security.password_reset"


def test_batch_and_single_predictions_agree(model: IntentModel) -> None:
    questions = ["忘记密码了", "转人工", "where is my deposit"]
    assert [p.intent for p in model.predict_many(questions)] == [
        model.predict(q).intent for q in questions
    ]


def test_empty_and_huge_questions_are_refused(model: IntentModel) -> None:
    with pytest.raises(EmptyText):
        model.predict("   ")
    with pytest.raises(TextTooLong):
        model.predict("充值" * 3000)


def test_save_and_load_round_trip(model: IntentModel, tmp_path: Path) -> None:
    model.save(str(tmp_path / "m"))
    manifest = json.loads((tmp_path / "m" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["labels"] == sorted(PHRASES)
    assert manifest["format_version"] == 2
    assert manifest["versions"]["scikit-learn"]
    loaded = load_model(tmp_path / "m")
    for question in ("转人工", "where is my deposit", "tell me a joke please"):
        assert loaded.predict(question) == model.predict(question)


def test_a_model_reading_e5_keeps_it_when_saved_and_loaded(tmp_path: Path) -> None:
    with_e5 = train(ROWS, TrainSettings(features=FeatureSettings(e5_weight=3.0)))
    with_e5.save(str(tmp_path / "m"))
    loaded = load_model(tmp_path / "m")
    assert [name for name, _ in loaded.settings.features.encoders][-1] == "e5"
    assert loaded.memory is not None and "e5" in loaded.memory.encoders
    for question in ("转人工", "where is my deposit", "tell me a joke please"):
        assert loaded.predict(question) == with_e5.predict(question)


def test_settings_saved_before_e5_existed_load_without_it() -> None:
    older = FeatureSettings.from_json({"use_weight": 1.5, "minilm_weight": 2.0})
    assert [name for name, _ in older.encoders] == ["use", "minilm"]


def test_loading_refuses_another_format_version(model: IntentModel, tmp_path: Path) -> None:
    model.save(str(tmp_path / "m"))
    path = tmp_path / "m" / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format_version"] = 99
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_model(tmp_path / "m")
    assert "99" in caught.value.en
    assert "99" in caught.value.zh


def test_loading_a_directory_without_a_model_says_so(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"manifest\.json is missing"):
        load_model(tmp_path)


def test_loading_a_damaged_pipeline_is_a_clear_error(model: IntentModel, tmp_path: Path) -> None:
    model.save(str(tmp_path / "m"))
    (tmp_path / "m" / "pipeline.joblib").write_bytes(b"not a pickle")
    with pytest.raises(ModelError, match=r"pipeline\.joblib cannot be loaded"):
        load_model(tmp_path / "m")


def test_evaluation_reports_every_figure(model: IntentModel) -> None:
    held_out = [
        ("my deposit is missing", "deposit.not_credited"),
        ("充值没到", "deposit.not_credited"),
        ("reset password", "security.password_reset"),
        ("人工客服在吗", "service.human_agent"),
        ("tell me a funny joke", OUT_OF_SCOPE),
        ("forgot my password", "service.human_agent"),  # deliberately mislabelled
    ]
    result = evaluate(model, held_out)
    assert result["questions"] == 6
    assert result["accuracy"] == pytest.approx(5 / 6, abs=1e-3)
    assert 0 < result["macro_f1"] < 1
    assert result["per_intent"]["service.human_agent"]["support"] == 2
    assert result["per_intent"]["service.human_agent"]["recall"] == 0.5
    assert {"expected": "service.human_agent", "predicted": "security.password_reset",
            "count": 1} in result["confusion_pairs"]
    assert result["latency_ms"]["p99"] >= result["latency_ms"]["p50"] > 0
    assert result["out_of_scope"]["recall"] == 1.0
    assert set(result["by_language"]) == {"en", "zh"}


def test_training_needs_two_intents() -> None:
    with pytest.raises(TrainingDataError, match="two different intents"):
        train([("hello", "chitchat.greeting"), ("hi", "chitchat.greeting")])


def test_training_names_the_row_with_an_empty_text() -> None:
    with pytest.raises(TrainingDataError) as caught:
        train([("hello", "a"), ("  ", "b"), ("bye", "b")])
    assert caught.value.line == 2


def test_explicit_threshold_is_kept() -> None:
    fitted = train(ROWS, TrainSettings(threshold=0.3))
    assert fitted.threshold == 0.3


def test_fast_path_gives_the_pipelines_margins(model: IntentModel) -> None:
    from cryptodesk.brain import normalise
    from cryptodesk.brain.fastpath import LinearScorer

    texts = [normalise(t) for t in ("充值没到账 usdt", "I forgot my password!!", "zzzz qqqq")]
    expected = model.pipeline.decision_function(texts)
    margins, vectors = LinearScorer(model.pipeline).decision(texts)
    assert margins == pytest.approx(expected, abs=1e-5)
    assert {name: v.shape for name, v in vectors.items()} == {"use": (3, 512), "minilm": (3, 384)}


def test_binary_models_work() -> None:
    rows = [(t, i) for i, texts in PHRASES.items() for t in texts
            if i in ("deposit.not_credited", "service.human_agent")]
    fitted = train(rows)
    assert fitted.predict("转人工").intent == "service.human_agent"
    assert fitted.predict("my deposit is missing").intent == "deposit.not_credited"
