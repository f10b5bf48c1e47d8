"""Recognise the scams customers describe to support, in Chinese and English, so the product can
warn them while it still helps: "support" asking them to move funds to a "safe account", an
"unlock fee", a remote-desktop app, a request for the seed phrase, a giveaway that doubles coins.

Each pattern needs the act and the scam's tell together (who asks, what for, which app), within
one sentence: asking how to back up a seed phrase or what the withdrawal fee is stays silent.
A sentence that only repeats the advice ("support said never to share my seed phrase") is
skipped by its negation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class ScamPattern(StrEnum):
    FUND_TRANSFER = "fund_transfer"
    """Someone asks the customer to move funds to a "safe", "verification" or third-party wallet."""
    UNLOCK_FEE = "unlock_fee"
    """A fee, tax or deposit to be paid before an account or a withdrawal is released."""
    REMOTE_DESKTOP = "remote_desktop"
    """AnyDesk, TeamViewer, ToDesk, 向日葵 or screen sharing."""
    SEED_PHRASE_REQUEST = "seed_phrase_request"
    """Someone (or some site) asks for the seed phrase or private key."""
    GIVEAWAY = "giveaway"
    """Send crypto and get double back."""


@dataclass(frozen=True)
class ScamMatch:
    pattern: ScamPattern
    start: int
    end: int


def _gap(n: int) -> str:
    """Up to n characters within one sentence (Chinese commas do not end one)."""
    return rf"[^.!?\n。！？]{{0,{n}}}?"


_ACTOR_EN = (
    r"\b(?:support|customer service|customer support|(?:an? |the )?agent|staff|admin|"
    r"moderator|manager|someone|somebody|they|he|she|caller|person|guy|man|woman|"
    r"official|website|site|page|form|app|bot|link|exchange)\b"
)
_ASKS_EN = (
    r"\b(?:asked|asks|asking|wants|wanted|requested|requesting|requires|required|needs|needed|"
    r"demanded|demands|told|tells|instructed|said|says|insisted|urged|forced|forcing|pushing)\b"
)
_SECRET_EN = (
    r"(?:seed[ -]?phrase|seed words|recovery (?:phrase|words)|secret (?:recovery )?phrase|"
    r"mnemonic|private[ -]?keys?|(?:12|24|twelve|twenty[- ]four) words|backup phrase|"
    r"wallet phrase)"
)
_SAFE_ADJ_EN = (
    r"(?:safe|safety|protected|protection|escrow|verification|verified|insured|quarantine|"
    r"isolated|holding|audit)"
)
_MOVE_EN = r"\b(?:transfer|move|send|deposit|put|withdraw)\w*"
_FUNDS_EN = r"(?:funds|coins|crypto|usdt|btc|eth|assets|money|balance|everything|tokens|all)\b"

_ACTOR_ZH = (
    r"(?:客服|官方|工作人员|专员|经理|有人|对方|他们|他|她|网站|页面|链接|机器人|管理员|老师)"
)
_ASKS_ME = r"要求我|让我|叫我|要我|需要我|逼我|催我|教我|指导我|向我要|问我要|说要|说需要"
_ASKS_ME_ZH = rf"(?:{_ASKS_ME})"
"""Asking the customer: "他要转账" alone is often a P2P buyer paying them."""
_ASKS_ZH = rf"(?:{_ASKS_ME}|要求|索要)"
_SECRET_ZH = r"(?:助记词|助記詞|私钥|私鑰|恢复短语|种子短语|恢复词)"
_NOT_HUMAN_AGENT = r"(?!人工|客服)"

_EN: dict[ScamPattern, tuple[str, ...]] = {
    ScamPattern.FUND_TRANSFER: (
        rf"{_MOVE_EN}{_gap(60)}\b(?:to|into)\b{_gap(25)}\b{_SAFE_ADJ_EN}\s+"
        r"(?:wallet|account|address|vault)",
        rf"{_ACTOR_EN}{_gap(40)}{_ASKS_EN}{_gap(40)}{_MOVE_EN}{_gap(60)}\b(?:to|into)\b{_gap(25)}"
        r"\b(?:secure|secured|security)\s+(?:wallet|account|address|vault)",
        rf"{_ACTOR_EN}{_gap(40)}{_ASKS_EN}{_gap(40)}{_MOVE_EN}{_gap(30)}{_FUNDS_EN}{_gap(40)}"
        r"\b(?:to (?:his|her|their|this|that|another|a different|the following|a new) "
        r"(?:wallet|address|account)|(?:to|for|so)\b.{0,15}?\b(?:verify|verification|protect|"
        r"protection|secure|safety|unfreeze|unlock|activate|validate))",
    ),
    ScamPattern.UNLOCK_FEE: (
        r"\b(?:unlock|unlocking|unfreeze|unfreezing|unblock|unblocking|activation|release|"
        r"clearance|anti[- ]money[- ]laundering|aml|verification)\s+(?:fee|fees|charge|"
        r"deposit|payment)s?\b",
        rf"\b(?:pay|paying|paid|deposit|send|transfer)\w*{_gap(40)}\b(?:tax|taxes|\d+\s*%|"
        rf"percent|security deposit|margin|guarantee|insurance|fee|fees)\b{_gap(40)}"
        rf"\b(?:before|to|so|in order to|otherwise|until)\b{_gap(25)}"
        r"\b(?:unlock|unfreeze|unblock|release|reactivate)\w*",
        rf"\b(?:pay|paying|paid)\w*{_gap(40)}\b(?:tax|taxes|\d+\s*%|percent|security deposit|"
        rf"guarantee|insurance)\b{_gap(40)}\b(?:before|so|in order to|until)\b{_gap(25)}"
        r"\b(?:withdraw|receive|access|get)\w*",
    ),
    ScamPattern.REMOTE_DESKTOP: (
        r"\b(?:anydesk|team ?viewer|rust ?desk|ultra ?viewer|quicksupport|quick ?assist|"
        r"splashtop|zoho assist|aeroadmin|ammyy|screenconnect|logmein|todesk|sunlogin|"
        r"chrome remote desktop|remote desktop|remote[- ]control app|share (?:my |your )?screen|"
        r"screen[- ]shar(?:e|ing))\b",
    ),
    ScamPattern.SEED_PHRASE_REQUEST: (
        rf"{_ACTOR_EN}{_gap(30)}{_ASKS_EN}{_gap(40)}{_SECRET_EN}",
        rf"\b(?:do|does|will|would) (?:you|support|your staff) (?:need|want|require)\w*"
        rf"{_gap(20)}{_SECRET_EN}",
        rf"\b(?:enter|type|paste|submit|import|input|share|send|give|provide|upload)\w*"
        rf"{_gap(25)}{_SECRET_EN}{_gap(40)}\b(?:to|for|so)\b{_gap(15)}\b(?:verify|verification|"
        r"validate|validation|sync|synchroni[sz]e|unlock|unfreeze|rectify|claim|activate|"
        r"authenticate|whitelist|receive)",
    ),
    ScamPattern.GIVEAWAY: (
        r"\bdouble (?:your|my|the)\s+(?:btc|eth|bitcoin|crypto|coins|usdt|money|funds|"
        r"investment)\b",
        rf"\b(?:send|deposit|transfer)\w*{_gap(40)}\b(?:get|receive|return|back)\w*{_gap(20)}"
        r"\b(?:double|twice|2x|x2)\b",
        rf"\bgiveaway{_gap(60)}\b(?:send|deposit|transfer)\w*|\b(?:send|deposit|transfer)\w*"
        rf"{_gap(60)}\bgiveaway",
    ),
}

_ZH: dict[ScamPattern, tuple[str, ...]] = {
    ScamPattern.FUND_TRANSFER: (
        rf"(?<!划)(?:转|汇款|打款|打到|打入|存入|提币到|提到){_NOT_HUMAN_AGENT}{_gap(20)}"
        r"(?:安全|保护|保险|监管|隔离|托管|官方指定|临时)(?:账户|帐户|賬戶|账号|帐号|钱包|錢包|地址)",
        rf"{_ACTOR_ZH}{_gap(10)}{_ASKS_ME_ZH}{_gap(15)}(?<!划)(?:转账|轉賬|汇款|打款|转币|转u)",
        rf"{_ACTOR_ZH}{_gap(10)}{_ASKS_ME_ZH}{_gap(15)}把{_gap(10)}(?<!划)(?:转|提|打)(?:到|入|给)?"
        rf"{_gap(6)}(?:他的|他们的|对方的?|指定的?|这个|新的?|另一个|以下|下面的?|给的)"
        rf"{_gap(4)}(?:账户|钱包|地址)",
    ),
    ScamPattern.UNLOCK_FEE: (
        r"(?:解冻|解封|解锁|激活|通道|认证|验证|刷流水)(?:费|金)(?!额)",
        rf"(?:交|缴|付|支付|充值|充|打|转)(?:纳)?{_gap(8)}(?:税|保证金|费用|押金|\d+\s*%|百分之)"
        rf"{_gap(12)}(?:才能|才可以|才可|后才|方可|才给|才会|才让|就能)"
        rf"{_gap(6)}(?:提现|提币|出金|解冻|解封|到账|激活|取出|提出)",
    ),
    ScamPattern.REMOTE_DESKTOP: (
        r"(?<![a-z0-9])(?:todesk|anydesk|teamviewer)(?![a-z0-9])|"
        r"(?:向日葵|远程控制|遠程控制|远程协助|远程桌面|屏幕共享|"
        r"共享屏幕|共享桌面|屏幕分享|分享屏幕|共享一下屏幕)",
    ),
    ScamPattern.SEED_PHRASE_REQUEST: (
        rf"{_ACTOR_ZH}{_gap(12)}{_ASKS_ZH}{_gap(12)}{_SECRET_ZH}",
        rf"(?:输入|填写|提交|导入|发送|提供|告诉|粘贴|上传|发给){_gap(8)}{_SECRET_ZH}{_gap(12)}"
        r"(?:验证|认证|同步|激活|解冻|解锁|领取|空投|授权|绑定|升级)",
        rf"(?:索要|问我要|向我要|找我要|跟我要|要我的){_gap(8)}{_SECRET_ZH}"
        rf"|{_SECRET_ZH}{_gap(4)}被{_gap(4)}(?:索要|要走)",
    ),
    ScamPattern.GIVEAWAY: (
        r"(?:双倍|翻倍|加倍)返还|返还双倍|转多少返多少|送币活动.{0,10}(?:先转|先充)",
    ),
}

_NEGATION = re.compile(
    r"\b(?:never|not|don'?t|doesn'?t|didn'?t|won'?t|shouldn'?t|no one|nobody|refused)\b"
    r"|不要|不需要|不用|无需|不必|别|勿|从不|绝不|千万不|不会|没有|不能|不可|拒绝"
)

_COMPILED = {
    pattern: tuple(
        re.compile(regex, re.IGNORECASE) for regex in (*_EN[pattern], *_ZH[pattern])
    )
    for pattern in ScamPattern
}


def _fold(text: str) -> str:
    """Full-width letters, curly apostrophes and odd spaces read as plain ones; same length."""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) != len(text):  # keep offsets valid: fold character by character
        folded = "".join(
            c if len(n := unicodedata.normalize("NFKC", c)) != 1 else n for c in text
        )
    return folded.replace("’", "'").lower()


def find_scams(text: str) -> list[ScamMatch]:
    """The scam patterns the text describes, each once (its first occurrence), in text order."""
    folded = _fold(text)
    found: list[ScamMatch] = []
    for pattern, regexes in _COMPILED.items():
        match = _first(folded, regexes, negatable=pattern is not ScamPattern.REMOTE_DESKTOP)
        if match is not None:
            found.append(ScamMatch(pattern, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _first(
    text: str, regexes: tuple[re.Pattern[str], ...], *, negatable: bool
) -> re.Match[str] | None:
    hits = [
        match
        for regex in regexes
        for match in regex.finditer(text)
        if not (negatable and _NEGATION.search(match.group()))
    ]
    return min(hits, key=lambda m: m.start()) if hits else None
