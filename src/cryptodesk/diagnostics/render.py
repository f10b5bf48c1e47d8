"""A diagnosis as the customer reads it: one paragraph in their language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wording import amount, percent, zh

if TYPE_CHECKING:
    from .models import Diagnosis, FeeDisclosure

_TEAMS = {
    "wallet-ops": ("our wallet operations team", "钱包运维团队"),
    "compliance": ("our compliance team", "合规团队"),
    "security": ("our security team", "安全团队"),
    "support": ("a support agent", "客服专员"),
}

_CASES = {
    "deposit_recovery": (
        "We can open a deposit recovery case for you with this evidence attached.",
        "我们可以为您提交充值找回申请，并附上以上证据。",
    ),
    "appeal": (
        "We can open an appeal for you with this evidence attached.",
        "我们可以为您提交申诉，并附上以上证据。",
    ),
    "refund": (
        "We can open a refund case for you with this evidence attached.",
        "我们可以为您提交退款申请，并附上以上证据。",
    ),
    "security_incident": (
        "We can open a security incident case for you with this evidence attached.",
        "我们可以为您提交安全事件报告，并附上以上证据。",
    ),
}


def render_fee(fee: FeeDisclosure, language: str) -> str:
    figures = {
        "fee": amount(fee.fee),
        "total": amount(fee.total),
        "asset": fee.asset,
        "rate": percent(fee.fee_rate) + " " if fee.fee_rate is not None else "",
        "rate_zh": " " + percent(fee.fee_rate) + " 的" if fee.fee_rate is not None else "",
    }
    if fee.kind == "withdrawal":
        en = "The withdrawal fee is {fee} {asset}, so {total} {asset} arrives."
        zh_text = "提币手续费为 {fee} {asset}，实际到账 {total} {asset}。"
    elif fee.kind == "buy":
        en = "With the {rate}fee of {fee} {asset}, the order costs {total} {asset} in all."
        zh_text = "加上{rate_zh}手续费 {fee} {asset}，该订单共需 {total} {asset}。"
    else:
        en = "After the {rate}fee of {fee} {asset}, the sale brings {total} {asset}."
        zh_text = "扣除{rate_zh}手续费 {fee} {asset} 后，卖出可得 {total} {asset}。"
    return (zh_text if zh(language) else en).format_map(figures)


def _fee_stated(diagnosis: Diagnosis) -> bool:
    """A finding that already spelled out the fee and its rate (the order maths) says enough."""
    return any("fee_rate" in f.evidence for f in diagnosis.findings)


def render_diagnosis(diagnosis: Diagnosis, language: str) -> str:
    chinese = zh(language)
    sentences = [f.message(language) for f in diagnosis.findings if f.message(language)]
    if diagnosis.fee_disclosure is not None and not _fee_stated(diagnosis):
        sentences.append(diagnosis.fee_disclosure.render(language))
    steps = diagnosis.next_steps(language)
    if steps:
        lead = "接下来：" if chinese else "What to do next:"
        sentences.append(lead + ("" if chinese else " ") + ("" if chinese else " ").join(steps))
    if diagnosis.handoff_team in _TEAMS:
        en, zh_name = _TEAMS[diagnosis.handoff_team]
        sentences.append(
            f"此事需要{zh_name}处理，他们会看到以上全部信息，您无需重复说明。"
            if chinese
            else f"This needs {en} to act; they will see all of the above, so you will not"
            " need to explain it again."
        )
    if diagnosis.case_kind in _CASES:
        en, zh_text = _CASES[diagnosis.case_kind]
        sentences.append(zh_text if chinese else en)
    return ("" if chinese else " ").join(sentences)
