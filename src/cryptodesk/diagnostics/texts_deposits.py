"""What customers read about their deposits."""

from __future__ import annotations

from .texts import DEPOSIT, DEPOSIT_ZH, MAINTENANCE, TXID, Part, Wording

_RECOVERY_STEP = Part(
    "Open a deposit recovery case with the TxID, the amount and a screenshot of the withdrawal"
    " record on the sending platform; our wallet team handles it from there.",
    "请提交充值找回申请，附上 TxID、金额以及发送方平台的提币记录截图，钱包团队会接手处理。",
)

DEPOSITS: dict[str, Wording] = {
    "awaiting_confirmations.deposit": Wording(
        parts=(
            Part(
                DEPOSIT + " has reached us and is waiting for blockchain confirmations:"
                " {confirmations} so far.",
                DEPOSIT_ZH + "已到达，正在等待区块确认，当前确认数 {confirmations}。",
            ),
            Part(
                "It will be credited automatically in {eta_text}.",
                "预计{eta_text}后自动入账。",
            ),
            Part(
                "It has the confirmations it needs and will be credited shortly.",
                "确认数已达到要求，很快会入账。",
                unless="eta_text",
                when="eta_seconds",
            ),
            *TXID,
        ),
        steps=(
            Part(
                "No action is needed: the deposit is credited as soon as the confirmations are"
                " complete.",
                "无需任何操作，确认数达到要求后会自动入账。",
            ),
        ),
    ),
    "deposit_credited": Wording(
        parts=(
            Part(
                DEPOSIT + " was credited to your balance on {credited_at_text}.",
                DEPOSIT_ZH + "已于 {credited_at_text}入账。",
            ),
            Part(
                DEPOSIT + " has been credited to your balance.",
                DEPOSIT_ZH + "已入账。",
                unless="credited_at_text",
            ),
            *TXID,
        ),
        steps=(
            Part(
                "You can see it in your spot balance and your deposit history.",
                "您可以在现货账户余额和充值记录中查看。",
            ),
        ),
    ),
    "deposit_failed": Wording(
        parts=(
            Part(
                DEPOSIT + " could not be credited automatically.",
                DEPOSIT_ZH + "无法自动入账。",
            ),
            Part("Reason recorded: {hold_reason}.", "记录的原因：{hold_reason}。"),
            *TXID,
        ),
        steps=(
            Part(
                "Our wallet team needs to look at it; keep the TxID at hand.",
                "需要钱包团队人工核查，请准备好 TxID。",
            ),
        ),
    ),
    "wrong_network_deposit": Wording(
        parts=(
            Part(
                "Your deposit {record_id} of {amount} {asset} was sent over {network_name}, but the"
                " address it went to is your {address_network_name} deposit address, so it"
                " could not be credited automatically.",
                "您的充值 {record_id}（{amount} {asset}）是通过{network_name}发送的，"
                "但收款地址是您的{address_network_name}充值地址，因此无法自动入账。",
            ),
            Part(
                "Your deposit {record_id} of {amount} {asset} was sent over {network_name}, a"
                " network this deposit address does not take, so it could not be credited"
                " automatically.",
                "您的充值 {record_id}（{amount} {asset}）是通过{network_name}发送的，"
                "该充值地址不支持这个网络，因此无法自动入账。",
                unless="address_network",
            ),
            Part(
                "Deposits like this can often be recovered, but only by hand.",
                "这类充值通常可以找回，但需要人工处理。",
            ),
            *TXID,
        ),
        steps=(
            _RECOVERY_STEP,
            Part(
                "Next time, pick the same network on both sides: {address_network_name} for this"
                " address.",
                "今后充值时，请确保发送方选择与充值地址相同的网络：此地址应使用{address_network_name}。",
            ),
        ),
    ),
    "missing_memo": Wording(
        parts=(
            Part(
                DEPOSIT + " arrived without the {memo_name} our shared deposit address needs to"
                " tell whose it is, so it could not be credited automatically.",
                DEPOSIT_ZH + "到账时缺少{memo_name}。我们的充值地址为多人共用，需要{memo_name}"
                "识别账户，因此无法自动入账。",
            ),
            Part("Your {memo_name} is {expected_memo}.", "您的{memo_name}是 {expected_memo}。"),
            *TXID,
        ),
        steps=(
            _RECOVERY_STEP,
            Part(
                "Next time, always fill in the {memo_name} {expected_memo} when you send {asset}"
                " on {network_name}.",
                "今后通过{network_name}充值 {asset} 时，请务必填写{memo_name} {expected_memo}。",
            ),
        ),
    ),
    "below_minimum.deposit": Wording(
        parts=(
            Part(
                DEPOSIT + " is below the minimum deposit of {minimum} {asset}, so it was not"
                " credited automatically.",
                DEPOSIT_ZH + "低于最低充值数量 {minimum} {asset}，因此未自动入账。",
            ),
            *TXID,
        ),
        steps=(
            Part(
                "Our wallet team reviews deposits below the minimum; keep the TxID at hand, and"
                " send at least {minimum} {asset} next time.",
                "低于最低数量的充值需要钱包团队人工处理，请准备好 TxID；今后每次至少充值"
                " {minimum} {asset}。",
            ),
        ),
    ),
    "network_suspended.deposit": Wording(
        parts=(
            Part(
                "{asset} deposits on {network_name} are suspended right now, so crediting may"
                " wait until they reopen.",
                "{asset} 在{network_name}上的充值目前已暂停，入账可能要等到恢复后。",
            ),
            *MAINTENANCE,
        ),
        steps=(
            Part(
                "Your funds are safe: deposits that arrive during maintenance are credited after"
                " it. Do not send more on this network until it reopens.",
                "资金是安全的：维护期间到达的充值会在维护结束后入账。恢复之前请不要再通过该网络充值。",
            ),
        ),
    ),
}
