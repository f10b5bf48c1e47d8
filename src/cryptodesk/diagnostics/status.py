"""Is the exchange itself up: incidents, maintenance, and networks paused."""

from __future__ import annotations

from cryptodesk.platform.models import Incident

from .compose import conclude, make
from .models import Diagnosis, Finding, Inquiry
from .networks import paused_findings
from .wording import timestamp

_STATUS_WORDS = {
    "investigating": ("being investigated", "调查中"),
    "identified": ("cause identified", "已定位原因"),
    "monitoring": ("fix in place, being monitored", "已修复，观察中"),
    "scheduled": ("scheduled maintenance", "计划维护"),
    "in_progress": ("maintenance in progress", "维护中"),
}


def diagnose(inquiry: Inquiry) -> Diagnosis:
    platform, now = inquiry.platform, inquiry.now
    findings = [incident(i, inquiry) for i in platform.platform_status().active]
    directions = ("withdrawal", "deposit", "both")
    findings += paused_findings(platform.network_statuses(), inquiry.clues, directions, now)
    if not findings:
        findings = [make("platform_operational", {}, now)]
    return conclude(inquiry.topic, findings)


def incident(item: Incident, inquiry: Inquiry) -> Finding:
    evidence = {
        "record": "incident",
        "record_id": item.id,
        "title": item.title_en,
        "status": item.status,
        "started_at": timestamp(item.started_at),
        "components": ", ".join(item.components) or None,
    }
    localized = {
        "title": (item.title_en, item.title_zh),
        "status_word": _STATUS_WORDS.get(item.status, (item.status, item.status)),
    }
    return make("platform_maintenance", evidence, inquiry.now, localized=localized)
