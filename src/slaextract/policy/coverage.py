"""Coverage requirements: days × hours, and a daily window on given days.

A coverage item says days_per_week × hours_per_day, and the daily window its text states
(read at extraction, fields.coverage). We read the days as the first `days_per_week` days of a
Monday-first week (5 = Mon–Fri, 6 = Mon–Sat), which is how contracts almost always mean it; a
window is proven by 24-hour coverage, or by the item's window containing the required one.
"""

from __future__ import annotations

from ..model import ClauseSummary, Coverage, TimeWindow
from . import messages
from .common import FindingMaker, in_scope
from .findings import Finding
from .messages import Lang
from .model import WEEK, CoverageRequirement, DayName


def _size(item: Coverage) -> tuple[int, float]:
    return (item.days_per_week, item.hours_per_day)


def covers_days(item: Coverage, days: tuple[DayName, ...]) -> bool:
    return all(WEEK.index(day) < item.days_per_week for day in days)


def covers_window(item: Coverage, window: TimeWindow, days: tuple[DayName, ...]) -> bool:
    if not covers_days(item, days):
        return False
    if item.hours_per_day >= 24:
        return True
    return item.window is not None and item.window.contains(window)


def meets_minimum(item: Coverage, req: CoverageRequirement) -> bool:
    assert req.min_days_per_week is not None and req.min_hours_per_day is not None
    return item.days_per_week >= req.min_days_per_week and item.hours_per_day >= req.min_hours_per_day


def describe_item(item: Coverage) -> str:
    text = messages.coverage(item.days_per_week, item.hours_per_day)
    return f"{text} ({item.window})" if item.window else text


def _days_text(req: CoverageRequirement, lang: Lang) -> str:
    if isinstance(req.days, str):
        return messages.term(f"dayset.{req.days}", lang)
    return messages.listing(req.days, "day", lang)


def _window_text(req: CoverageRequirement, lang: Lang) -> str:
    return messages.term("window_on_days", lang, window=req.time_window, days=_days_text(req, lang))


def _minimum_text(req: CoverageRequirement, lang: Lang) -> str:
    assert req.min_days_per_week is not None and req.min_hours_per_day is not None
    shape = messages.coverage(req.min_days_per_week, req.min_hours_per_day)
    return messages.term("at_least_coverage", lang, coverage=shape)


def _everything_required(req: CoverageRequirement, lang: Lang) -> str:
    parts = ([_minimum_text(req, lang)] if req.has_minimum else []) + ([_window_text(req, lang)] if req.window else [])
    return messages.term("list_separator", lang).join(parts)


def evaluate_coverage(req: CoverageRequirement, summary: ClauseSummary, lang: Lang) -> list[Finding]:
    found = FindingMaker(req.id, req.severity, lang)
    items = in_scope(summary.coverage, req.scope)
    scope = messages.scope(req.scope, lang)
    if not items:
        return [found("coverage.missing", "missing", required=_everything_required(req, lang), scope=scope)]
    findings = []
    largest = max(items, key=_size)
    if req.has_minimum and not any(meets_minimum(item, req) for item in items):
        required = messages.coverage(req.min_days_per_week or 0, req.min_hours_per_day or 0)
        findings.append(
            found(
                "coverage.minimum",
                "below_minimum",
                evidence=largest.evidence,
                actual=describe_item(largest),
                required=required,
                scope=scope,
            )
        )
    window = req.time_window
    if window is not None and not any(covers_window(item, window, req.day_names) for item in items):
        actual = messages.term("list_separator", lang).join(describe_item(item) for item in items)
        findings.append(
            found(
                "coverage.window",
                "below_minimum",
                evidence=largest.evidence,
                actual=actual,
                required=_window_text(req, lang),
            )
        )
    return findings
