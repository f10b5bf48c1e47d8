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
    "status.intro": ("Deposits, withdrawals and incidents, as the exchange reports them now.",
                     "交易所当前报告的充值、提币与故障情况。"),
    "status.unavailable": ("The exchange's status service did not answer just now. Deposits "
                           "and withdrawals may still work: try this page again in a minute, "
                           "or read the announcements below.",
                           "交易所的状态服务暂时没有响应。充值和提币可能仍然正常：请稍后刷新"
                           "本页，或查看下方公告。"),
    "status.incidents": ("Incidents", "故障与事件"),
    "status.all_clear": ("No incidents right now: everything runs normally.",
                         "当前没有故障：所有服务运行正常。"),
    "status.recent": ("Recently resolved", "近期已解决"),
    "status.since": ("Since", "开始时间"),
    "status.resolved_at": ("Resolved", "解决时间"),
    "status.components": ("Affects", "影响范围"),
    "status.networks": ("Deposits and withdrawals by network", "各网络充值与提币状态"),
    "status.networks_caption": ("Each coin on each network it travels on; suspended ones are "
                                "listed first.", "每个币种在各网络上的状态；暂停的排在最前面。"),
    "status.suspended_count": ("{n} suspended", "{n} 项暂停"),
    "status.none_suspended": ("Every network is open for deposits and withdrawals.",
                              "所有网络的充值和提币均已开放。"),
    "col.asset": ("Coin", "币种"),
    "col.network": ("Network", "网络"),
    "col.deposit": ("Deposits", "充值"),
    "col.withdrawal": ("Withdrawals", "提币"),
    "col.reason": ("Why", "原因"),
    "col.back": ("Expected back", "预计恢复"),
    "col.fee": ("Withdrawal fee", "提币手续费"),
    "col.minimum": ("Minimum withdrawal", "最小提币数量"),
    "net.enabled": ("Open", "正常"),
    "net.suspended": ("Suspended", "暂停"),
    "status.meanwhile": ("Announcements and maintenance notices:", "公告与维护通知："),
    "incident.investigating": ("Investigating", "调查中"),
    "incident.identified": ("Cause found", "已查明原因"),
    "incident.monitoring": ("Fixed, monitoring", "已修复，观察中"),
    "incident.scheduled": ("Scheduled maintenance", "计划维护"),
    "incident.resolved": ("Resolved", "已解决"),
    "reason.wallet_maintenance": ("Wallet maintenance", "钱包维护"),
    "reason.network_upgrade": ("Network upgrade", "网络升级"),
    "reason.hard_fork": ("Network hard fork", "网络硬分叉"),
    "reason.network_congestion": ("Network congestion", "网络拥堵"),
    "reason.node_sync": ("Node synchronising", "节点同步中"),
    "reason.security_review": ("Security review", "安全审查"),
    "reason.delisting": ("Coin being delisted", "币种即将下架"),
    "security.title": ("Security center", "安全中心"),
    "security.intro": ("Scams in crypto usually start with a fake link, a fake support agent or "
                       "a request for your seed phrase.",
                       "加密货币诈骗通常始于假链接、冒充客服或索要助记词。"),
    "security.official": ("Is this really us?", "这是官方渠道吗？"),
    "security.official_text": ("Paste a website, email address, phone number, social account "
                               "(@name, t.me/…) or the staff ID a support agent gave you.",
                               "粘贴网址、邮箱、电话号码、社交账号（@名称、t.me/…）或客服给您的"
                               "员工编号。"),
    "security.official_label": ("Website, email, phone, account or staff ID",
                                "网址、邮箱、电话、账号或员工编号"),
    "security.check": ("Check", "核验"),
    "security.check_link": ("Check a link before you open it", "打开链接前先核验"),
    "security.link_text": ("Look-alike addresses swap one letter (examp1e.com) or add a word "
                           "(example-support.com). Paste the link: we compare it with our "
                           "official domains and known phishing sites.",
                           "仿冒网址常替换一个字母（examp1e.com）或加一个词"
                           "（example-support.com）。粘贴链接，我们会与官方域名和已知钓鱼网站比对。"),
    "security.link_label": ("Link", "链接"),
    "security.result": ("Result for “{value}”", "“{value}” 的核验结果"),
    "verdict.official": ("Official", "官方渠道"),
    "verdict.not_official": ("Not ours", "不是官方渠道"),
    "verdict.lookalike": ("Look-alike: do not use it", "仿冒：请勿使用"),
    "verdict.blocklisted": ("Known phishing: do not open it", "已知钓鱼网站：请勿打开"),
    "password.title": ("How strong is my password?", "我的密码够强吗？"),
    "password.text": ("The check runs on our server over an encrypted connection; the password "
                      "is neither stored nor logged. Never type your exchange password on a "
                      "site you reached from a link in a message.",
                      "检测在我们的服务器上通过加密连接进行，密码不会被保存或记录。"
                      "切勿在通过消息链接打开的网站上输入交易所密码。"),
    "password.label": ("Password to test", "要检测的密码"),
    "password.button": ("Check strength", "检测强度"),
    "password.strength": ("Strength", "强度"),
    "password.crack_time": ("Time to crack", "破解所需时间"),
    "password.empty": ("Type a password to test.", "请输入要检测的密码。"),
    "password.acceptable": ("Good enough for your exchange account.", "足以保护您的交易所账户。"),
    "password.not_acceptable": ("Too easy to guess: choose a longer, less common one.",
                                "太容易被猜到：请换一个更长、更少见的密码。"),
    "security.2fa": ("Turn on two-factor authentication", "开启双重验证"),
    "security.2fa_text": ("An authenticator app code keeps your account safe even if your "
                          "password leaks. Use an app rather than SMS, and keep the backup key "
                          "offline.", "即使密码泄露，身份验证器 App 的验证码也能保护您的账户。"
                          "请优先使用验证器 App 而不是短信，并离线保存备份密钥。"),
    "security.phishing": ("Spot phishing", "识别钓鱼诈骗"),
    "security.phishing_1": ("We never ask for your password, 2FA codes, seed phrase or private "
                            "keys, by chat, email or phone.",
                            "我们绝不会通过聊天、邮件或电话索要您的密码、验证码、助记词或私钥。"),
    "security.phishing_2": ("Nobody from us asks you to pay an “unlock fee” or install remote "
                            "access software such as AnyDesk.",
                            "我们不会要求您支付“解冻费”，也不会让您安装 AnyDesk 等远程控制软件。"),
    "security.phishing_3": ("Type the address yourself or use a bookmark; check any link or "
                            "contact above first.",
                            "请手动输入网址或使用书签；任何链接或联系方式请先在上方核验。"),
    "security.freeze": ("Think your account is compromised?", "怀疑账户被盗？"),
    "security.freeze_text": ("Tell us in the chat right away and ask for a person: we can "
                             "freeze the account at once.",
                             "请立即在线告诉我们并转人工客服：我们可以马上冻结账户。"),
    "security.read": ("Read the guide", "阅读指南"),
    "security.guides": ("Security guides", "安全指南"),
    "security.more": ("More security articles", "更多安全文章"),
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
    "csat.title": ("How did we do?", "您对本次服务满意吗？"),
    "csat.intro": ("Your request is resolved. Rate how it was handled: it helps us improve.",
                   "您的问题已解决。请为本次处理打分，帮助我们改进。"),
    "csat.legend": ("Your rating", "您的评分"),
    "csat.1": ("1 – Very poor", "1 – 非常不满意"),
    "csat.2": ("2 – Poor", "2 – 不满意"),
    "csat.3": ("3 – Okay", "3 – 一般"),
    "csat.4": ("4 – Good", "4 – 满意"),
    "csat.5": ("5 – Excellent", "5 – 非常满意"),
    "csat.comment": ("Anything to add? (optional)", "还有什么想说的？（选填）"),
    "csat.submit": ("Send rating", "提交评价"),
    "csat.change": ("Change my rating", "修改评价"),
    "csat.yours": ("You rated this {score} out of 5.", "您的评分：{score} / 5。"),
    "csat.thanks": ("Thank you for your rating.", "感谢您的评价。"),
    "csat.open_ticket": ("Rate this request", "评价本次服务"),
    "files.title": ("Files", "文件"),
    "files.add": ("Attach a file", "上传附件"),
    "files.hint": ("PNG, JPEG, PDF or plain text, up to {mb} MB. Never upload your seed phrase "
                   "or private keys.", "支持 PNG、JPEG、PDF 或纯文本，最大 {mb} MB。"
                   "请勿上传助记词或私钥。"),
    "files.choose": ("File", "文件"),
    "files.upload": ("Upload", "上传"),
    "files.added": ("File attached.", "附件已上传。"),
    "error.title": ("Something went wrong", "操作未完成"),
    "ann.title": ("Announcements", "公告"),
    "ann.latest": ("Latest announcements", "最新公告"),
    "ann.all": ("All announcements", "全部公告"),
    "ann.none": ("No announcements at the moment.", "目前没有公告。"),
    "ann.published": ("Published {at}", "发布于 {at}"),
    "ann.kind_feature": ("New feature", "新功能"),
    "ann.kind_maintenance": ("Maintenance", "维护"),
    "ann.kind_policy": ("Policy change", "政策变更"),
    "ann.kind_listing": ("Listing", "上币"),
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
