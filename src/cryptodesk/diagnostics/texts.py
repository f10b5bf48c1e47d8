"""The shape of the sentence catalogue: parts that appear when their evidence is there."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One sentence in both languages; it shows only when every field it names is known.

    `when` names a field that must be present too, though the sentence does not show it;
    `unless` names a field whose presence hides it: the fallback for a sentence that says more.
    """

    en: str
    zh: str
    unless: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class Wording:
    parts: tuple[Part, ...]
    steps: tuple[Part, ...] = ()


TXID: tuple[Part, ...] = (
    Part(
        "TxID: {tx_hash} (on the explorer: {explorer_url}).",
        "交易哈希（TxID）：{tx_hash}，可在区块浏览器查看：{explorer_url}。",
    ),
    Part("TxID: {tx_hash}.", "交易哈希（TxID）：{tx_hash}。", unless="explorer_url"),
)


# How records are named at the start of a sentence.
WITHDRAWAL = "Your withdrawal {record_id} of {amount} {asset} on {network_name}"
WITHDRAWAL_ZH = "您的提币 {record_id}（{amount} {asset}，{network_name}）"
DEPOSIT = "Your deposit {record_id} of {amount} {asset} on {network_name}"
DEPOSIT_ZH = "您的充值 {record_id}（{amount} {asset}，{network_name}）"

MAINTENANCE: tuple[Part, ...] = (
    Part("Reason given: {reason}.", "原因：{reason}。"),
    Part(
        "It is expected back around {maintenance_until_text} (in {maintenance_until_in}).",
        "预计于 {maintenance_until_text}恢复（{maintenance_until_in}后）。",
    ),
    Part(
        "It was expected back by {maintenance_until_text} and should reopen shortly.",
        "原定于 {maintenance_until_text}恢复，应会很快重新开放。",
        unless="maintenance_until_in",
    ),
)
