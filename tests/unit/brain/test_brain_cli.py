"""`cryptodesk brain train / predict / eval` on small files made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cryptodesk.cli.brain import app

runner = CliRunner()

ROWS = {
    "card_arrival": ["where is my card", "my card has not arrived", "card still not delivered",
                     "when will my card come", "how long does card delivery take",
                     "卡还没寄到", "我的卡什么时候到", "银行卡一直没收到"],
    "password": ["I forgot my password", "reset my password please", "cannot remember password",
                 "change my login password", "password reset link", "忘记密码", "怎么改密码",
                 "重置登录密码"],
    "out_of_scope": ["what's the weather", "tell me a joke", "who won the game",
                     "recipe for pasta", "play some music", "明天天气如何", "讲个笑话",
                     "推荐电影"],
}


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    data = root / "train.tsv"
    lines = ["question\tintent"] + [f"{t}\t{i}" for i, texts in ROWS.items() for t in texts]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["train", str(data), "--model", str(root / "model"),
                                 "--text-col", "question", "--label-col", "intent"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["examples"] == 24 and summary["intents"] == 3
    return root / "model"


def test_predict_reads_stdin_and_answers_each_line_in_order(model_dir: Path) -> None:
    result = runner.invoke(app, ["predict", "--model", str(model_dir), "-"],
                           input="my card never came\n密码忘了\nbake me a cake\n")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["intent"] for a in answers] == ["card_arrival", "password", "out_of_scope"]
    assert [a["language"] for a in answers] == ["en", "zh", "en"]
    assert all(0 < a["confidence"] <= 1 and len(a["ranked"]) == 3 for a in answers)


def test_predict_keeps_output_aligned_when_a_line_is_refused(model_dir: Path) -> None:
    huge = "a" * 6000
    result = runner.invoke(app, ["predict", "--model", str(model_dir), "-"],
                           input=f"where is my card\n\n{huge}\nforgot my password\n")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 4
    assert answers[1]["error"]["code"] == "empty_text"
    assert answers[2]["error"]["code"] == "text_too_long"
    assert answers[3]["intent"] == "password"


def test_predict_single_argument(model_dir: Path) -> None:
    result = runner.invoke(app, ["predict", "--model", str(model_dir), "忘记密码了"])
    assert json.loads(result.stdout)["intent"] == "password"


def test_eval_json_reports_accuracy_f1_and_latency(model_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "test.csv"
    data.write_text("text,label\nmy card is late,card_arrival\n忘记了密码,password\n"
                    "sing me a song,out_of_scope\nnew password please,card_arrival\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["eval", str(data), "--model", str(model_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["accuracy"] == 0.75
    assert report["per_intent"]["password"]["precision"] == 0.5
    assert report["per_intent"]["card_arrival"]["recall"] == 0.5
    assert report["confusion_pairs"] == [
        {"expected": "card_arrival", "predicted": "password", "count": 1},
    ]
    assert set(report["latency_ms"]) >= {"p50", "p99"}


def test_train_on_a_malformed_file_names_the_line(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("text,label\nhello,greet\nhi,greet,extra\n", encoding="utf-8")
    result = runner.invoke(app, ["train", str(data), "--model", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "line 3" in result.stderr
    assert not (tmp_path / "m").exists()


def test_predict_with_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["predict", "--model", str(tmp_path), "hello"])
    assert result.exit_code == 2
    assert "manifest.json is missing" in result.stderr


def test_predict_refuses_an_empty_argument(model_dir: Path) -> None:
    result = runner.invoke(app, ["predict", "--model", str(model_dir), " "])
    assert result.exit_code == 2
    assert "empty" in result.stderr


def test_predict_without_model_uses_the_built_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cryptodesk.brain import builtin

    phrases = tmp_path / "en.tsv"
    lines = ["text\tintent"] + [f"{t}\t{i}" for i, texts in ROWS.items() for t in texts]
    phrases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(builtin, "phrase_paths", lambda: [phrases])
    monkeypatch.setattr(builtin, "_loaded", {})
    monkeypatch.setenv("CRYPTODESK_CACHE_DIR", str(tmp_path / "cache"))
    result = runner.invoke(app, ["predict", "-"], input="where is my card\nsing a song\n")
    assert result.exit_code == 0, result.output
    intents = [json.loads(line)["intent"] for line in result.stdout.splitlines()]
    assert intents == ["card_arrival", "out_of_scope"]
    assert (tmp_path / "cache" / "intent-model").is_dir()


def _train_file(directory: Path) -> Path:
    data = directory / "train.tsv"
    lines = ["text\tlabel"] + [f"{t}\t{i}" for i, texts in ROWS.items() for t in texts]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def test_train_can_tune_minilm_and_the_model_keeps_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", str(_train_file(tmp_path)), "--model",
                                 str(tmp_path / "m"), "--tune-epochs", "2"])
    assert result.exit_code == 0, result.output
    assert "tuning MiniLM on 24 questions for 2 epochs" in result.stderr
    digest = json.loads(result.stdout)["tuned_encoder"]
    assert digest and (tmp_path / "m" / "minilm-tuned.onnx").is_file()
    answered = runner.invoke(app, ["predict", "--model", str(tmp_path / "m"), "-"],
                             input="my card never arrived\n")
    assert json.loads(answered.stdout)["intent"] == "card_arrival"


def test_train_can_read_with_e5_and_the_saved_model_does_too(tmp_path: Path) -> None:
    plain = runner.invoke(app, ["train", str(_train_file(tmp_path)), "--model",
                                str(tmp_path / "plain")])
    result = runner.invoke(app, ["train", str(_train_file(tmp_path)), "--model",
                                 str(tmp_path / "m"), "--e5-weight", "3"])
    assert result.exit_code == 0, result.output
    assert json.loads(plain.stdout)["encoders"] == ["use", "minilm"]
    assert json.loads(result.stdout)["encoders"] == ["use", "minilm", "e5"]
    answered = runner.invoke(app, ["predict", "--model", str(tmp_path / "m"), "-"],
                             input="我的卡一直没寄到\n")
    assert json.loads(answered.stdout)["intent"] == "card_arrival"


def test_train_refuses_a_negative_number_of_tuning_epochs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", str(tmp_path / "x.tsv"), "--model", str(tmp_path / "m"),
                                 "--tune-epochs", "-1"])
    assert result.exit_code == 2
    assert "tune-epochs" in result.output


def test_a_threshold_given_to_train_is_the_one_the_model_rejects_under(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", str(_train_file(tmp_path)), "--model",
                                 str(tmp_path / "m"), "--threshold", "0.6"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["threshold"] == 0.6
    data = tmp_path / "test.csv"
    data.write_text("text,label\nmy card is late,card_arrival\nforgot my password,password\n"
                    "sing me a song,out_of_scope\nhow tall is everest,out_of_scope\n"
                    "书什么时候到,card_arrival\n今天股市怎么样,out_of_scope\n", encoding="utf-8")
    report = json.loads(runner.invoke(app, ["eval", str(data), "--model", str(tmp_path / "m"),
                                            "--json"]).stdout)
    oos = report["out_of_scope"]
    assert oos["threshold"] == 0.6
    curve = oos["by_threshold"]
    assert [row["threshold"] for row in curve][:3] == [0.0, 0.05, 0.1]
    at_own = next(row for row in curve if row["threshold"] == 0.6)
    assert (at_own["in_scope_accuracy"], at_own["recall"]) == (
        oos["in_scope_accuracy"], oos["recall"])
    recalls = [row["recall"] for row in curve]
    accuracies = [row["in_scope_accuracy"] for row in curve]
    assert recalls == sorted(recalls) and accuracies == sorted(accuracies, reverse=True)
    assert recalls[-1] == 1.0
    text = runner.invoke(app, ["eval", str(data), "--model", str(tmp_path / "m")]).stdout
    assert "at the model's threshold 0.6" in text and "out-of-scope recall" in text


@pytest.mark.parametrize("value", ["-0.1", "1.5"])
def test_train_refuses_a_threshold_outside_0_to_1(tmp_path: Path, value: str) -> None:
    result = runner.invoke(app, ["train", str(_train_file(tmp_path)), "--model",
                                 str(tmp_path / "m"), "--threshold", value])
    assert result.exit_code == 2
    assert "threshold" in result.output
    assert not (tmp_path / "m").exists()
