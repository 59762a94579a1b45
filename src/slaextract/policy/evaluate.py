"""ClauseSummary + Policy → Verdict: evaluate each requirement, add consistency findings, apply waivers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..lexicon import fragment, languages
from ..model import ClauseSummary, Evidence
from . import messages
from .common import FindingMaker, in_scope
from .consistency import CONSISTENCY_DESCRIPTIONS, consistency_findings
from .coverage import evaluate_coverage
from .findings import Finding, RuleInfo, Verdict
from .messages import Lang
from .model import (
    AvailabilityRequirement,
    ChannelsRequirement,
    LanguageRequirement,
    Policy,
    ResponseTimeRequirement,
    ServiceCreditsRequirement,
    Waiver,
)

# Wording that shows support is given in a language. A heuristic: the extractor keeps only the
# sentences its items came from, so a language clause elsewhere in the contract is not seen.
# The words of every language that name language X are the lexicons' `speaks_X` entries.
LANGUAGE_WORDS: dict[str, re.Pattern[str]] = {
    code: re.compile(fragment(f"speaks_{code}"), re.IGNORECASE) for code in languages()
}


def evaluate_response_time(req: ResponseTimeRequirement, summary: ClauseSummary, lang: Lang) -> list[Finding]:
    found = FindingMaker(req.id, req.severity, lang)
    # A time tied to no priority ("all requests answered within 4 hours") binds every rank too.
    items = [r for r in summary.response_times if r.kind == req.kind and r.rank in (req.rank, None)]
    items = in_scope(items, req.scope)
    action = messages.term(f"kind.{req.kind}", lang)
    scope = messages.scope(req.scope, lang)
    required = messages.duration(req.max_minutes, lang)
    if not items:
        return [found("response.missing", "missing", required=required, rank=req.rank, action=action, scope=scope)]
    qualifying = [r for r in items if req.allow_business_time or not r.business_time]
    best = min(qualifying or items, key=lambda r: r.minutes)
    if qualifying and best.minutes <= req.max_minutes:
        return []
    actual = messages.duration(best.minutes, lang, best.business_time)
    return [
        found(
            "response.slow",
            "below_minimum",
            evidence=best.evidence,
            actual=actual,
            required=required,
            rank=req.rank,
            action=action,
            scope=scope,
        )
    ]


def evaluate_availability(req: AvailabilityRequirement, summary: ClauseSummary, lang: Lang) -> list[Finding]:
    found = FindingMaker(req.id, req.severity, lang)
    items = in_scope(summary.availability, req.scope)
    required = messages.percent(req.min_percent)
    scope = messages.scope(req.scope, lang)
    if not items:
        return [found("availability.missing", "missing", required=required, scope=scope)]
    best = max(items, key=lambda a: a.percent)
    if best.percent >= req.min_percent:
        return []
    actual = messages.percent(best.percent)
    return [
        found(
            "availability.low",
            "below_minimum",
            evidence=best.evidence,
            actual=actual,
            required=required,
            scope=scope,
        )
    ]


def evaluate_channels(req: ChannelsRequirement, summary: ClauseSummary, lang: Lang) -> list[Finding]:
    found = FindingMaker(req.id, req.severity, lang)
    offered = list(dict.fromkeys(item.channel for item in summary.channels))
    actual = messages.listing(offered, "channel", lang)
    findings = []
    absent = [channel for channel in req.all_of if channel not in offered]
    if absent:
        required = messages.listing(absent, "channel", lang)
        findings.append(found("channels.all_of", "missing", actual=actual, required=required))
    if req.any_of and not set(req.any_of) & set(offered):
        required = messages.listing(req.any_of, "channel", lang)
        findings.append(found("channels.any_of", "missing", actual=actual, required=required))
    return findings


def _at_least(
    found: FindingMaker,
    check: str,
    value: float | None,
    evidence: Evidence | None,
    minimum: float | None,
    show: Callable[[float], str],
) -> list[Finding]:
    """One term with a minimum (a credit, the cap, the claim window): missing, too low, or fine."""
    if minimum is None:
        return []
    if value is None:
        return [found(f"{check}_missing", "missing", required=show(minimum))]
    if value >= minimum:
        return []
    return [found(check, "below_minimum", evidence=evidence, actual=show(value), required=show(minimum))]


def evaluate_service_credits(req: ServiceCreditsRequirement, summary: ClauseSummary, lang: Lang) -> list[Finding]:
    found = FindingMaker(req.id, req.severity, lang)
    credits = summary.service_credits
    if not credits and summary.credit_cap_percent is None and summary.claim_window_days is None:
        # Nothing about credits at all: one finding says it; a missing cap and window would only repeat it.
        return [found("credits.missing", "missing")]
    findings = []
    if not credits:
        findings.append(found("credits.missing", "missing"))
    elif req.min_first_tier_percent is not None:
        first = max(credits, key=lambda c: c.below_percent)
        findings += _at_least(
            found,
            "credits.first_tier",
            first.credit_percent,
            first.evidence,
            req.min_first_tier_percent,
            messages.percent,
        )
    findings += _at_least(
        found,
        "credits.cap",
        summary.credit_cap_percent,
        summary.credit_cap_evidence,
        req.min_cap_percent,
        messages.percent,
    )
    findings += _at_least(
        found,
        "credits.claim",
        summary.claim_window_days,
        summary.claim_window_evidence,
        req.min_claim_window_days,
        lambda days: messages.days(days, lang),
    )
    return findings


def all_evidence(summary: ClauseSummary) -> list[Evidence]:
    lists: list[list[Any]] = [
        summary.coverage,
        summary.response_times,
        summary.channels,
        summary.availability,
        summary.service_credits,
    ]
    found = [item.evidence for items in lists for item in items]
    return found + [e for e in (summary.credit_cap_evidence, summary.claim_window_evidence) if e]


def evaluate_language(req: LanguageRequirement, summary: ClauseSummary, lang: Lang) -> list[Finding]:
    """Heuristic: an evidence sentence names the language, or the contract is written in it."""
    words = LANGUAGE_WORDS[req.language]
    if any(words.search(evidence.text) for evidence in all_evidence(summary)):
        return []
    if summary.document.language == req.language:
        return []
    actual = messages.term(f"language.{summary.document.language}", lang)
    required = messages.term(f"language.{req.language}", lang)
    return [FindingMaker(req.id, req.severity, lang)("language.missing", "missing", actual=actual, required=required)]


EVALUATORS: dict[str, Callable[[Any, ClauseSummary, Lang], list[Finding]]] = {
    "coverage": evaluate_coverage,
    "response_time": evaluate_response_time,
    "availability": evaluate_availability,
    "channels": evaluate_channels,
    "service_credits": evaluate_service_credits,
    "language": evaluate_language,
}


def rules_of(policy: Policy) -> list[RuleInfo]:
    rules = [RuleInfo(id=r.id, type=r.type, severity=r.severity, description=r.describe()) for r in policy.requirements]
    for name, description in CONSISTENCY_DESCRIPTIONS.items():
        setting = policy.consistency_severity(name)
        if setting != "off":
            rules.append(
                RuleInfo(id=f"consistency.{name}", type="consistency", severity=setting, description=description)
            )
    return rules


def apply_waivers(
    findings: list[Finding], waivers: list[Waiver], today: dt.date
) -> tuple[list[Finding], list[Finding], list[Waiver]]:
    """Split findings into (still active, waived); also return the expired waivers that no longer apply."""
    active: list[Finding] = []
    waived: list[Finding] = []
    expired: list[Waiver] = []
    for finding in findings:
        matching = [w for w in waivers if w.requirement == finding.requirement]
        current = [w for w in matching if w.active_on(today)]
        if current:
            waived.append(finding.model_copy(update={"waiver": current[0]}))
            continue
        active.append(finding)
        expired += [w for w in matching if w not in expired]
    return active, waived, expired


def check(summary: ClauseSummary, policy: Policy, today: dt.date | None = None) -> Verdict:
    """Evaluate a clause summary against a policy. `today` decides which waivers are still in force."""
    lang = messages.language_of(summary)
    findings = [f for req in policy.requirements for f in EVALUATORS[req.type](req, summary, lang)]
    findings += consistency_findings(summary, policy, lang)
    active, waived, expired = apply_waivers(findings, policy.waivers, today or dt.date.today())
    return Verdict(
        policy=policy.name,
        language=lang,
        rules=rules_of(policy),
        findings=active,
        waived=waived,
        expired_waivers=expired,
    )
