"""The security shield: secrets pasted into any channel are redacted before they are stored,
and look-alike or known phishing links are flagged, with the reason the customer is told.

Pure logic: no network, no database; the Public Suffix List, wordlists and homoglyph tables
are the snapshots bundled with their packages.
"""

from .blocklist import Blocklist
from .links import Link, extract_links
from .lookalike import LinkVerdict, Verdict, check_url
from .messages import warning
from .passwords import Strength, strength
from .results import ScanResult, Secret, SecretKind
from .scanner import preload, scan

__all__ = [
    "Blocklist",
    "Link",
    "LinkVerdict",
    "ScanResult",
    "Secret",
    "SecretKind",
    "Strength",
    "Verdict",
    "check_url",
    "extract_links",
    "preload",
    "scan",
    "strength",
    "warning",
]
