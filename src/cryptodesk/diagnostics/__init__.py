"""Account-aware troubleshooting: read the customer's records through the Platform port and say
exactly what happened, with the evidence, the ETA, the fee and the next steps, in zh and en.

Pure logic: no I/O beyond the port, and the time is passed in.
"""

from .dispatch import FLOWS, TOPICS, diagnose
from .models import Clues, Diagnosis, FeeDisclosure, Finding, Severity
from .policy import RULES

CODES: tuple[str, ...] = tuple(RULES)

__all__ = [
    "CODES",
    "FLOWS",
    "TOPICS",
    "Clues",
    "Diagnosis",
    "FeeDisclosure",
    "Finding",
    "Severity",
    "diagnose",
]
