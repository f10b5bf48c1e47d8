"""Knowledge-base retrieval and question grouping."""

import numpy as np
import pytest

from cryptodesk.brain.retrieval import (
    Document,
    KnowledgeIndex,
    embedded,
    fold,
    group_similar,
    semantic_similarity,
)
from cryptodesk.services.kb_files import shipped

DOCS = [
    Document("withdrawal-pending", "en", "withdrawal.pending", "My withdrawal has not arrived",
             "Withdrawals wait for confirmations on the network before they arrive.",
             ("withdrawal", "confirmations")),
    Document("withdrawal-pending", "zh", "withdrawal.pending", "提币一直未到账",
             "提币需要等待区块确认，确认完成后才会到账。", ("提币", "确认")),
    Document("security-2fa-setup", "en", "security.2fa_setup", "Turn on two-factor authentication",
             "Open Security, choose authenticator app, scan the QR code.", ("2fa",)),
    Document("security-2fa-setup", "zh", "security.2fa_setup", "如何绑定谷歌验证器",
             "进入安全中心，选择身份验证器，扫描二维码。", ("2fa", "谷歌验证器")),
]


def test_finds_the_right_article_in_each_language() -> None:
    index = KnowledgeIndex(DOCS)
    assert index.search("withdrawl not arived", language="en")[0].key == "withdrawal-pending"
    assert index.search("提币没到账", language="zh")[0].key == "withdrawal-pending"
    assert index.search("怎么绑定谷歌验证器", language="zh")[0].intent == "security.2fa_setup"
    hits = index.search("authenticator", language="zh")
    assert all(h.language == "zh" for h in hits)


def test_empty_queries_and_indexes_find_nothing() -> None:
    assert KnowledgeIndex(DOCS).search("   ") == []
    assert KnowledgeIndex([]).search("anything") == []


def test_fold_normalises_width_and_case() -> None:
    assert fold("ＵＳＤＴ  提現") == "usdt 提現"


def test_similar_questions_group_together() -> None:
    questions = ["how do I stake ETH", "can I stake my eth?", "收益宝怎么赎回", "收益宝如何赎回",
                 "what is the weather"]
    groups = group_similar(questions)
    assert sorted(map(sorted, groups))[:2] == [[0, 1], [2, 3]]
    assert [4] in groups


@pytest.fixture(scope="module")
def shipped_documents() -> list[Document]:
    return [Document(a.slug, a.language, a.intent, a.title, a.body, a.tags) for a in shipped()]


@pytest.mark.parametrize(("question", "language", "intent"), [
    ("how much do you charge per trade", "en", "info.fees"),
    ("钱转出去了对方没收到", "zh", "withdrawal.pending"),
])
def test_a_question_in_other_words_finds_its_article(
    shipped_documents: list[Document], question: str, language: str, intent: str,
) -> None:
    meaning = KnowledgeIndex(shipped_documents).search(question, language=language)
    letters = KnowledgeIndex(shipped_documents, semantic_weight=0).search(
        question, language=language)

    assert meaning[0].intent == intent
    assert letters[0].intent != intent  # shared characters alone pick another article


def test_an_encoder_that_read_nothing_has_no_opinion() -> None:
    queries = {"use": np.array([[1.0, 0.0], [0.0, 1.0]]), "minilm": np.array([[0.0, 1.0],
                                                                              [0.0, 0.0]])}
    targets = {"use": np.array([[0.6, 0.8]]), "minilm": np.array([[0.0, 1.0]])}

    similarity = semantic_similarity(queries, targets)

    assert similarity[:, 0].tolist() == pytest.approx([(0.6 + 1.0) / 2, 0.8])
    targets["minilm"] = np.zeros((1, 2))
    assert semantic_similarity(queries, targets)[:, 0].tolist() == pytest.approx([0.6, 0.8])


def test_minilm_speaks_only_for_english_text() -> None:
    vectors = embedded(["withdrawal not arrived", "USDT提现一直pending", "提币没到账"])

    assert np.any(vectors["minilm"][0] != 0)
    assert not np.any(vectors["minilm"][1:] != 0)
    assert np.all(np.any(vectors["use"] != 0, axis=1))


def test_questions_group_by_meaning_not_letters() -> None:
    questions = ["my withdrawal has not arrived", "the coins I sent out never showed up",
                 "提现一直没到账", "转出去的币对方还没收到", "how do I turn on 2FA",
                 "what is the capital of France", "", "   "]

    groups = group_similar(questions)

    assert sorted(map(sorted, groups)) == [[0, 2], [1, 3], [4], [5], [6], [7]]
