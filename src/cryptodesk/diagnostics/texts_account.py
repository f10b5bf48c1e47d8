"""What customers read about their account, verification, the platform and missing records."""

from __future__ import annotations

from .texts import Part, Wording

_NO_RECORD = (
    Part(
        "We found no {record_word} on your account matching {searched}.",
        "您的账户中没有找到与{searched} 相符的{record_word}。",
    ),
    Part(
        "We found no recent {record_word} on your account.",
        "您的账户中没有找到近期的{record_word}。",
        unless="searched",
    ),
)

ACCOUNT: dict[str, Wording] = {
    "account_frozen": Wording(
        parts=(
            Part(
                "Your account is frozen: trading and withdrawals are blocked to protect your"
                " funds.",
                "您的账户已被冻结：为保护资金安全，交易和提币功能已暂停。",
            ),
            Part("Reason: {freeze_reason}.", "原因：{freeze_reason}。"),
            Part("It was frozen on {frozen_at_text}.", "冻结时间：{frozen_at_text}。"),
            Part(
                "Just before, we saw a login from a new device ({device}, {country}) on"
                " {event_at_text}.",
                "冻结前，我们检测到一次新设备登录（{device}，{country}），时间 {event_at_text}。",
            ),
        ),
        steps=(
            Part(
                "If that login was not you, tell us now and change the password of the email"
                " linked to your account; never share verification codes with anyone.",
                "如果那次登录不是您本人，请立即告诉我们，并修改账户绑定邮箱的密码；任何时候都不要"
                "向他人透露验证码。",
                when="device",
            ),
            Part(
                "To unfreeze the account, our security team verifies your identity with you;"
                " have your ID document at hand.",
                "解冻需要安全团队与您核实身份，请准备好身份证件。",
            ),
        ),
    ),
    "account_disabled": Wording(
        parts=(
            Part("Your account has been disabled.", "您的账户已被停用。"),
            Part("Reason: {freeze_reason}.", "原因：{freeze_reason}。"),
        ),
        steps=(
            Part(
                "Our compliance team reviews disabled accounts; you can appeal with any documents"
                " that support your case.",
                "停用的账户由合规团队复核，您可以提交申诉并附上相关证明材料。",
            ),
        ),
    ),
    "account_active": Wording(
        parts=(
            Part(
                "Your account is active: it is not frozen or restricted.",
                "您的账户状态正常，没有被冻结或限制。",
            ),
        ),
        steps=(
            Part(
                "If something specific is blocked, tell us what you were doing and the message"
                " you saw.",
                "如果某项操作受阻，请告诉我们您当时在做什么，以及看到的提示信息。",
            ),
        ),
    ),
    "kyc_rejected": Wording(
        parts=(
            Part("Your identity verification was rejected.", "您的身份认证未通过。"),
            Part("Reason: {kyc_rejection_reason}.", "原因：{kyc_rejection_reason}。"),
            Part(
                "You submitted it on {kyc_submitted_at_text}.",
                "提交时间：{kyc_submitted_at_text}。",
            ),
        ),
        steps=(
            Part(
                "Submit it again under Account > Verification with a clear photo: the whole"
                " document in frame, all four corners visible, no glare or blur.",
                "请在「账户 > 身份认证」重新提交，照片需清晰："
                "证件完整入镜、四角可见、无反光或模糊。",
            ),
            Part(
                "If you think the decision is wrong, you can appeal it and a person will review"
                " it.",
                "如果您认为审核结果有误，可以提交申诉，由专人复核。",
            ),
        ),
    ),
    "kyc_pending": Wording(
        parts=(
            Part(
                "Your identity verification is being reviewed; you submitted it"
                " {kyc_submitted_at_ago} ago.",
                "您的身份认证正在审核中，您于{kyc_submitted_at_ago}前提交。",
            ),
            Part(
                "Your identity verification is being reviewed.",
                "您的身份认证正在审核中。",
                unless="kyc_submitted_at_ago",
            ),
            Part(
                "That is longer than usual, so our compliance team will look at it.",
                "这比平常要久，我们会请合规团队跟进。",
                when="overdue",
            ),
        ),
        steps=(
            Part(
                "Reviews usually finish within a day or two. There is no need to submit again: a"
                " new submission goes to the back of the queue.",
                "审核通常在一到两天内完成。无需重复提交，重新提交会重新排队。",
            ),
        ),
    ),
    "kyc_approved": Wording(
        parts=(
            Part(
                "Your identity verification is approved, at level {kyc_level}.",
                "您的身份认证已通过，当前认证等级为 {kyc_level}。",
            ),
        ),
        steps=(
            Part(
                "Higher limits need a higher verification level, under Account > Verification.",
                "如需更高额度，可在「账户 > 身份认证」申请更高等级的认证。",
            ),
        ),
    ),
    "kyc_not_started": Wording(
        parts=(
            Part(
                "You have not submitted identity verification yet.",
                "您尚未提交身份认证。",
            ),
        ),
        steps=(
            Part(
                "Start it under Account > Verification; you need a valid ID document and a few"
                " minutes.",
                "请在「账户 > 身份认证」开始认证，准备好有效身份证件，几分钟即可完成。",
            ),
        ),
    ),
    "platform_maintenance": Wording(
        parts=(
            Part(
                "Known issue: {title} ({status_word}, since {started_at_text}).",
                "已知问题：{title}（{status_word}，开始于 {started_at_text}）。",
            ),
            Part("Affected: {components}.", "受影响的服务：{components}。"),
        ),
        steps=(
            Part(
                "Our engineers are on it and no action is needed from you; the status page and"
                " announcements show progress.",
                "技术团队正在处理，您无需任何操作；进展请留意状态页和平台公告。",
            ),
        ),
    ),
    "platform_operational": Wording(
        parts=(
            Part(
                "All our services are running normally right now: no known outage or"
                " maintenance.",
                "目前所有服务运行正常，没有已知的故障或维护。",
            ),
        ),
        steps=(
            Part(
                "If something does not work for you, tell us what you were doing, on which device,"
                " and the error you saw.",
                "如果您遇到问题，请告诉我们当时的操作、使用的设备以及看到的错误提示。",
            ),
        ),
    ),
    "platform_unavailable": Wording(
        parts=(
            Part(
                "We could not reach the exchange's records just now, so we cannot check your"
                " account automatically.",
                "我们暂时无法读取交易所的账户记录，因此无法自动为您查询。",
            ),
        ),
        steps=(
            Part(
                "A support agent will check it for you directly; there is no need to repeat your"
                " question.",
                "客服专员会直接为您核查，您无需重复提问。",
            ),
        ),
    ),
    "unknown_customer": Wording(
        parts=(
            Part(
                "We could not find an exchange account linked to this conversation.",
                "我们没有找到与此会话关联的交易所账户。",
            ),
        ),
        steps=(
            Part(
                "Sign in and ask again, or tell us the email or phone number registered on your"
                " account so a support agent can look it up.",
                "请登录后再次提问，或告诉我们账户注册使用的邮箱或手机号，以便客服专员查询。",
            ),
        ),
    ),
    "no_matching_record": Wording(
        parts=_NO_RECORD,
        steps=(
            Part(
                "Tell us a little more, such as the coin, the amount and roughly when it"
                " happened.",
                "请补充更多信息，例如币种、金额和大致时间。",
            ),
        ),
    ),
    "no_matching_record.deposit": Wording(
        parts=_NO_RECORD,
        steps=(
            Part(
                "Send us the TxID (transaction hash) from the sending platform, and check that it"
                " went to the deposit address shown in your account for that coin and network.",
                "请提供发送方平台的交易哈希（TxID），并核对收款地址是否为您账户中该币种和网络对应的"
                "充值地址。",
                unless="tx_hash",
            ),
            Part(
                "Check the TxID on a block explorer: if it shows the funds reached your deposit"
                " address, our wallet team will trace them.",
                "请在区块浏览器中核对该 TxID：如显示资金已到达您的充值地址，钱包团队会为您追查。",
                when="tx_hash",
            ),
        ),
    ),
    "no_matching_record.withdrawal": Wording(
        parts=_NO_RECORD,
        steps=(
            Part(
                "Tell us the coin, the network and when you made the withdrawal, or its TxID.",
                "请告诉我们提币的币种、网络和时间，或提供其 TxID。",
            ),
        ),
    ),
    "no_matching_record.order": Wording(
        parts=_NO_RECORD,
        steps=(
            Part(
                "Send us the order ID from Orders > Order history, or the pair, the side and"
                " when you placed it.",
                "请提供「订单 > 历史订单」中的订单号，或告诉我们交易对、买卖方向和下单时间。",
            ),
        ),
    ),
}
