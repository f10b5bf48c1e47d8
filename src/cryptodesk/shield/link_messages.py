"""What the customer is told about a link, in en and zh, reason by reason."""

from __future__ import annotations

from collections.abc import Mapping

_SCRIPT_ZH = {
    "Cyrillic": "西里尔",
    "Greek": "希腊",
    "Latin": "拉丁",
    "Armenian": "亚美尼亚",
    "full-width": "全角",
}

_DETAIL: dict[str, tuple[str, str]] = {
    "homoglyph": (
        "uses {script} '{char}' in place of Latin '{latin}' to imitate {official}",
        "用{script_zh}字母“{char}”冒充拉丁字母“{latin}”，仿冒 {official}",
    ),
    "punycode": (
        "punycode domain that displays as {display}, using {script} '{char}' in place of "
        "Latin '{latin}' to imitate {official}",
        "punycode 编码的域名，显示为 {display}，用{script_zh}字母“{char}”冒充拉丁字母“{latin}”，"
        "仿冒 {official}",
    ),
    "official_in_subdomain": (
        "official name used as a subdomain of {registrable}: the site belongs to {registrable}, "
        "not to {official}",
        "把官方名称用作 {registrable} 的子域名：该网站属于 {registrable}，而不是 {official}",
    ),
    "official_in_userinfo": (
        "puts the official name before an '@', so the link looks like {official} but opens {host}",
        "把官方名称放在“@”前面，看起来像 {official}，实际打开的是 {host}",
    ),
    "other_tld": (
        "uses the name {brand} with a different ending (.{suffix} instead of .{official_suffix})",
        "使用了名称 {brand}，但后缀不同（.{suffix}，而官方是 .{official_suffix}）",
    ),
    "brand_embedded": (
        "puts the name {brand} inside another domain, {registrable}",
        "把名称 {brand} 嵌入了另一个域名 {registrable}",
    ),
    "visual_lookalike": (
        "uses '{found}' in place of '{expected}' to imitate {official}",
        "用“{found}”冒充“{expected}”，仿冒 {official}",
    ),
    "keyboard_typo": (
        "one character away from {official} ('{found}' in place of its keyboard neighbour "
        "'{expected}')",
        "与 {official} 只差一个字符（把“{expected}”换成了键盘上相邻的“{found}”）",
    ),
    "transposition": (
        "one character away from {official} ('{expected}' swapped to '{found}')",
        "与 {official} 只差一个字符（“{expected}”被调换成“{found}”）",
    ),
    "repeated_character": (
        "one character away from {official} ('{found}' doubled)",
        "与 {official} 只差一个字符（重复了“{found}”）",
    ),
    "missing_character": (
        "one character away from {official} ('{expected}' left out)",
        "与 {official} 只差一个字符（少了“{expected}”）",
    ),
    "extra_character": (
        "one character away from {official} ('{found}' added)",
        "与 {official} 只差一个字符（多了“{found}”）",
    ),
    "one_character": (
        "one character away from {official} ('{found}' in place of '{expected}')",
        "与 {official} 只差一个字符（把“{expected}”换成了“{found}”）",
    ),
    "two_characters": (
        "two characters away from {official}",
        "与 {official} 只差两个字符",
    ),
}

_VERDICT: dict[str, tuple[str, str]] = {
    "official_domain": (
        "{host} is an official domain.",
        "{host} 是官方域名。",
    ),
    "official_subdomain": (
        "{host} is an official domain (part of {official}).",
        "{host} 是官方域名（属于 {official}）。",
    ),
    "blocklisted": (
        "{host} is a known phishing site. Do not open it or enter anything there.",
        "{host} 是已知的钓鱼网站。请勿打开，也不要在其中输入任何信息。",
    ),
    "lookalike": (
        "{host} is not {official}: it is a look-alike that {detail}. Do not sign in, connect a "
        "wallet or enter any key there.",
        "{host} 不是 {official}，而是仿冒网站：{detail}。"
        "请勿在该网站登录、连接钱包或输入任何密钥。",
    ),
    "allowlisted": (
        "{host} is a known legitimate site, but it is not one of our official domains.",
        "{host} 是已知的正规网站，但不是我们的官方域名。",
    ),
    "not_official": (
        "{host} is not one of our official domains; we cannot vouch for it.",
        "{host} 不是我们的官方域名，我们无法确认它是否安全。",
    ),
    "invalid": (
        "This is not a web address we can check.",
        "无法识别这个网址。",
    ),
}


def detail(reason: str, values: Mapping[str, str]) -> tuple[str, str]:
    """The (en, zh) clause naming exactly how a look-alike imitates the official domain."""
    en, zh = _DETAIL[reason]
    filled = {**values, "script_zh": _SCRIPT_ZH.get(values.get("script", ""), "")}
    return en.format_map(filled), zh.format_map(filled)


def _leading_clause(en: str) -> str:
    """Detail clauses read after 'a look-alike that': 'is one character away', 'uses ...'."""
    starts_with_verb = en.split(" ", 1)[0] in {"uses", "puts"}
    if en.startswith("punycode"):
        return "is a " + en
    if en.startswith("official name"):
        return "has the " + en
    return en if starts_with_verb else "is " + en


def sentence(kind: str, values: Mapping[str, str]) -> tuple[str, str]:
    en, zh = _VERDICT[kind]
    filled = dict(values)
    if "detail_en" in values:
        filled["detail"] = _leading_clause(values["detail_en"])
        return en.format_map(filled), zh.format_map({**values, "detail": values["detail_zh"]})
    return en.format_map(filled), zh.format_map(filled)
