"""The sentences an address check ends in, in English and Chinese, one pair per reason code."""

from __future__ import annotations

from dataclasses import dataclass

from cryptodesk.chain.models import Family, Network

_FAMILY_LABELS = {Family.EVM: ("EVM (Ethereum-compatible)", "EVM（以太坊兼容）")}
_UNKNOWN_NAME_MAX = 32


@dataclass(frozen=True)
class Subject:
    """What a sentence talks about: the network(s) in play and what the check learned."""

    asked: Network | None = None
    claimed: tuple[Network, ...] = ()  # the networks whose format the address resembles
    detected: tuple[Network, ...] = ()
    kind: str | None = None
    embedded_memo: str | None = None
    raw_network: str = ""


def _an(name: str) -> str:
    return ("an " if name[:1].upper() in "AEIOX" else "a ") + name


def _join_en(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _claimed_names(subject: Subject) -> tuple[str, str]:
    """How to name the format an address resembles: the asked network if it is that one."""
    nets = subject.claimed
    if subject.asked is not None and subject.asked in nets:
        return subject.asked.name_en, subject.asked.name_zh
    if len(nets) == 1:
        return nets[0].name_en, nets[0].name_zh
    if nets and nets[0].family in _FAMILY_LABELS:
        return _FAMILY_LABELS[nets[0].family]
    if subject.asked is not None:
        return subject.asked.name_en, subject.asked.name_zh
    return "crypto", "加密货币"


def _printable(text: str) -> str:
    shown = "".join(c for c in text if c.isprintable())
    return shown[:_UNKNOWN_NAME_MAX] + ("…" if len(shown) > _UNKNOWN_NAME_MAX else "")


def _valid_notes(subject: Subject, net: Network) -> tuple[str, str]:
    en, zh = "", ""
    if net.family is Family.SOLANA:
        en += (
            " Solana addresses carry no checksum, so a typo cannot be detected:"
            " compare it character by character."
        )
        zh += "Solana 地址没有校验码，无法发现输错的字符，请逐字核对。"
    if subject.kind == "raw":
        en += " This raw form carries no checksum: compare it character by character."
        zh += "这种原始格式没有校验码，请逐字核对。"
    if subject.embedded_memo is not None:
        en += f" It already carries {net.memo.name_en if net.memo else 'tag'}"
        en += f" {subject.embedded_memo}."
        zh += f"该地址已包含{net.memo.name_zh if net.memo else '标签'} {subject.embedded_memo}。"
    elif net.memo is not None and net.memo.required and subject.kind != "x-address":
        en += (
            f" If it is an exchange deposit address, the {net.memo.name_en} shown with it"
            " is needed too."
        )
        zh += f"如果这是交易所的充值地址，还需要填写对应的{net.memo.name_zh}。"
    return en, zh


def _valid(reason: str, subject: Subject) -> tuple[str, str]:
    net = subject.asked or subject.detected[0]
    if subject.asked is None and len(subject.detected) > 1:
        names = [n.name_en for n in subject.detected]
        en = f"This is a valid address on {_join_en(names)}."
        zh = f"这是有效地址，适用于{'、'.join(n.name_zh for n in subject.detected)}。"
    else:
        en = f"This is a valid {net.name_en} address."
        zh = f"这是有效的{net.name_zh}地址。"
    if reason == "unchecksummed":
        en += (
            " It is written without its checksum (all lower- or upper-case), so a typo would"
            " go unnoticed: compare it carefully with the original."
        )
        zh += "但它没有大小写校验（全小写或全大写），输错字符也无法发现，请与原地址仔细核对。"
    notes_en, notes_zh = _valid_notes(subject, net)
    return en + notes_en, zh + notes_zh


def _wrong_network(subject: Subject) -> tuple[str, str]:
    asked = subject.asked
    assert asked is not None
    found = subject.detected
    if len(found) == 1:
        en = f"This is a valid {found[0].name_en} address, not {_an(asked.name_en)} one."
        zh = f"这是{found[0].name_zh}地址，不是{asked.name_zh}地址。"
    else:
        en = (
            f"This is a valid address on {_join_en([n.name_en for n in found])},"
            f" not on {asked.name_en}."
        )
        zh = f"这是{'、'.join(n.name_zh for n in found)}通用的地址，不是{asked.name_zh}地址。"
    return en, zh


_LOOKS_LIKE = {
    "bad_checksum": (
        "This looks like {a_name} address, but its checksum does not match: a character is wrong,"
        " missing or extra. Copy the address again from its source.",
        "这看起来是{name_zh}地址，但校验不通过，可能输错、漏掉或多了字符。请从来源重新复制地址。",
    ),
    "bad_length": (
        "This looks like {a_name} address, but its length is wrong: a character is missing or"
        " extra.",
        "这看起来是{name_zh}地址，但长度不对，可能少了或多了字符。",
    ),
    "bad_characters": (
        "This looks like {a_name} address, but it contains characters such addresses never use.",
        "这看起来是{name_zh}地址，但包含此类地址不会使用的字符。",
    ),
    "missing_prefix": (
        "This looks like {a_name} address without its 0x prefix.",
        "这看起来是缺少 0x 前缀的{name_zh}地址。",
    ),
    "testnet": (
        "This is {a_name} testnet address; it cannot receive real funds.",
        "这是{name_zh}测试网地址，无法接收真实资产。",
    ),
    "unsupported": (
        "This is a kind of {name} address that deposits and withdrawals do not support.",
        "这种{name_zh}地址类型不支持充值和提币。",
    ),
}

_FIXED = {
    "empty": ("No address was given.", "未提供地址。"),
    "tx_hash": (
        "This looks like a transaction hash (TxID), not an address.",
        "这看起来是交易哈希（TxID），不是地址。",
    ),
}


def compose(reason: str, subject: Subject) -> tuple[str, str]:
    """The English and Chinese sentences for a check that ended in `reason`."""
    if reason in ("ok", "unchecksummed"):
        return _valid(reason, subject)
    if reason == "wrong_network":
        return _wrong_network(subject)
    if reason in _FIXED:
        return _FIXED[reason]
    if reason == "unknown_network":
        shown = _printable(subject.raw_network)
        return f"“{shown}” is not a network we know.", f"无法识别网络“{shown}”。"
    if reason in _LOOKS_LIKE:
        name_en, name_zh = _claimed_names(subject)
        en, zh = _LOOKS_LIKE[reason]
        return en.format(a_name=_an(name_en), name=name_en), zh.format(name_zh=name_zh)
    if subject.asked is not None:
        return (
            f"This is not a valid {subject.asked.name_en} address.",
            f"这不是有效的{subject.asked.name_zh}地址。",
        )
    return (
        "This is not an address of any network we support.",
        "无法识别该地址，它不属于任何支持的网络。",
    )
