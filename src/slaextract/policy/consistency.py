"""Self-consistency: places where a contract contradicts itself, whatever the policy requires.

Each check has a stable id (consistency.<name>), a severity the policy may change or turn off,
and may be waived like any requirement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..model import Availability, ClauseSummary, ResponseTime
from . import messages
from .common import FindingMaker
from .findings import Finding
from .messages import Lang
from .model import Policy

CONSISTENCY_DESCRIPTIONS: dict[str, str] = {
    "rank-order": "A more severe priority must not get a slower time than a less severe one (same kind and scope).",
    "availability-conflict": "The contract must not state two availability figures for the same scope and period.",
    "availability-without-credit": "An availability commitment should come with service credits.",
    "coverage-vs-response": "A rank-1 response within an hour needs 7×24 coverage, not business hours only.",
}

# What one inconsistency shows: evidence= and the values its message names (messages.yaml).
Detail = dict[str, object]

# A rank-1 response this fast can only be kept with someone on duty around the clock.
ROUND_THE_CLOCK_MINUTES = 60


def _rank_ladders(summary: ClauseSummary) -> list[dict[int, ResponseTime]]:
    """The fastest item per rank, for each (kind, scope, business time): only those compare."""
    ladders: dict[tuple[str, str | None, bool], dict[int, ResponseTime]] = defaultdict(dict)
    for item in summary.response_times:
        if item.rank is None:
            continue
        ladder = ladders[(item.kind, item.scope, item.business_time)]
        if item.rank not in ladder or item.minutes < ladder[item.rank].minutes:
            ladder[item.rank] = item
    return list(ladders.values())


def rank_order(summary: ClauseSummary, lang: Lang) -> list[Detail]:
    unranked = messages.term("no_priority", lang)
    findings = []
    for ladder in _rank_ladders(summary):
        ranks = sorted(ladder)
        for i, rank in enumerate(ranks):
            slow = ladder[rank]
            faster = next((ladder[r] for r in ranks[i + 1 :] if ladder[r].minutes < slow.minutes), None)
            if faster is None:
                continue
            findings.append(
                dict(
                    evidence=slow.evidence,
                    actual=messages.duration(slow.minutes, lang, slow.business_time),
                    rank=rank,
                    priority=slow.priority or unranked,
                    action=messages.term(f"kind.{slow.kind}", lang),
                    other_rank=faster.rank,
                    other_priority=faster.priority or unranked,
                    other=messages.duration(faster.minutes, lang, faster.business_time),
                    scope=messages.scope(slow.scope, lang),
                )
            )
    return findings


def availability_conflict(summary: ClauseSummary, lang: Lang) -> list[Detail]:
    # Scope and period both key the comparison: 99.9% a month and 99.95% a year do not contradict.
    groups: dict[tuple[str | None, str | None], list[Availability]] = defaultdict(list)
    for item in summary.availability:
        groups[(item.scope.casefold() if item.scope else None, item.period)].append(item)
    findings = []
    for items in groups.values():
        first = items[0]
        other = next((a for a in items[1:] if a.percent != first.percent), None)
        if other is not None:
            findings.append(
                dict(
                    evidence=other.evidence,
                    actual=messages.percent(first.percent),
                    other=messages.percent(other.percent),
                    scope=messages.scope(first.scope, lang),
                )
            )
    return findings


def availability_without_credit(summary: ClauseSummary, lang: Lang) -> list[Detail]:
    # A cap or a claim window for credits implies credits exist even when no tier table was found.
    has_remedy = bool(summary.service_credits) or summary.credit_cap_percent is not None
    has_remedy = has_remedy or summary.claim_window_days is not None
    if not summary.availability or has_remedy:
        return []
    first = summary.availability[0]
    return [
        dict(
            evidence=first.evidence,
            actual=messages.percent(first.percent),
        )
    ]


def coverage_vs_response(summary: ClauseSummary, lang: Lang) -> list[Detail]:
    coverage = summary.coverage
    if not coverage or any(c.days_per_week == 7 and c.hours_per_day >= 24 for c in coverage):
        return []
    fast = [
        r
        for r in summary.response_times
        if r.rank == 1 and r.kind == "response" and not r.business_time and r.minutes <= ROUND_THE_CLOCK_MINUTES
    ]
    if not fast:
        return []
    fastest = min(fast, key=lambda r: r.minutes)
    shapes = dict.fromkeys(messages.coverage(c.days_per_week, c.hours_per_day) for c in coverage)
    return [
        dict(
            evidence=fastest.evidence,
            actual=messages.duration(fastest.minutes, lang),
            action=messages.term("kind.response", lang),
            coverage=messages.term("list_separator", lang).join(shapes),
        )
    ]


CHECKS: dict[str, Callable[[ClauseSummary, Lang], list[Detail]]] = {
    "rank-order": rank_order,
    "availability-conflict": availability_conflict,
    "availability-without-credit": availability_without_credit,
    "coverage-vs-response": coverage_vs_response,
}


def consistency_findings(summary: ClauseSummary, policy: Policy, lang: Lang) -> list[Finding]:
    findings = []
    for name, run in CHECKS.items():
        setting = policy.consistency_severity(name)
        if setting != "off":
            check_id = f"consistency.{name}"
            make = FindingMaker(check_id, setting, lang)  # the check's message has the check's id
            findings += [make(check_id, "inconsistent", **detail) for detail in run(summary, lang)]
    return findings
