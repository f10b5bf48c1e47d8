"""Customer-facing strings in zh-CN and en, and choosing which one a person reads."""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["zh", "en"]

STRINGS: dict[str, dict[Language, str]] = {
    "handoff.queued": {
        "en": "Thanks, we have your message. A support agent will reply here as soon as possible.",
        "zh": "已收到您的消息，客服人员会尽快在这里回复您。",
    },
    "bot.greeting": {
        "en": "Hello! I can check your deposits, withdrawals, orders and verification, and "
              "answer questions about security and trading. What can I help you with?",
        "zh": "您好！我可以帮您查询充值、提币、订单和身份认证的进度，"
              "也可以解答安全和交易方面的问题。请问有什么可以帮您？",
    },
    "bot.thanks": {
        "en": "You're welcome! If anything else comes up, just write here.",
        "zh": "不客气！如有其他问题，随时在这里留言。",
    },
    "bot.out_of_scope": {
        "en": "I can only help with your account on our exchange: deposits, withdrawals, "
              "trading, verification and security. Is there anything about your account I can "
              "help with?",
        "zh": "我只能协助处理与您在本平台账户相关的问题：充值、提币、交易、身份认证和账户安全。"
              "请问您的账户有什么需要帮忙的吗？",
    },
    "bot.clarify": {
        "en": "To make sure I answer the right question, which of these do you mean?",
        "zh": "为了准确回答，请问您指的是以下哪一项？",
    },
    "bot.sign_in_needed": {
        "en": "To look at your own account I need to know who you are. Please sign in on the "
              "exchange and open this chat there, or send me the order id or the transaction "
              "hash (txid).",
        "zh": "查询您的账户需要先确认您的身份。请在交易所登录后从那里打开本聊天窗口，"
              "或者发送订单号或交易哈希（txid）。",
    },
    "compromise.offer": {
        "en": "If someone else has got into your account, I can freeze it right now: no "
              "withdrawals, trades or logins until you have secured it. Shall I freeze your "
              "account? Reply \"yes\" or press the button.",
        "zh": "如果您的账户被他人登录，我可以立即冻结账户：冻结期间无法提币、交易和登录，"
              "直到您完成安全处理。需要现在冻结吗？请回复“确认”或点击按钮。",
    },
    "compromise.frozen": {
        "en": "Your account is frozen: nobody can withdraw, trade or log in now. Our security "
              "team has your case with the recent logins and withdrawals as evidence. To "
              "recover: 1. reset your login password from a device you trust; 2. re-bind your "
              "authenticator (2FA); 3. delete all API keys; 4. check your withdrawal address "
              "whitelist and remove anything you did not add. We will never ask for your "
              "password, 2FA codes or seed phrase.",
        "zh": "您的账户已冻结：现在任何人都无法提币、交易或登录。安全团队已接手您的申请，"
              "并附上了近期登录和提币记录作为证据。恢复步骤：1. 在可信设备上重置登录密码；"
              "2. 重新绑定身份验证器（2FA）；3. 删除所有 API 密钥；4. 检查提币地址白名单，"
              "删除不是您添加的地址。我们绝不会索要您的密码、验证码或助记词。",
    },
    "compromise.freeze_failed": {
        "en": "I could not freeze your account automatically just now. Our security team has "
              "ticket #{ticket} as top priority and will act at once; meanwhile change your "
              "password and remove any API keys if you can.",
        "zh": "暂时无法自动冻结您的账户。安全团队已将工单 #{ticket} 列为最高优先级并会立即处理；"
              "如有可能，请先修改密码并删除 API 密钥。",
    },
    "compromise.summary": {
        "en": "Account reported compromised by the customer; frozen on their confirmation",
        "zh": "客户报告账户被盗，已经客户确认冻结",
    },
    "bot.read_more": {"en": "Read more: {url}", "zh": "详细说明：{url}"},
    "bot.handoff": {
        "en": "I'm passing this to a support agent, who will reply here. Ticket #{ticket}.",
        "zh": "我已将您的问题转交人工客服，客服会在这里回复您。工单号 #{ticket}。",
    },
    "bot.workflow_opened": {
        "en": "I've opened ticket #{ticket} for our {team} team. They will follow up here; you "
              "can add details or screenshots in this chat.",
        "zh": "已为您创建工单 #{ticket}，由{team}团队跟进处理。他们会在这里回复您，"
              "您也可以在此补充说明或截图。",
    },
    "bot.no_tickets": {
        "en": "You have no open tickets right now.",
        "zh": "您目前没有处理中的工单。",
    },
    "bot.ticket_line": {"en": "#{id} {subject}: {status}", "zh": "#{id} {subject}：{status}"},
    "conversation.default_subject": {
        "en": "Conversation",
        "zh": "会话",
    },
    "ticket.merged_note": {
        "en": "Ticket #{source} was merged into this ticket.",
        "zh": "工单 #{source} 已合并到本工单。",
    },
    "case.kind.deposit_recovery": {"en": "deposit recovery", "zh": "充值找回"},
    "case.kind.appeal": {"en": "appeal", "zh": "申诉"},
    "case.kind.refund": {"en": "refund", "zh": "退款"},
    "case.kind.dispute": {"en": "dispute", "zh": "争议处理"},
    "case.kind.security_incident": {"en": "security incident", "zh": "安全事件"},
    "case.next.deposit_recovery": {
        "en": "Our {team} team will trace the deposit on the blockchain and, if it can be "
              "recovered, credit it to your account. If a recovery fee applies, we will tell you "
              "before anything is done.",
        "zh": "{team}团队会在区块链上核查这笔充值，如可找回，将入账到您的账户。"
              "如需收取找回手续费，我们会事先告知您。",
    },
    "case.next.appeal": {
        "en": "Our {team} team will look at the decision again, with the evidence attached.",
        "zh": "{team}团队会结合所附证据重新审核该决定。",
    },
    "case.next.refund": {
        "en": "Our {team} team will check the charge and, if a refund is due, return it to your "
              "account.",
        "zh": "{team}团队会核实这笔费用，如符合退款条件，将退回到您的账户。",
    },
    "case.next.dispute": {
        "en": "Our {team} team will look at both sides of the transaction and decide how it is "
              "settled.",
        "zh": "{team}团队会核查交易双方的情况，并决定如何处理。",
    },
    "case.next.security_incident": {
        "en": "Our {team} team will review the activity on your account now. If you have not "
              "yet, change your password, and never share a code or your recovery phrase with "
              "anyone.",
        "zh": "{team}团队会立即核查您账户上的活动。如尚未修改密码，请立即修改；"
              "任何时候都不要向任何人透露验证码或助记词。",
    },
    "case.opened": {
        "en": "We have opened case #{case} ({kind}) for you. {next} You will hear from us here "
              "by {due}. You can add details or screenshots in this chat.",
        "zh": "已为您提交{kind}申请，编号 #{case}。{next}我们会在 {due} 前在这里答复您，"
              "您也可以在此补充说明或截图。",
    },
    "case.under_review": {
        "en": "Case #{case} ({kind}) is now being reviewed by our {team} team. You will hear "
              "from us by {due}.",
        "zh": "您的{kind}申请 #{case} 已进入审核，由{team}团队处理。我们会在 {due} 前答复您。",
    },
    "case.needs_info": {
        "en": "To continue with case #{case} we need more from you: {note} Please reply in this "
              "chat; the review resumes as soon as we have your answer.",
        "zh": "为继续处理申请 #{case}，需要您补充以下信息：{note} 请直接在此对话中回复，"
              "收到后我们会继续审核。",
    },
    "case.resumed": {
        "en": "Thank you, we have your answer. Case #{case} is under review again; you will "
              "hear from us by {due}.",
        "zh": "已收到您的补充信息，申请 #{case} 已恢复审核，我们会在 {due} 前答复您。",
    },
    "case.approved": {
        "en": "Case #{case} ({kind}) has been approved. {note}",
        "zh": "您的{kind}申请 #{case} 已通过。{note}",
    },
    "case.rejected": {
        "en": "Case #{case} ({kind}) was not approved. The reason: {note} If you disagree, "
              "reply here and tell us why.",
        "zh": "很抱歉，您的{kind}申请 #{case} 未获通过。原因：{note} "
              "如有异议，请在此回复并说明理由。",
    },
    "case.closed": {
        "en": "Case #{case} is now closed. If anything else comes up, just write here.",
        "zh": "申请 #{case} 已结案。如有其他问题，随时在这里留言。",
    },
    "error.validation": {
        "en": "The request is not valid.",
        "zh": "请求无效。",
    },
    "error.not_found": {
        "en": "Not found.",
        "zh": "未找到。",
    },
    "error.unauthenticated": {
        "en": "Please sign in first.",
        "zh": "请先登录。",
    },
    "error.internal": {
        "en": "Something went wrong on our side; the request was not completed.",
        "zh": "服务器出现问题，请求未完成。",
    },
    "channel.official": {
        "en": "{shown} is our official {kind}{label}.",
        "zh": "{shown} 是我们的官方{kind}{label}。",
    },
    "channel.official_sender": {
        "en": "{shown} sends from {domain}, one of our official domains. Sender addresses can be "
              "forged, though: to act on an email, open our website yourself, not its links.",
        "zh": "{shown} 的发件域名 {domain} 是我们的官方域名。但发件地址可以伪造：如需按邮件操作，"
              "请自行打开官网，不要点击邮件里的链接。",
    },
    "channel.official_staff": {
        "en": "{shown} is the staff ID of {name}, an active member of our staff.",
        "zh": "{shown} 是我们在职员工 {name} 的员工编号。",
    },
    "channel.advice_official": {
        "en": "Remember that we never ask for your password, verification codes, seed phrase or "
              "private keys, and never ask you to move your funds.",
        "zh": "请记住：我们绝不会索要您的密码、验证码、助记词或私钥，也绝不会要求您转移资产。",
    },
    "channel.not_official": {
        "en": "{shown} is not one of our official channels.",
        "zh": "{shown} 不是我们的官方渠道。",
    },
    "channel.retired": {
        "en": "{shown} used to be ours ({label}) but is no longer in use: whoever uses it now "
              "is not us.",
        "zh": "{shown} 曾是我们的渠道（{label}），但已停用：现在使用它的人不是我们。",
    },
    "channel.not_staff": {
        "en": "{shown} is not the staff ID of anyone on our staff.",
        "zh": "{shown} 不是我们任何在职员工的编号。",
    },
    "channel.lookalike_handle": {
        "en": "{shown} is not ours: it imitates our official {kind} {official}.",
        "zh": "{shown} 不是我们的账号，而是在仿冒我们的官方{kind} {official}。",
    },
    "channel.sender_domain": {
        "en": "{shown} sends from {domain}.",
        "zh": "{shown} 的发件域名是 {domain}。",
    },
    "channel.advice_unsafe": {
        "en": "Do not send it money, passwords, verification codes or your seed phrase, and do not "
              "install anything it asks you to. If someone contacted you from it, tell us here so "
              "we can report it.",
        "zh": "请不要向其转账，不要提供密码、验证码或助记词，也不要按其要求安装任何软件。"
              "如果有人通过它联系您，请在这里告诉我们，我们会进行举报。",
    },
    "link_guard.warning": {
        "en": "Security warning about a link in your message: {verdict}",
        "zh": "安全提醒：您消息中的链接有风险。{verdict}",
    },
    "link_guard.official": {
        "en": "Our official website is {official}; type it in yourself rather than following "
              "links.",
        "zh": "我们的官方网站是 {official}，请手动输入网址访问，不要点击他人发来的链接。",
    },
    "scam.fund_transfer": {
        "en": "Scam warning: we never ask you to move your funds to a \"safe\", \"protected\" or "
              "\"verification\" wallet or account, or to anyone's address, and nobody on our staff "
              "will. Whoever asks is a scammer: do not send anything, and tell us here who "
              "contacted you and how.",
        "zh": "防骗提醒：我们绝不会要求您把资产转到所谓的“安全账户”“保护钱包”“验证地址”"
              "或任何人的地址，"
              "我们的工作人员也不会这样做。提出这种要求的都是骗子：请不要转账，并在这里告诉我们"
              "是谁、通过什么方式联系了您。",
    },
    "scam.unlock_fee": {
        "en": "Scam warning: we never charge an \"unlock\", \"unfreeze\", tax, deposit or "
              "\"verification\" fee to release an account or a withdrawal. Do not pay anyone who "
              "asks for one; money paid this way cannot be recovered.",
        "zh": "防骗提醒：我们从不收取所谓的“解冻费”“解封费”“保证金”、税费或“验证费”"
              "来解冻账户或放行提现。"
              "请不要向任何索要这类费用的人付款，这样付出的钱无法追回。",
    },
    "scam.remote_desktop": {
        "en": "Scam warning: our staff will never ask you to install AnyDesk, TeamViewer, ToDesk, "
              "Sunlogin or any other remote-control or screen-sharing app. If you installed one "
              "at someone's request, disconnect now, uninstall it, and change your passwords "
              "from another device.",
        "zh": "防骗提醒：我们的工作人员绝不会让您安装 AnyDesk、TeamViewer、ToDesk、向日葵等远程控制"
              "或屏幕共享软件。如果您已按他人要求安装，请立即断开连接并卸载，再用另一台设备修改密码。",
    },
    "scam.seed_phrase_request": {
        "en": "Scam warning: nobody on our staff will ever ask for your seed phrase or private "
              "keys, and no website needs them to \"verify\", \"sync\" or \"unlock\" a wallet. "
              "Whoever asks wants to empty your wallet. If you already shared them, move your "
              "funds to a new wallet now.",
        "zh": "防骗提醒：我们的工作人员绝不会索要您的助记词或私钥，任何网站也不需要用它们来“验证”"
              "“同步”或“解锁”钱包。索要的人就是想盗走您的资产。如果您已经提供过，请立即把资产转移到"
              "新的钱包。",
    },
    "scam.giveaway": {
        "en": "Scam warning: we never run giveaways that ask you to send crypto first, and nobody "
              "doubles what you send. Do not send anything; the coins will not come back.",
        "zh": "防骗提醒：我们从不举办需要您先转币的赠送活动，也没有人会把您转出的币“双倍返还”。"
              "请不要转账，转出的币不会回来。",
    },
}

TICKET_STATUS: dict[str, dict[Language, str]] = {
    "new": {"en": "received", "zh": "已受理"},
    "open": {"en": "being handled", "zh": "处理中"},
    "pending_customer": {"en": "waiting for your reply", "zh": "等待您回复"},
    "pending_internal": {"en": "with a specialist team", "zh": "专业团队处理中"},
    "resolved": {"en": "resolved", "zh": "已解决"},
    "closed": {"en": "closed", "zh": "已关闭"},
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def t(key: str, language: str, **values: object) -> str:
    text = STRINGS[key]["zh" if language == "zh" else "en"]
    return text.format(**values) if values else text


def guess_language(text: str, default: Language = "en") -> Language:
    """Chinese when Chinese characters make up a fair share of the letters."""
    cjk = len(_CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", text))
    if cjk == 0 and not _LATIN.search(text):
        return default
    return "zh" if cjk >= max(2, latin_words) or (cjk and not latin_words) else "en"


def choose_language(accept_language: str | None, default: Language = "en") -> Language:
    """The first of zh/en in an Accept-Language header, honouring q-values."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return default
