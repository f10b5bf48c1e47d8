"""The reason codes exchanges record, said in words; an unknown code is at least made readable.

Records carry reasons as codes ("wallet_maintenance") or as free text; evidence keeps them as
recorded, and sentences show these words instead.
"""

from __future__ import annotations

from collections.abc import Mapping

# Evidence fields that hold a reason.
REASON_FIELDS = (
    "reason", "freeze_reason", "failure_reason", "hold_reason", "reject_reason",
    "kyc_rejection_reason",
)

_WORDS: dict[str, tuple[str, str]] = {
    # maintenance and networks
    "wallet_maintenance": ("wallet maintenance", "钱包维护"),
    "network_upgrade": ("a network upgrade", "网络升级"),
    "node_upgrade": ("a node upgrade", "节点升级"),
    "hard_fork": ("a network hard fork", "网络硬分叉"),
    "network_congestion": ("network congestion", "网络拥堵"),
    "network_suspended": ("the network being suspended", "网络暂停"),
    # money and addresses
    "below_minimum": ("below the minimum amount", "低于最低数量"),
    "insufficient_balance": ("insufficient balance", "余额不足"),
    "address_invalid": ("an invalid address", "地址无效"),
    "wrong_network": ("sent on the wrong network", "转错网络"),
    "missing_memo": ("missing memo or tag", "缺少备注或标签"),
    "risk_control": ("a risk-control check", "风控审核"),
    "risk_review": ("a risk-control review", "风控审核"),
    "compliance_check": ("a compliance check", "合规审查"),
    "large_amount": ("a large amount", "大额提币"),
    "new_address": ("a new address", "新地址"),
    "security_hold": ("a security hold after an account change", "账户安全变更后的暂缓期"),
    # orders
    "below_min_notional": ("below the minimum order value", "低于最小下单金额"),
    "below_min_qty": ("below the minimum quantity", "低于最小下单数量"),
    "price_out_of_range": ("a price outside the allowed range", "价格超出允许范围"),
    "trading_halted": ("trading suspended on the market", "交易对暂停交易"),
    # the account
    "unknown_device_login": ("a sign-in from an unknown device", "陌生设备登录"),
    "suspicious_activity": ("unusual activity on the account", "账户存在异常活动"),
    "customer_request": ("your own request", "您本人的申请"),
    "compliance_review": ("a compliance review", "合规审查"),
    # verification
    "document_unreadable": ("the document photo could not be read", "证件照片无法识别"),
    "document_expired": ("the document has expired", "证件已过期"),
    "document_unsupported": ("this type of document is not accepted", "不支持该类型的证件"),
    "name_mismatch": ("the name does not match the account", "姓名与账户信息不符"),
    "selfie_mismatch": ("the selfie does not match the document", "自拍与证件照片不符"),
    "underage": ("the holder is under the minimum age", "未达到最低年龄要求"),
    "restricted_region": (
        "the country of residence is not supported", "暂不支持您所在的国家或地区"
    ),
}


def reason_words(raw: str) -> tuple[str, str]:
    """The reason in English and Chinese; free text and unknown codes are shown as they are."""
    key = raw.strip().casefold().replace("-", "_").replace(" ", "_")
    if key in _WORDS:
        return _WORDS[key]
    shown = raw.replace("_", " ").strip() if raw.isidentifier() else raw.strip()
    return shown, shown


def reason_values(evidence: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    return {key: reason_words(evidence[key]) for key in REASON_FIELDS if evidence.get(key)}
