"""The scams customers describe are recognised in both languages; ordinary questions are not."""

from __future__ import annotations

import pytest

from cryptodesk.shield.scams import ScamPattern, find_scams

P = ScamPattern

DESCRIBED = [
    # "support" asking for a transfer to a "safe" wallet or someone's address
    (P.FUND_TRANSFER, "Someone from your support team messaged me on Telegram and asked me to "
                      "transfer all my USDT to a safe wallet to protect it"),
    (P.FUND_TRANSFER, "The agent said my account is compromised and I must move my funds to a "
                      "secure wallet address he gave me"),
    (P.FUND_TRANSFER, "A caller claiming to be from the exchange told me to send my BTC to this "
                      "address for verification"),
    (P.FUND_TRANSFER, "客服让我转账到安全账户"),
    (P.FUND_TRANSFER, "对方自称官方客服，说我的账户有风险，要我把USDT全部转到他给的新钱包地址"),
    (P.FUND_TRANSFER, "有人说我的资金不安全，让我转到保护账户"),
    # unlock fees, taxes and deposits before a withdrawal
    (P.UNLOCK_FEE, "They say I have to pay a 15% tax before I can withdraw my profits"),
    (P.UNLOCK_FEE, "My account is frozen and the agent wants an unfreezing fee of 500 USDT"),
    (P.UNLOCK_FEE, "Do I really need to pay an unlock fee to get my money?"),
    (P.UNLOCK_FEE, "提现被冻结了，客服说要先交20%的保证金才能解冻"),
    (P.UNLOCK_FEE, "他们说要交解冻费"),
    (P.UNLOCK_FEE, "需要支付通道费才可以提币吗"),
    # remote-desktop apps
    (P.REMOTE_DESKTOP, "The support guy asked me to install AnyDesk so he could fix my withdrawal"),
    (P.REMOTE_DESKTOP, "He wants to share my screen on TeamViewer"),
    (P.REMOTE_DESKTOP, "客服让我下载ToDesk远程帮我操作"),
    (P.REMOTE_DESKTOP, "对方让我装向日葵，说要远程协助"),
    (P.REMOTE_DESKTOP, "对方让我开屏幕共享"),
    # seed phrase or private key requests
    (P.SEED_PHRASE_REQUEST, "someone asked for my seed phrase to verify my account"),
    (P.SEED_PHRASE_REQUEST, "A website asked me to enter my 12 words to sync my wallet"),
    (P.SEED_PHRASE_REQUEST, "Do you need my private key to recover the deposit?"),
    (P.SEED_PHRASE_REQUEST, "有个客服问我要助记词，说要帮我验证钱包"),
    (P.SEED_PHRASE_REQUEST, "网站要求输入助记词才能领取空投"),
    (P.SEED_PHRASE_REQUEST, "他让我把私钥发给他"),
    # giveaways that double what you send
    (P.GIVEAWAY, "There's a giveaway on X: send 1 ETH and get 2 ETH back, is it yours?"),
    (P.GIVEAWAY, "double your bitcoin in 24 hours, they said"),
    (P.GIVEAWAY, "群里说转多少返多少，双倍返还"),
]

ORDINARY = [
    "How do I back up my seed phrase safely?",
    "What is the withdrawal fee for USDT on TRC20?",
    "I want to transfer my BTC from my spot wallet to my funding wallet",
    "Can I move my coins to a hardware wallet?",
    "I want to move my coins to a more secure wallet",
    "My account was frozen after I logged in from a new device, how do I unlock it?",
    "Support told me to wait for 20 confirmations",
    "I lost my 2FA device, how do I reset it?",
    "Is there a fee to deposit USDT?",
    "Do I need to pay taxes on crypto profits?",
    "Your staff said never to share my private key, so I didn't",
    "The seller asked me to release the coins but I haven't got the money",
    "My limit buy for BTC has been open for four days and never fills. Why?",
    "I need quick support, my deposit is missing",
    "is support@cryptodesk-help.com your official email",
    "怎么备份助记词？",
    "USDT提现手续费是多少？",
    "我想把币从资金账户划转到现货账户",
    "客服让我把币划转到现货账户",
    "账户被冻结了怎么解冻？",
    "解冻金额什么时候到账",
    "提币需要验证地址吗",
    "转人工",
    "客服说不要把助记词告诉任何人",
    "合约保证金不足怎么办",
    "充值一直没到账，交易哈希在这里",
    "我想把币提到冷钱包",
    "我想换个新的钱包地址提币",
    "买家说他要转账给我",
    "身份认证被拒了，照片看不清",
]


@pytest.mark.parametrize(("pattern", "text"), DESCRIBED)
def test_described_scams_are_recognised(pattern: ScamPattern, text: str) -> None:
    found = find_scams(text)
    assert pattern in [match.pattern for match in found]
    match = next(m for m in found if m.pattern is pattern)
    assert 0 <= match.start < match.end <= len(text)


def test_every_pattern_is_recognised_in_both_languages() -> None:
    for pattern in ScamPattern:
        texts = [text for p, text in DESCRIBED if p is pattern]
        assert any(text.isascii() for text in texts), pattern
        assert any(not text.isascii() for text in texts), pattern


def test_no_false_alarms_on_ordinary_support_questions() -> None:
    alarms = {text: [m.pattern.value for m in find_scams(text)] for text in ORDINARY}
    assert {text: found for text, found in alarms.items() if found} == {}


def test_repeating_the_advice_is_not_a_scam() -> None:
    assert find_scams("support said never share your seed phrase with anyone") == []
    assert find_scams("客服说不需要提供私钥") == []
    assert [m.pattern for m in find_scams("support asked for my seed phrase")] == [
        P.SEED_PHRASE_REQUEST
    ]


def test_one_match_per_pattern_in_text_order_with_offsets_into_the_original() -> None:
    text = ("他们让我安装ＡｎｙＤｅｓｋ，然后问我要助记词。后来又让我安装AnyDesk。"
            "support asked me to pay an unlock fee")
    found = find_scams(text)
    assert [m.pattern for m in found] == [
        P.REMOTE_DESKTOP, P.SEED_PHRASE_REQUEST, P.UNLOCK_FEE
    ]
    assert text[found[0].start : found[0].end].lower() == "ａｎｙｄｅｓｋ"
    assert "助记词" in text[found[1].start : found[1].end]


def test_empty_and_unrelated_text() -> None:
    assert find_scams("") == []
    assert find_scams("hello") == []
    assert find_scams("你好") == []
