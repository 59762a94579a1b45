"""Coverage requirements: days × hours, and a daily window on given days.

A coverage item says only days_per_week × hours_per_day. We read it as the first
`days_per_week` days of a Monday-first week (5 = Mon–Fri, 6 = Mon–Sat), which is how
contracts almost always mean it; a window is proven by 24-hour coverage, or by a window
in the item's evidence text that contains the required one and is as long as the item says.
"""

from __future__ import annotations

from ..model import ClauseSummary, Coverage
from . import messages
from .common import Findings, in_scope
from .findings import Finding
from .messages import Lang
from .model import WEEK, CoverageRequirement, DayName
from .timewindow import TimeWindow, find_windows

# An item's stated hours and the window its text quotes may differ by rounding (8:30–17:00 as "8").
HOURS_SLACK = 0.5


def _size(item: Coverage) -> tuple[int, float]:
    return (item.days_per_week, item.hours_per_day)


def covers_days(item: Coverage, days: tuple[DayName, ...]) -> bool:
    return all(WEEK.index(day) < item.days_per_week for day in days)


def stated_windows(item: Coverage) -> list[TimeWindow]:
    """Windows in the evidence text that match the item's own length (the text may quote several)."""
    return [w for w in find_windows(item.evidence.text) if abs(w.hours - item.hours_per_day) <= HOURS_SLACK]


def covers_window(item: Coverage, window: TimeWindow, days: tuple[DayName, ...]) -> bool:
    if not covers_days(item, days):
        return False
    if item.hours_per_day >= 24:
        return True
    return any(w.contains(window) for w in stated_windows(item))


def meets_minimum(item: Coverage, req: CoverageRequirement) -> bool:
    assert req.min_days_per_week is not None and req.min_hours_per_day is not None
    return item.days_per_week >= req.min_days_per_week and item.hours_per_day >= req.min_hours_per_day


def describe_item(item: Coverage) -> str:
    windows = ", ".join(str(w) for w in stated_windows(item))
    text = messages.coverage(item.days_per_week, item.hours_per_day)
    return f"{text} ({windows})" if windows else text


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
    found = Findings(req.id, req.severity, lang)
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
