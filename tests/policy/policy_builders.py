"""Builders for clause summaries and policies in policy tests (no documents are read; a
coverage item gets the window extraction would read from its text)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from slaextract.fields.coverage import restore_windows, stated_window
from slaextract.model import (
    Availability,
    ChannelItem,
    ClauseSummary,
    Coverage,
    DocumentInfo,
    Evidence,
    ResponseTime,
    ServiceCredit,
    TimeWindow,
)
from slaextract.policy import Policy, load_policy_text
from slaextract.rules import default_rules
from slaextract.text.clean import clean

DATA = Path(__file__).parent / "data"
ALL_CONSISTENCY_OFF = {
    "rank-order": "off",
    "availability-conflict": "off",
    "availability-without-credit": "off",
    "coverage-vs-response": "off",
}


def ev(text: str = "the clause", page: int = 1) -> Evidence:
    return Evidence(page=page, text=text, bbox=(72.0, 100.0 + page, 520.0, 112.0 + page))


def cov(days: int, hours: float, text: str | None = None, scope: str | None = None, page: int = 1) -> Coverage:
    evidence = ev(text or f"{days}x{hours:g}", page)
    return Coverage(
        days_per_week=days, hours_per_day=hours, scope=scope, evidence=evidence, window=window_of(evidence, hours)
    )


def window_of(evidence: Evidence, hours: float) -> TimeWindow | None:
    """The window extraction would give an item with this text (the JSON summary does not carry it)."""
    return stated_window(default_rules(), clean(evidence.text).text, hours)


def resp(
    rank: int | None,
    minutes: float,
    kind: str = "response",
    *,
    priority: str | None = None,
    scope: str | None = None,
    business_time: bool = False,
    page: int = 1,
) -> ResponseTime:
    label = priority if priority is not None else (f"P{rank}" if rank else None)
    return ResponseTime(
        priority=label,
        rank=rank,
        kind=kind,  # type: ignore[arg-type]
        minutes=minutes,
        business_time=business_time,
        scope=scope,
        evidence=ev(f"{label}: {kind} within {minutes:g} minutes", page),
    )


def chan(channel: str, text: str | None = None) -> ChannelItem:
    return ChannelItem(channel=channel, evidence=ev(text or f"contact us by {channel}"))  # type: ignore[arg-type]


def avail(percent: float, period: str | None = "month", scope: str | None = None, page: int = 1) -> Availability:
    return Availability(percent=percent, period=period, scope=scope, evidence=ev(f"uptime {percent:g}%", page))  # type: ignore[arg-type]


def credit(below: float, percent: float) -> ServiceCredit:
    return ServiceCredit(below_percent=below, credit_percent=percent, evidence=ev(f"below {below:g}%: {percent:g}%"))


def summary(language: str = "en", **fields: Any) -> ClauseSummary:
    document = DocumentInfo(path="contract.pdf", sha256="0" * 64, pages=5, language=language)  # type: ignore[arg-type]
    return ClauseSummary(document=document, **fields)


def policy_yaml(text: str) -> Policy:
    return load_policy_text(textwrap.dedent(text), "test-policy.yaml")


def only(requirement: dict[str, Any], **policy_keys: Any) -> Policy:
    """A policy with one requirement (id `req`, severity error) and no consistency checks."""
    body = {"id": "req", "severity": "error", **requirement}
    keys = {"consistency": ALL_CONSISTENCY_OFF, **policy_keys}
    return Policy.model_validate({"version": 1, "name": "test", "requirements": [body], **keys})


def fixture_summary(name: str) -> ClauseSummary:
    summary = ClauseSummary.model_validate_json((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return restore_windows(summary, default_rules())
