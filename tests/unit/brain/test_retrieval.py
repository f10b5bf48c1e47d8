"""Knowledge-base retrieval and question grouping."""

from cryptodesk.brain.retrieval import Document, KnowledgeIndex, fold, group_similar

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
