"""What the customer reads when a secret is redacted: markers and the warning, in zh and en."""

from __future__ import annotations

from ..i18n import Language
from .results import SecretKind

_MARKER_NAMES: dict[SecretKind, dict[Language, str]] = {
    SecretKind.SEED_PHRASE: {"en": "seed phrase", "zh": "助记词"},
    SecretKind.PRIVATE_KEY: {"en": "private key", "zh": "私钥"},
    SecretKind.WIF_KEY: {"en": "private key", "zh": "私钥"},
    SecretKind.SOLANA_SECRET_KEY: {"en": "private key", "zh": "私钥"},
    SecretKind.EXTENDED_PRIVATE_KEY: {"en": "extended private key", "zh": "扩展私钥"},
    SecretKind.API_SECRET: {"en": "API secret", "zh": "API密钥"},
}

_WARNING: dict[Language, str] = {
    "en": (
        "Your message contained a seed phrase, private key or API secret, so we hid it and did "
        "not store it. Never share these with anyone, including us: our staff will never ask "
        "for them. If what you sent was real, treat it as exposed: move your funds to a new "
        "wallet now (and delete that API key)."
    ),
    "zh": (
        "您的消息中包含助记词、私钥或API密钥，我们已将其隐藏且未保存。请不要向任何人透露这些信息，"
        "包括我们：我们的工作人员绝不会向您索要。如果您发送的是真实信息，请视为已泄露：立即将资产"
        "转移到新的钱包（并删除该API密钥）。"
    ),
}


def marker(kind: SecretKind, language: Language) -> str:
    name = _MARKER_NAMES[kind][language]
    return f"[已隐藏：{name}]" if language == "zh" else f"[redacted: {name}]"


def warning(language: str) -> str:
    """The warning shown to a customer who pasted a secret; any zh-* tag reads Chinese."""
    return _WARNING["zh" if language.lower().startswith("zh") else "en"]
