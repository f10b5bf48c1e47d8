"""Ordinary messages pass untouched; API secrets and mixed messages are redacted in place."""

from __future__ import annotations

import pytest

from cryptodesk.shield import SecretKind, scan, warning

ORDINARY_EN = [
    "I have been able to buy bitcoin but the order is still open, can you also check my account",
    "Hello, my withdrawal of 500 USDT on TRC20 has been pending for two hours. What is wrong?",
    "Please help: I sent ETH to the wrong network and I want to recover it, what can I do?",
    "You can also find the answer above, but I would like to know why my account was frozen",
    "Which network should I choose when I deposit USDT? The app shows ERC20, TRC20 and BEP20.",
    "My verification was rejected because the photo of my document was not clear enough.",
    "Can you tell me what the fee will be before I place a limit order for 0.5 BTC at 61000?",
    "When will the maintenance end? I need to move my funds to another exchange this week.",
    "Someone on Telegram said he was an agent and asked for my seed phrase, is that real?",
    "I lost my phone and cannot get the 2FA code, how do I reset Google Authenticator?",
]

ORDINARY_ZH = [
    "你好，我的USDT提现一直显示处理中，已经过了两个小时了，请帮我看看是怎么回事",
    "为什么我的账户被冻结了？我没有做任何违规的操作，请尽快帮我解冻",
    "充值BTC到现在还没有到账，区块链浏览器上显示已经有六个确认了",
    "我想问一下限价单和市价单有什么区别，手续费是不是也不一样",
    "身份认证一直审核不通过，说证件照片不清晰，我已经重新上传了三次",
    "有人在微信上说自己是客服，让我把助记词发给他，这是真的吗？",
    "请问现在ERC20网络是不是在维护，提币的时候显示暂停",
    "我不小心把USDT转到了BEP20地址上，忘记填写备注，还能找回来吗",
    "手机丢了，谷歌验证器也没有备份，怎么重置二次验证",
    "我觉得你们的客服回复太慢了，等了一个小时都没有人理我，我要投诉",
]


@pytest.mark.parametrize("text", ORDINARY_EN + ORDINARY_ZH)
def test_ordinary_support_messages_are_never_flagged(text):
    result = scan(text)

    assert result.secrets == ()
    assert result.redacted == text
    assert result.found is False


@pytest.mark.parametrize(
    ("template", "language"),
    [
        ("my api secret: {v} please check the permissions", "en"),
        ("API Secret Key = {v}", "en"),
        ("secret key={v}", "en"),
        ("apiSecret: '{v}'", "en"),
        ("我的API密钥：{v}，为什么下单失败", "zh"),
        ("密钥是{v}", "zh"),
    ],
)
def test_labelled_api_secret_is_redacted(template, language):
    value = "Xy7mQ2vB9kLp4Rt8Wz3Nc6Hd1Fg5Js0Ae2Uo9Iq7Ty4Re1Wq"
    text = template.format(v=value)

    result = scan(text)

    assert [s.kind for s in result.secrets] == [SecretKind.API_SECRET]
    marker = "[已隐藏：API密钥]" if language == "zh" else "[redacted: API secret]"
    assert result.redacted == template.format(v=marker)


@pytest.mark.parametrize(
    "text",
    [
        "my API key stopped working yesterday",
        "where do I create an api secret key for the trading bot?",
        "API密钥在哪里设置？",
        "api secret: please_help_me_find_it",
    ],
)
def test_api_labels_without_a_generated_value_are_not_secrets(text):
    assert scan(text).secrets == ()


def test_mixed_message_redacts_each_secret_and_keeps_the_rest(make):
    phrase = " ".join(make.mnemonic("english", 12))
    key = make.key("wif_compressed")
    tx = make.tx_hash()
    address = make.addresses()["eth"]
    text = f"withdrawal to {address}, txid {tx}. Seed: {phrase}. Key: {key}. Help!"

    result = scan(text)

    assert [s.kind for s in result.secrets] == [SecretKind.SEED_PHRASE, SecretKind.WIF_KEY]
    assert result.redacted == (
        f"withdrawal to {address}, txid {tx}. Seed: [redacted: seed phrase]. "
        "Key: [redacted: private key]. Help!"
    )
    assert result.kinds == {SecretKind.SEED_PHRASE, SecretKind.WIF_KEY}
    assert result.confirmed is True


def test_spans_point_into_the_original_text(make):
    key = make.key("raw_hex_0x")
    text = f"私钥：{key}"

    (secret,) = scan(text).secrets

    assert text[secret.start : secret.end] == key


def test_marker_language_can_be_forced(make):
    key = make.key("xprv")

    assert scan(f"my key {key}", language="zh").redacted == "my key [已隐藏：扩展私钥]"


def test_english_seed_in_a_chinese_message_gets_chinese_marker(make):
    phrase = " ".join(make.mnemonic("english", 12))

    result = scan(f"这是我的助记词 {phrase} 怎么导入新钱包")

    assert result.language == "zh"
    assert result.redacted == "这是我的助记词 [已隐藏：助记词] 怎么导入新钱包"


@pytest.mark.parametrize("language", ["zh", "zh-CN", "zh-Hant"])
def test_warning_in_chinese(language):
    text = warning(language)

    assert "助记词" in text and "私钥" in text
    assert "绝不会" in text and "新的钱包" in text


@pytest.mark.parametrize("language", ["en", "en-GB", "fr"])
def test_warning_in_english(language):
    text = warning(language)

    assert "Never share" in text and "will never ask" in text
    assert "new wallet" in text
