"""Turn what a customer pasted (a URL, a bare domain, punycode or Unicode) into a host.

The registrable part comes from the Public Suffix List snapshot bundled with tldextract, read
offline; private suffixes count (each `*.netlify.app` site belongs to someone else), since
phishing kits are hosted there.
"""

from __future__ import annotations

import ipaddress
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

import idna
import tldextract

FULLWIDTH_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})


@dataclass(frozen=True)
class Host:
    ascii: str
    """The name as DNS sees it, punycode for non-ASCII labels: `xn--bnance-pvf.com`."""
    display: str
    """The name as a browser may show it: `bіnance.com`."""
    subdomain: str
    domain: str
    """The registrable label, ASCII: `binance` in `www.binance.com`."""
    suffix: str
    given_as_punycode: bool
    listed_suffix: bool = True
    """Whether the suffix is on the Public Suffix List (`.com`, `.co.uk`, `.netlify.app`)."""

    @property
    def registrable(self) -> str:
        return f"{self.domain}.{self.suffix}" if self.suffix else self.domain

    @property
    def display_suffix(self) -> str:
        return ".".join(_display_label(label) for label in self.suffix.split("."))

    @property
    def display_registrable(self) -> str:
        """The registrable domain as displayed (Unicode)."""
        domain = _display_label(self.domain)
        return f"{domain}.{self.display_suffix}" if self.suffix else domain

    @property
    def is_idn(self) -> bool:
        return self.ascii != self.display

    def is_within(self, other: Host) -> bool:
        """Whether this host is `other` or one of its subdomains."""
        return self.ascii == other.ascii or self.ascii.endswith("." + other.ascii)


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


@lru_cache(maxsize=4096)
def parse_host(value: str) -> Host | None:
    """The host of a URL or domain, or None when there is no usable host name in it."""
    text = value.strip().translate(FULLWIDTH_DOTS)
    if not text:
        return None
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        hostname = urlsplit(text).hostname
    except ValueError:
        return None
    if not hostname:
        return None
    hostname = unicodedata.normalize("NFKC", hostname).lower().strip(".")
    if _is_ip(hostname):
        return Host(hostname, hostname, "", hostname, "", False, listed_suffix=False)
    labels = hostname.split(".")
    if len(hostname) > 253 or any(not label or len(label) > 63 for label in labels):
        return None
    forms = [_label_forms(label) for label in labels]
    if any(form is None for form in forms):
        return None
    ascii_labels = [form[0] for form in forms if form]
    ascii_host = ".".join(ascii_labels)
    parts = _extractor()(ascii_host)
    subdomain, domain, suffix = parts.subdomain, parts.domain, parts.suffix
    if not domain:
        return None
    listed = bool(suffix)
    if not suffix and len(ascii_labels) > 1:
        subdomain, domain, suffix = ".".join(ascii_labels[:-2]), *ascii_labels[-2:]
    return Host(
        ascii=ascii_host,
        display=".".join(form[1] for form in forms if form),
        subdomain=subdomain,
        domain=domain,
        suffix=suffix,
        given_as_punycode=any(label.startswith("xn--") for label in labels),
        listed_suffix=listed,
    )


def userinfo_host(value: str) -> Host | None:
    """The host named before an '@' in a URL ("https://binance.com@evil.io/"), if any."""
    text = value.strip().translate(FULLWIDTH_DOTS)
    if "://" not in text:
        return None
    try:
        username = urlsplit(text).username
    except ValueError:
        return None
    return parse_host(username) if username else None


def _is_ip(hostname: str) -> bool:
    try:
        ipaddress.ip_address(hostname)
    except ValueError:
        return False
    return True


def _label_forms(label: str) -> tuple[str, str] | None:
    """(ASCII, display) forms of one label, or None when it cannot be a host label."""
    if not all(char.isalnum() or char in "-_" for char in label):
        return None
    if label.isascii():
        return label, _display_label(label)
    try:
        ascii_label = idna.encode(label, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        ascii_label = "xn--" + label.encode("punycode").decode("ascii")
    return ascii_label, label


def _display_label(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return idna.decode(label)
    except (idna.IDNAError, UnicodeError):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
