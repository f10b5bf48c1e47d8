"""The supervisors' pages' words, in English and Chinese; their templates call `at("key")`."""

from __future__ import annotations

from ..domain.channels import KIND_NAMES
from ..domain.customers import Language

ADMIN_STRINGS: dict[str, tuple[str, str]] = {
    "admin.nav": ("Admin", "管理"),
    "admin.section.agents": ("Agents and teams", "客服与团队"),
    "admin.section.sla": ("SLA targets", "SLA 时效目标"),
    "admin.section.kb": ("Knowledge base", "知识库"),
    "admin.section.gaps": ("Knowledge gaps", "知识盲区"),
    "admin.section.channels": ("Official channels", "官方渠道"),
    "admin.forbidden": ("Supervisors only", "仅限主管"),
    "admin.forbidden_text": ("These pages are for supervisors and admins.",
                             "这些页面仅供主管和管理员使用。"),
    "admin.foreign_form": ("Form refused", "表单被拒绝"),
    "admin.foreign_form_text": ("This form must be sent from the console itself.",
                                "请从工作台页面提交此表单。"),
    "admin.kb_missing": ("No such article", "没有这篇文章"),
    "admin.kb_missing_text": ("There is no article with this id in either language.",
                              "中英文都没有这个 ID 的文章。"),
    "admin.done.agent": ("Agent created.", "客服已创建。"),
    "admin.done.sla": ("SLA targets saved. New targets apply to tickets created or "
                       "re-prioritised from now on.",
                       "SLA 时效目标已保存，新目标适用于此后创建或调整优先级的工单。"),
    "admin.done.channel_added": ("Channel registered.", "渠道已登记。"),
    "admin.done.channel_retired": ("Channel retired.", "渠道已停用。"),
    "admin.done.created": ("Article created as a draft.", "文章已创建为草稿。"),
    "admin.done.saved": ("Saved as a new version.", "已保存为新版本。"),
    "admin.done.status": ("Status changed.", "状态已更新。"),
    "admin.yes": ("yes", "是"),
    "admin.no": ("no", "否"),
    "admin.none": ("Nothing here yet.", "暂无内容。"),
    "admin.count": ("{n} in all", "共 {n} 项"),
    "admin.save": ("Save", "保存"),
    "admin.add": ("Add", "添加"),
    "admin.filter": ("Filter", "筛选"),
    "admin.next_page": ("Next page", "下一页"),
    "admin.username": ("Username", "用户名"),
    "admin.name": ("Name", "姓名"),
    "admin.email": ("Email", "邮箱"),
    "admin.role": ("Role", "角色"),
    "admin.role.agent": ("Agent", "客服"),
    "admin.role.supervisor": ("Supervisor", "主管"),
    "admin.role.admin": ("Admin", "管理员"),
    "admin.team": ("Team", "团队"),
    "admin.teams": ("Teams", "团队"),
    "admin.totp": ("Authenticator", "身份验证器"),
    "admin.active": ("Active", "启用"),
    "admin.password": ("Password (at least 12 characters, hard to guess)",
                       "密码（至少 12 个字符，不易猜测）"),
    "admin.new_agent": ("Add an agent", "添加客服"),
    "admin.create_agent": ("Create agent", "创建客服"),
    "admin.agent_created": ("{username} can now sign in", "{username} 现在可以登录了"),
    "admin.secret_once": ("Authenticator secret: add it to an authenticator app now. It is "
                          "shown only this once.",
                          "身份验证器密钥：请立即添加到身份验证器应用中。此密钥仅显示这一次。"),
    "admin.sla_intro": ("Minutes from a ticket's creation; {low} to {high}, and the first "
                        "response no later than the resolution.",
                        "自工单创建起的分钟数；取值 {low}–{high}，首次响应不得晚于解决时限。"),
    "admin.priority": ("Priority", "优先级"),
    "admin.first_response": ("First response (minutes)", "首次响应（分钟）"),
    "admin.resolution": ("Resolution (minutes)", "解决（分钟）"),
    "admin.language": ("Language", "语言"),
    "admin.lang.zh": ("Chinese", "中文"),
    "admin.lang.en": ("English", "英文"),
    "admin.all_languages": ("All languages", "全部语言"),
    "admin.status": ("Status", "状态"),
    "admin.all_statuses": ("All statuses", "全部状态"),
    "admin.kb_status.draft": ("Draft", "草稿"),
    "admin.kb_status.published": ("Published", "已发布"),
    "admin.kb_status.archived": ("Archived", "已归档"),
    "admin.set_status": ("Change status", "更改状态"),
    "admin.title": ("Title", "标题"),
    "admin.slug": ("Article id", "文章 ID"),
    "admin.slug_hint": ("Lowercase words joined by '-'; the zh and en versions share it.",
                        "以 '-' 连接的小写单词；中英文版本共用同一个 ID。"),
    "admin.intent": ("Intent it answers", "对应意图"),
    "admin.tags": ("Tags (separated by commas)", "标签（用逗号分隔）"),
    "admin.body": ("Body (Markdown)", "正文（Markdown）"),
    "admin.version": ("Version", "版本"),
    "admin.updated": ("Updated", "更新时间"),
    "admin.preview": ("Preview", "预览"),
    "admin.save_version": ("Save as new version", "保存为新版本"),
    "admin.history": ("Version history ({n})", "版本历史（{n}）"),
    "admin.no_version": ("No version in this language yet.", "该语言暂无版本。"),
    "admin.view_public": ("View in the help center", "在帮助中心查看"),
    "admin.new_article": ("New article", "新建文章"),
    "admin.create_article": ("Create draft", "创建草稿"),
    "admin.gaps_intro": ("Questions of the last {days} days the engine answered with low "
                         "confidence or handed to a person, similar ones together.",
                         "最近 {days} 天内智能引擎低置信度回答或转人工的问题，相似问题已归组。"),
    "admin.asked": ("Asked", "次数"),
    "admin.example": ("Example", "示例"),
    "admin.intents": ("Likely intents", "可能的意图"),
    "admin.last_seen": ("Last asked", "最近一次"),
    "admin.similar": ("{n} similar", "{n} 条相似问题"),
    "admin.write_article": ("Write an article", "撰写文章"),
    "admin.no_gaps": ("No unanswered questions in this period.", "这段时间没有未解答的问题。"),
    "admin.kind": ("Kind", "类型"),
    "admin.value": ("Value", "值"),
    "admin.label": ("What customers are told it is", "向客户说明的用途"),
    "admin.added": ("Added", "登记"),
    "admin.retire": ("Retire", "停用"),
    "admin.retired_by": ("retired by {by}, {at}", "已由 {by} 于 {at} 停用"),
    "admin.new_channel": ("Register a channel", "登记渠道"),
    **{f"admin.kind.{kind}": names for kind, names in KIND_NAMES.items()},
}


class AdminText:
    """`at("key")` or `at("key", n=3)` in the reader's language; a missing key fails loudly."""

    def __init__(self, language: Language | str) -> None:
        self.index = 1 if language == "zh" else 0

    def __call__(self, key: str, **values: object) -> str:
        text = ADMIN_STRINGS[key][self.index]
        return text.format(**values) if values else text
