"""The words on the pages, in English and Chinese; templates call `tr("key")`."""

from __future__ import annotations

from ..domain.customers import Language

# key: (English, Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    "site.name": ("Help center", "帮助中心"),
    "site.tagline": ("How can we help?", "有什么可以帮您？"),
    "site.intro": ("Search our guides, or chat with us: we answer in English and Chinese.",
                   "搜索帮助文章，或直接在线咨询：我们提供中英文服务。"),
    "nav.label": ("Main", "主导航"),
    "nav.skip": ("Skip to content", "跳到正文"),
    "nav.home": ("Help center", "帮助中心"),
    "nav.security": ("Security", "安全中心"),
    "nav.status": ("Status", "服务状态"),
    "nav.portal": ("My requests", "我的工单"),
    "lang.label": ("Language", "语言"),
    "footer.never_ask": ("We will never ask for your password, 2FA codes, seed phrase or "
                         "private keys.", "我们绝不会索要您的密码、双重验证码、助记词或私钥。"),
    "footer.console": ("Agent console", "客服工作台"),
    "footer.api": ("API", "API 文档"),
    "search.label": ("Search the help center", "搜索帮助中心"),
    "search.placeholder": ("e.g. withdrawal not arrived", "例如：提币没到账"),
    "search.button": ("Search", "搜索"),
    "search.title": ("Search results", "搜索结果"),
    "search.count": ("{n} articles found for “{q}”", "“{q}” 共找到 {n} 篇文章"),
    "search.none": ("Nothing matched “{q}”. Try other words, or ask us in the chat.",
                    "没有找到与“{q}”相关的文章。请换个说法，或在线咨询我们。"),
    "search.other_language": ("Results in the other language:", "另一种语言的结果："),
    "home.categories": ("Browse by topic", "按主题浏览"),
    "home.popular": ("Popular articles", "热门文章"),
    "home.contact": ("Still need help?", "还需要帮助？"),
    "home.contact_text": ("Chat with us: the chat button is at the bottom right of every "
                          "page. You can ask for a person at any time.",
                          "在线咨询我们：每个页面右下角都有聊天按钮，您可以随时转人工客服。"),
    "home.chat": ("Chat with us", "在线咨询"),
    "articles.count": ("{n} articles", "{n} 篇文章"),
    "article.tags": ("Tags", "标签"),
    "article.breadcrumb": ("Breadcrumb", "面包屑导航"),
    "article.other_language": ("阅读中文版", "Read in English"),  # in the language offered
    "article.help": ("Did this not answer your question? Chat with us, or ask for a person.",
                     "没有解决您的问题？请在线咨询，或转人工客服。"),
    "article.related": ("More in this topic", "同主题文章"),
    "notfound.title": ("Page not found", "页面不存在"),
    "notfound.text": ("We could not find that page. Try the search, or go back to the help "
                      "center.", "没有找到该页面。请尝试搜索，或返回帮助中心。"),
    "status.title": ("Service status", "服务状态"),
    "status.pending": ("Live status of deposits, withdrawals and trading per network appears "
                       "here once the exchange's status feed is connected.",
                       "交易所状态数据接入后，这里将实时显示各网络的充值、提币和交易状态。"),
    "status.meanwhile": ("Meanwhile, announcements and maintenance notices are in these "
                         "articles:", "在此之前，公告和维护通知请看以下文章："),
    "security.title": ("Security center", "安全中心"),
    "security.intro": ("Scams in crypto usually start with a fake link, a fake support agent or "
                       "a request for your seed phrase.",
                       "加密货币诈骗通常始于假链接、冒充客服或索要助记词。"),
    "security.check_link": ("Check a link or contact", "核验链接或联系方式"),
    "security.check_pending": ("A checker that tells official links from look-alikes will "
                               "appear here. Until then, ask in the chat: we verify links and "
                               "contacts for you.",
                               "这里即将提供官方链接与仿冒链接的核验工具。在此之前，请在线咨询，"
                               "我们会帮您核验链接和联系方式。"),
    "security.freeze": ("Think your account is compromised?", "怀疑账户被盗？"),
    "security.freeze_text": ("Tell us in the chat right away and ask for a person: we can "
                             "freeze the account at once.",
                             "请立即在线告诉我们并转人工客服：我们可以马上冻结账户。"),
    "security.guides": ("Security guides", "安全指南"),
    "cat.security": ("Security", "安全"),
    "cat.security.text": ("2FA, passwords, scams and a compromised account.",
                          "双重验证、密码、防诈骗与账户被盗。"),
    "cat.withdrawal": ("Withdrawals", "提币"),
    "cat.withdrawal.text": ("Sending crypto out, fees, delays and failures.",
                            "提币方法、手续费、延迟与失败。"),
    "cat.deposit": ("Deposits", "充值"),
    "cat.deposit.text": ("Addresses, networks, memos and missing deposits.",
                         "充值地址、网络、标签（Memo）与未到账。"),
    "cat.trade": ("Trading", "交易"),
    "cat.trade.text": ("Order types, failed and unfilled orders.", "订单类型、下单失败与未成交。"),
    "cat.account": ("Account", "账户"),
    "cat.account.text": ("Signing up, a locked account, phone and closing.",
                         "注册、账户锁定、手机号与注销。"),
    "cat.kyc": ("Identity verification", "身份认证"),
    "cat.kyc.text": ("How to verify, and what a rejection means.", "如何认证，以及被拒的原因。"),
    "cat.info": ("Fees, assets and news", "费用、币种与公告"),
    "cat.info.text": ("Fees, supported coins, announcements and status.",
                      "费用、支持的币种、公告与服务状态。"),
    "cat.service": ("Requests and complaints", "工单与投诉"),
    "cat.service.text": ("Ticket status, complaints, refunds and appeals.",
                         "工单进度、投诉、退款与申诉。"),
    "cat.learn": ("Learn", "学习"),
    "cat.learn.text": ("Where to start learning about crypto.", "入门学习资源。"),
    # customer portal
    "portal.title": ("My requests", "我的工单"),
    "portal.signed_in_as": ("Signed in as {name}", "当前用户：{name}"),
    "portal.sign_out": ("Sign out", "退出"),
    "portal.signin_title": ("Sign in through the exchange", "请通过交易所登录"),
    "portal.signin_text": ("Open “Support” from your account on the exchange to see your "
                           "conversations and tickets here.",
                           "请在交易所账户中点击“客服支持”，即可在这里查看您的会话和工单。"),
    "portal.conversations": ("Conversations", "会话"),
    "portal.tickets": ("Tickets", "工单"),
    "portal.none_conversations": ("You have no conversations yet.", "您还没有会话。"),
    "portal.none_tickets": ("You have no tickets.", "您没有工单。"),
    "portal.reply": ("Reply", "回复"),
    "portal.reply_label": ("Your message", "您的消息"),
    "portal.send": ("Send", "发送"),
    "portal.back": ("All my requests", "返回我的工单"),
    "portal.closed": ("This conversation has ended. Start a new one in the chat.",
                      "该会话已结束，请在聊天中发起新的会话。"),
    "portal.open_ticket": ("Ticket #{id}", "工单 #{id}"),
    "portal.history": ("History", "记录"),
    "portal.live": ("New replies appear here as they arrive.", "新回复会自动显示在这里。"),
    "col.subject": ("Subject", "主题"),
    "col.status": ("Status", "状态"),
    "col.updated": ("Updated", "更新时间"),
    "col.created": ("Created", "创建时间"),
    "col.channel": ("Channel", "渠道"),
    "col.category": ("Category", "类别"),
    "col.priority": ("Priority", "优先级"),
    "col.assignee": ("Assignee", "处理人"),
    "col.customer": ("Customer", "客户"),
    "col.due": ("SLA due", "SLA 截止"),
    "col.team": ("Team", "团队"),
    "author.customer": ("You", "您"),
    "author.customer_agent_view": ("Customer", "客户"),
    "author.agent": ("Support", "客服"),
    "author.bot": ("Assistant", "智能助手"),
    "author.system": ("Notice", "通知"),
    "author.note": ("Internal note", "内部备注"),
    "state.bot": ("With the assistant", "智能助手接待中"),
    "state.queued": ("Waiting for an agent", "等待客服接入"),
    "state.assigned": ("With an agent", "客服处理中"),
    "state.closed": ("Closed", "已结束"),
    "status.new": ("New", "新建"),
    "status.open": ("Open", "处理中"),
    "status.pending_customer": ("Waiting for customer", "等待客户回复"),
    "status.pending_internal": ("Waiting on our team", "内部处理中"),
    "status.resolved": ("Resolved", "已解决"),
    "status.closed": ("Closed", "已关闭"),
    "channel.chat": ("Chat", "在线聊天"),
    "channel.email": ("Email", "邮件"),
    "channel.phone": ("Phone", "电话"),
    "channel.api": ("App", "应用"),
    "error.title": ("Something went wrong", "操作未完成"),
}


def _console_strings() -> dict[str, tuple[str, str]]:
    from .console_text import CONSOLE_STRINGS

    return CONSOLE_STRINGS


class Text:
    """`tr("key")` or `tr("key", n=3)` in the reader's language; a missing key fails loudly."""

    def __init__(self, language: Language) -> None:
        self.index = 1 if language == "zh" else 0

    def __call__(self, key: str, **values: object) -> str:
        pair = STRINGS.get(key) or _console_strings()[key]
        text = pair[self.index]
        return text.format(**values) if values else text


def all_keys() -> dict[str, tuple[str, str]]:
    return {**STRINGS, **_console_strings()}
