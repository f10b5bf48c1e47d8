"""The patterns and parsers entity extraction reads messages with: coin and network names, the
words around a name that tell a coin from its network, numbers in Arabic and Chinese numerals,
hashes, addresses, order ids, e-mail addresses, links and phone numbers.

Every pattern runs on text folded by `fold`, which keeps each character where it was, so a span
found in the folded text is the span of what the customer wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache
from urllib.parse import urlsplit

import phonenumbers
import tldextract

from cryptodesk.chain import asset_aliases, network_aliases, normalise_alias

_ALNUM = "0-9A-Za-z"

# --- folding ------------------------------------------------------------------------------

# Full-width ASCII ("ＵＳＤＴ", "５００") and the ideographic space, one character for one.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    """`text` with full-width forms made ASCII, keeping every character at its position."""
    return text.translate(_FOLD)


# --- coin and network names ---------------------------------------------------------------

# Names that are also ordinary words ("base", "ton", "ripple"): unless written as a name
# ("TON", "Stellar"), they count only with a cue ("on base", "5 ton", "走雪崩链").
STRICT_ALIASES = frozenset(
    normalise_alias(word)
    for word in (
        "OP", "TON", "ARB", "Base", "Stellar", "Ripple", "Avalanche", "Optimism", "Polygon",
        "Lumens", "雪崩", "恒星",
    )
)  # fmt: skip
# A name followed by these characters is another word ("以太网" is Ethernet).
NOT_BEFORE = {normalise_alias("以太"): "网"}
_ALIAS_SEPARATORS = re.compile(r"[\s\-_]+")


def _split(alias: str) -> list[str]:
    return [part for part in _ALIAS_SEPARATORS.split(alias) if part]


def _compound(alias: str, assets: dict[str, str], nets: dict[str, str]) -> bool:
    """An asset alias naming a coin and another network ("USDT-TRC20"): read as its parts."""
    parts = [normalise_alias(p) for p in _split(alias)]
    if len(parts) != 2 or parts[0] not in assets or parts[1] not in nets:
        return False
    return assets.get(parts[1]) != assets[parts[0]]


@cache
def alias_table() -> dict[str, tuple[str | None, str | None]]:
    """Each written name, normalised, with the asset and the network it names (either None)."""
    assets = {normalise_alias(a): i for a, i in asset_aliases().items()}
    nets = {normalise_alias(a): i for a, i in network_aliases().items()}
    compounds = {normalise_alias(a) for a in asset_aliases() if _compound(a, assets, nets)}
    keys = (assets.keys() | nets.keys()) - compounds
    return {key: (assets.get(key), nets.get(key)) for key in keys}


def _alias_regex(alias: str) -> str:
    body = r"[\s\-_]{0,2}".join(re.escape(part) for part in _split(alias))
    last = alias.rstrip()[-1]
    return body + (rf"(?![{_ALNUM}])" if last.isascii() and last.isalnum() else "")


@cache
def coin_pattern() -> re.Pattern[str]:
    """Every coin and network name, longest first, as a whole word in any script mix.

    Chinese has no spaces, so only Latin letters around a name break it ("USDT提现" holds
    USDT, "stop" holds no OP); digits may touch it ("500USDT").
    """
    table = alias_table()
    written = [a for a in (*asset_aliases(), *network_aliases()) if normalise_alias(a) in table]
    ordered = sorted(set(written), key=lambda a: (-len(normalise_alias(a)), -len(a), a))
    body = "|".join(dict.fromkeys(_alias_regex(a) for a in ordered))
    return re.compile(rf"(?<![A-Za-z])(?:{body})", re.IGNORECASE)


def written_as_name(written: str) -> bool:
    """Whether a name is written as one ("TON", "OP", "Stellar"), not as a word ("ton")."""
    if not written.isascii():
        return False
    return (written.isupper() and len(written) > 1) or (len(written) > 4 and written.istitle())


PRE_NETWORK_CUE = re.compile(
    r"(?:(?<![A-Za-z])(?:network|chain)\s*(?:is|[:：=])?"
    r"|网络|链|走|通过|选择?[了的]?)\s*(?:是|为|[:：])?\s*$",
    re.IGNORECASE,
)
# "on ETH" names a network only where the phrase ends: not in "on the ETH Staking page".
WEAK_PRE_NETWORK_CUE = re.compile(
    r"(?<![A-Za-z])(?:on|over|across|via|through|thru)(?:\s+the)?\s*$", re.IGNORECASE
)
_NEXT_WORD = re.compile(r"[ \t\-]*([A-Za-z]+)")
_PHRASE_GOES_ON = frozenset(
    {"and", "or", "to", "but", "please", "pls", "with", "for", "then", "address", "wallet"}
)


def ends_phrase(text: str, pos: int) -> bool:
    """Whether the name ending at `pos` ends its phrase, so a weak cue before it holds."""
    if text.startswith(("/", "'", "’"), pos):  # "on BTC/USDT", "on Bitcoin's price"
        return False
    word = _NEXT_WORD.match(text, pos)
    return word is None or word.group(1).lower() in _PHRASE_GOES_ON


POST_NETWORK_CUE = re.compile(
    r"[\s\-_]*(?:(?:network|chain|mainnet)s?(?![A-Za-z])|链|网络|主网)", re.IGNORECASE
)
# What sits between a number and the coin it counts ("0.5个比特币", "2万USDT", "500 usdt").
AFTER_NUMBER = re.compile(
    r"(?:[0-9][kKwW]?|[万千百亿零〇一二两三四五六七八九十])\s{0,2}[个枚]?\s{0,2}$"
)
# What sits between a token and the network right after it ("USDT TRX", "USDT (TRX)").
ADJACENT = re.compile(r"[\s\-_(（]{0,3}")

# --- amounts ------------------------------------------------------------------------------

NUMBER = re.compile(
    rf"(?<![{_ALNUM}.,#+\-/:@_\\第])"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?P<mult>[万千百亿]|[kKwW](?![0-9A-Za-z]))?"
)
CHINESE_NUMBER = re.compile(
    r"(?<![第])[零〇一二两三四五六七八九十百千万亿]{1,12}(?:点[零〇一二三四五六七八九]{1,8})?"
)
UNIT_GAP = re.compile(r"\s{0,2}[个枚]?\s{0,2}")
# "500U" and "500 U" are USDT in Chinese chats; a lone lower-case "u" only when glued on.
USDT_UNIT = re.compile(r"\s{0,2}(?P<u>U)(?![0-9A-Za-z])|(?P<glued>u)(?![0-9A-Za-z])")
# A number followed by these is part of something else: a version, time, date or percentage.
NUMBER_CONTINUES = re.compile(r"[.,:/\-][0-9]|\s?[%‰°℃]|[0-9A-Za-z]")
COUNT_UNIT = re.compile(
    r"\s*(?:年|月|日|号|点|时|分|秒|天|周|次|个|小时|分钟|笔|位|岁|遍|楼|层|条|倍|张|页|步|折|克|斤"
    r"|箱|件|度|寸|米|代|期|集|级|章|部|台|只|瓶|包|袋|盒|片"
    r"|(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|times?"
    r"|confirmations?|confs?|blocks?|attempts?|tries|people|persons?|pcs|am|pm)(?![A-Za-z]))",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![A-Za-z])"
)
WORD_DATE = re.compile(
    rf"(?<![A-Za-z]){_MONTH}\s*[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s*[0-9]{{4}})?"
    rf"|(?<![0-9])[0-9]{{1,2}}(?:st|nd|rd|th)?\s*{_MONTH}(?:,?\s*[0-9]{{4}})?",
    re.IGNORECASE,
)
_MULTIPLIERS = {"万": 10_000, "w": 10_000, "千": 1_000, "k": 1_000, "百": 100, "亿": 10**8}
_MAX_DIGITS = 40


def arabic_number(digits: str, multiplier: str | None) -> Decimal | None:
    """The value of "1,000.50" or "2" with "万": None when it is no plain number."""
    if len(digits) > _MAX_DIGITS:
        return None
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    with localcontext() as ctx:
        ctx.prec = 2 * _MAX_DIGITS
        return value * _MULTIPLIERS.get((multiplier or "").lower(), 1)


def chinese_number(text: str) -> Decimal | None:
    """The value of "五百" or "两万三千", through cn2an; None for what is not a numeral."""
    import cn2an  # a quarter of a second to import, and only Chinese numerals need it

    try:
        value = cn2an.cn2an(text, "smart")
    except Exception:  # cn2an signals non-numerals with ValueError, and some with others
        return None
    return Decimal(str(value))


def plain_amount(text: str, end: int, digits: str) -> bool:
    """Whether a number with no coin after it is an amount rather than a count, date or id."""
    if NUMBER_CONTINUES.match(text, end) or COUNT_UNIT.match(text, end):
        return False
    whole = "." not in digits and "," not in digits
    return not (whole and (len(digits) > 8 or (len(digits) > 1 and digits[0] == "0")))


def decimal_text(value: Decimal) -> str:
    """A Decimal written plainly, without exponent or trailing zeros: "20000", "0.5"."""
    with localcontext() as ctx:
        ctx.prec = 2 * _MAX_DIGITS
        return format(value.normalize(), "f")


# --- hashes and addresses -----------------------------------------------------------------

EVM_HASH = re.compile(rf"(?<![{_ALNUM}])0x[0-9a-fA-F]{{64}}(?![{_ALNUM}])")
HEX_HASH = re.compile(rf"(?<![{_ALNUM}])[0-9a-fA-F]{{64}}(?![{_ALNUM}])")
BASE58_SIGNATURE = re.compile(rf"(?<![{_ALNUM}])[1-9A-HJ-NP-Za-km-z]{{86,88}}(?![{_ALNUM}])")
BASE64_HASH = re.compile(r"(?<![0-9A-Za-z+/_\-])[0-9A-Za-z+/_\-]{43}=(?![0-9A-Za-z+/=_\-])")
HEX64 = re.compile(r"[0-9a-fA-F]{64}")

EVM_ADDRESS = re.compile(rf"(?<![{_ALNUM}])0x[0-9a-fA-F]{{40}}(?![{_ALNUM}])")
TON_RAW_ADDRESS = re.compile(rf"(?<![{_ALNUM}:\-])-?[0-9]{{1,3}}:[0-9a-fA-F]{{64}}(?![{_ALNUM}])")
TON_ADDRESS = re.compile(
    r"(?<![0-9A-Za-z+/_\-])[EUk0][Qf][0-9A-Za-z+/_\-]{46}(?![0-9A-Za-z+/=_\-])"
)
ALNUM_RUN = re.compile(rf"(?<![{_ALNUM}])[{_ALNUM}]{{25,90}}(?![{_ALNUM}])")

# --- order ids, e-mail, links -------------------------------------------------------------

ORDER_ID = re.compile(
    r"(?:(?<![A-Za-z])(?:order|ord)[\s_\-]*(?:id|no\.?|number|num)?(?![A-Za-z])"
    r"|订单编号|订单号码|订单号|订单|委托单号|单号)"
    r"\s*(?:is|是|为|[:：#=])?\s*#?\s*"
    r"(?P<id>[0-9A-Za-z][0-9A-Za-z\-]{2,38}[0-9A-Za-z])(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_DOT = "[.。．｡]"
EMAIL = re.compile(
    r"(?<![0-9A-Za-z._%+\-])[0-9A-Za-z](?:[0-9A-Za-z._%+\-]{0,62}[0-9A-Za-z_%+\-])?@"
    rf"(?:[0-9A-Za-z](?:[0-9A-Za-z\-]{{0,61}}[0-9A-Za-z])?{_DOT})+[A-Za-z]{{2,24}}"
    r"(?![0-9A-Za-z\-])"
)
_URL_CHARS = r"0-9A-Za-z\-._~:/?#\[\]@!$&()*+,;=%。．｡"
_LETTER = r"0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"
_LABEL = rf"[{_LETTER}](?:[{_LETTER}\-]{{0,61}}[{_LETTER}])?"
URL = re.compile(rf"(?<![{_ALNUM}])https?://[{_URL_CHARS}]+", re.IGNORECASE)
BARE_DOMAIN = re.compile(
    rf"(?<![{_LETTER}@.\-_/。．｡])(?P<host>(?:{_LABEL}{_DOT})+"
    r"(?P<tld>[A-Za-z]{2,63}|xn--[0-9A-Za-z\-]{2,59}))"
    rf"(?::[0-9]{{1,5}})?(?P<path>/[{_URL_CHARS}]*)?(?![{_LETTER}\-@])"
)
URL_TRAILING = ".,;:!?)]}'\"。．｡"
FULLWIDTH_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})


@cache
def _suffixes() -> tldextract.TLDExtract:
    # The Public Suffix List snapshot bundled with tldextract; never fetched.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _link(start: int, written: str) -> tuple[tuple[int, int], str, str] | None:
    trimmed = written.rstrip(URL_TRAILING)
    url = trimmed.translate(FULLWIDTH_DOTS)
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:
        return None
    return ((start, start + len(trimmed)), url, host) if host else None


def links(text: str) -> Iterator[tuple[tuple[int, int], str, str]]:
    """Each link's span, its URL with full-width dots made ASCII, and its host."""
    for m in URL.finditer(text):
        if found := _link(m.start(), m.group()):
            yield found
    for m in BARE_DOMAIN.finditer(text):
        # "USDT.Now" is a sentence run together, not a .now domain.
        if not (m["tld"].islower() or m["tld"].isupper()):
            continue
        listed = _suffixes()(m["host"].translate(FULLWIDTH_DOTS)).suffix
        if listed and (found := _link(m.start(), m.group())):
            yield found


def phones(text: str, region: str) -> Iterator[tuple[tuple[int, int], str, str]]:
    """Each valid phone number's span, its E.164 form and its country.

    Strict grouping: digits must be grouped as the number is dialled, so "104.6701089" is none.
    """
    matcher = phonenumbers.PhoneNumberMatcher(
        text, region, leniency=phonenumbers.Leniency.STRICT_GROUPING
    )
    for m in matcher:
        number = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        yield (m.start, m.end), number, phonenumbers.region_code_for_number(m.number)
