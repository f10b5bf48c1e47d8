"""Is a domain label made of ordinary words? Businesses name themselves with words; typosquats
mostly are not words ("metamosk"), while the near misses that are ("finance" next to
"binance") belong to someone else. The dictionary is zxcvbn's bundled frequency lists (English
Wikipedia, film subtitles, names, common passwords), which drop many short words, plus the
BIP39 English list of 2,048 common ones: about 90,000 words, no download.
"""

from __future__ import annotations

from functools import cache

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from .wordlists import ENGLISH, wordlist

_MIN_PART = 3

# fmt: off
PHISHING_WORDS = frozenset({
    "login", "signin", "sign", "verify", "verification", "secure", "security", "support",
    "help", "helpdesk", "service", "services", "wallet", "wallets", "app", "apps", "official",
    "claim", "claims", "airdrop", "bonus", "reward", "rewards", "gift", "giveaway", "recovery",
    "recover", "restore", "sync", "connect", "validate", "validation", "unlock", "update",
    "account", "accounts", "auth", "kyc", "web3", "dapp", "dapps", "nft", "nfts", "defi",
    "token", "tokens", "swap", "exchange", "pro", "global", "online", "portal", "access",
    "live", "event", "promo", "free", "mint", "drop", "center", "centre", "desk", "team", "my",
    "get", "go", "the", "web", "vip", "www", "io", "com", "net", "org", "cn", "us", "uk",
})
"""What phishing domains put around a brand: "binance-support", "secure-metamask-login"."""
# fmt: on


@cache
def _dictionary() -> frozenset[str]:
    lists = [*FREQUENCY_LISTS.values(), wordlist(ENGLISH)]
    return frozenset(
        word
        for words in lists
        for word in words
        if word.isascii() and word.isalpha() and len(word) >= _MIN_PART
    )


def is_word(text: str) -> bool:
    return text in _dictionary()


def is_ordinary_name(label: str) -> bool:
    """A dictionary word, or two of them run together ("openset", "metacask")."""
    words = _dictionary()
    if label in words:
        return True
    for i in range(_MIN_PART, len(label) - _MIN_PART + 1):
        if label[:i] not in words:
            continue
        if label[i:] in words:
            return True
    return False
