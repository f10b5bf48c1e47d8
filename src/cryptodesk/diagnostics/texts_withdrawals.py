"""What customers read about their withdrawals and the addresses they send to."""

from __future__ import annotations

from .texts import TXID, WITHDRAWAL, WITHDRAWAL_ZH, Part, Wording

_WHY_FAILED = Part(
    "That is why the withdrawal failed.", "这就是该笔提币失败的原因。", when="explains_failure"
)
_RETYPE_ADDRESS = Part(
    "Copy the address again from the receiving platform, with its copy button or QR code,"
    " rather than typing it.",
    "请在收款平台使用复制按钮或扫描二维码重新获取地址，不要手动输入。",
)

WITHDRAWALS: dict[str, Wording] = {
    "awaiting_confirmations": Wording(
        parts=(
            Part(
                WITHDRAWAL + " has been sent and is waiting for blockchain confirmations:"
                " {confirmations} so far.",
                WITHDRAWAL_ZH + "已广播上链，正在等待区块确认，当前确认数 {confirmations}。",
            ),
            Part(
                "At the usual block time it should be complete in {eta_text}.",
                "按正常出块速度，预计{eta_text}后完成。",
            ),
            Part(
                "It has all the confirmations it needs and will show as completed shortly.",
                "确认数已达到要求，很快会显示为已完成。",
                unless="eta_text",
                when="eta_seconds",
            ),
            *TXID,
        ),
        steps=(
            Part(
                "Nothing to do on our side: once it is complete, the receiving platform credits it"
                " under its own rules, and if it does not, give them the TxID.",
                "我们这边无需任何操作：确认完成后由接收方按其规则入账，"
                "如未到账，请向接收方提供 TxID 查询。",
            ),
        ),
    ),
    "below_minimum": Wording(
        parts=(
            Part(
                WITHDRAWAL + " failed because it is below the minimum withdrawal on that"
                " network, {minimum} {asset}.",
                WITHDRAWAL_ZH + "失败，因为金额低于该网络的最低提币数量 {minimum} {asset}。",
            ),
            Part(
                WITHDRAWAL + " failed because it is below the network's minimum withdrawal.",
                WITHDRAWAL_ZH + "失败，因为金额低于该网络的最低提币数量。",
                unless="minimum",
            ),
        ),
        steps=(
            Part(
                "A failed withdrawal goes back to your available balance. Withdraw at least"
                " {minimum} {asset}, or choose a network with a lower minimum that the receiving"
                " side supports.",
                "失败的提币会退回可用余额。请至少提取 {minimum} {asset}，或选择接收方支持且最低"
                "提币数量更低的网络。",
            ),
        ),
    ),
    "insufficient_balance.withdrawal": Wording(
        parts=(
            Part(
                WITHDRAWAL + " failed: your available balance did not cover the amount and its"
                " fee.",
                WITHDRAWAL_ZH + "失败：可用余额不足以支付提币数量和手续费。",
            ),
        ),
        steps=(
            Part(
                "Check your available balance (funds in open orders are locked) and withdraw a"
                " smaller amount, leaving room for the fee.",
                "请查看可用余额（挂单中的资金处于冻结状态），预留手续费后减少提币数量再试。",
            ),
        ),
    ),
    "withdrawal_completed": Wording(
        parts=(
            Part(
                WITHDRAWAL + " is complete, with {confirmations} confirmations.",
                WITHDRAWAL_ZH + "已完成，区块确认数 {confirmations}。",
            ),
            Part(WITHDRAWAL + " is complete.", WITHDRAWAL_ZH + "已完成。",
                 unless="confirmations"),
            *TXID,
        ),
        steps=(
            Part(
                "If the receiving platform has not credited it, give them the TxID: only they can"
                " credit their own accounts.",
                "如接收方尚未入账，请向其提供 TxID 查询：只有接收方能为其账户入账。",
            ),
        ),
    ),
    "withdrawal_processing": Wording(
        parts=(
            Part(
                WITHDRAWAL + " has passed its checks and is being sent; its TxID appears once it"
                " is on the blockchain.",
                WITHDRAWAL_ZH + "已通过审核，正在发送，上链后即可看到交易哈希（TxID）。",
            ),
        ),
        steps=(
            Part("No action is needed; this usually takes a few minutes.",
                 "无需任何操作，通常几分钟内完成。"),
        ),
    ),
    "withdrawal_under_review": Wording(
        parts=(
            Part(
                WITHDRAWAL + " is in a security review before it is sent.",
                WITHDRAWAL_ZH + "正在进行发送前的安全审核。",
            ),
            Part("Reason recorded: {failure_reason}.", "记录的原因：{failure_reason}。"),
            Part("You requested it {created_at_ago} ago.", "您于{created_at_ago}前提交了该提币。"),
        ),
        steps=(
            Part(
                "Most reviews finish within a few hours; keep your phone and email reachable in"
                " case we need to confirm it with you.",
                "大多数审核会在几小时内完成，请保持手机和邮箱畅通，以便我们需要时与您确认。",
            ),
        ),
    ),
    "withdrawal_failed": Wording(
        parts=(
            Part(WITHDRAWAL + " failed.", WITHDRAWAL_ZH + "失败。"),
            Part("Reason recorded: {failure_reason}.", "记录的原因：{failure_reason}。"),
        ),
        steps=(
            Part(
                "The amount and fee of a failed withdrawal go back to your available balance; a"
                " support agent will go through the reason with you.",
                "失败提币的数量和手续费会退回可用余额，客服专员会和您一起核实原因。",
            ),
        ),
    ),
    "withdrawal_failed.cancelled": Wording(
        parts=(
            Part(WITHDRAWAL + " was cancelled.", WITHDRAWAL_ZH + "已被取消。"),
            Part("Reason recorded: {failure_reason}.", "记录的原因：{failure_reason}。"),
        ),
        steps=(
            Part(
                "A cancelled withdrawal goes back to your available balance; you can request it"
                " again whenever you like.",
                "已取消的提币会退回可用余额，您可以随时重新提交。",
            ),
        ),
    ),
    "address_network_mismatch": Wording(
        parts=(
            Part(
                "The destination address of withdrawal {record_id}, {address}, is an address on"
                " {detected_networks_names}, not on {network_name}.",
                "提币 {record_id} 的目标地址 {address} 是{detected_networks_names}上的地址，"
                "不是{network_name}地址。",
            ),
            _WHY_FAILED,
        ),
        steps=(
            Part(
                "Ask the receiving platform which network its address is on and withdraw on that"
                " network: funds sent on the wrong network may not be recoverable.",
                "请向收款平台确认该地址所属网络，并选择相同网络提币：发错网络的资金可能无法找回。",
            ),
        ),
    ),
    "address_checksum_invalid": Wording(
        parts=(
            Part(
                "The destination address of withdrawal {record_id}, {address}, fails its"
                " {network_name} checksum: a character is wrong, missing or extra.",
                "提币 {record_id} 的目标地址 {address} 未通过{network_name}地址校验，"
                "可能输错、漏掉或多了字符。",
            ),
            _WHY_FAILED,
        ),
        steps=(_RETYPE_ADDRESS,),
    ),
    "address_invalid": Wording(
        parts=(
            Part(
                "The destination address of withdrawal {record_id}, {address}, is not a valid"
                " {network_name} address. {check_message}",
                "提币 {record_id} 的目标地址 {address} 不是有效的{network_name}地址。"
                "{check_message}",
            ),
            _WHY_FAILED,
        ),
        steps=(_RETYPE_ADDRESS,),
    ),
}
