"""coverage: when support is staffed (days per week × hours per day)."""

from __future__ import annotations

import bisect

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment, marks
from ..model import ClauseSummary, Coverage, TimeWindow
from ..normalize.clock import daily_window
from ..normalize.numbers import parse_number
from ..rules import RuleSet
from ..text.clean import clean
from .base import FieldSpec, num, page, quote, roles
from .context import Context, Unit
from .priorities import Label, find_labels, label_of
from .tables import grid_of

CLOCK_MARK = regex.compile(rf"{fragment('clock_mark')}|[:{chars('colon')}]")  # "9:00", "9点": a time of day
SERVICE_HOURS = regex.compile(rf"(?i){fragment('business_hours')}|{fragment('support_hours')}")
CLAUSE_END = marks("clause_end")
# a bracket right after a staffing figure qualifies it: "5×8小时（工作日9:00–12:00、13:30–18:30）"
QUALIFIER = regex.compile(
    rf"\s*[{chars('open_bracket')}][^{chars('open_bracket')}{chars('close_bracket')}]{{0,80}}[{chars('close_bracket')}]"
)
# days per week, hours per day, the rule, where in the sentence, and the window when a rule read one
Staffing = tuple[int, float, str, int, TimeWindow | None]
# An item's hours and a window its text states may differ by rounding (8:30–17:00 as "8").
HOURS_SLACK = 0.5


def window_of(m: regex.Match) -> TimeWindow | None:
    """The daily window a `window` rule matched, when it is written as times of day ("9:00",
    "9 a.m.", "9点"), not as a bare range of numbers, and lasts at most a day."""
    g = m.groupdict()
    explicit = any(g.get(k) for k in ("m1", "m2", "ap1", "ap2")) or CLOCK_MARK.search(m.group(0), timeout=REGEX_TIMEOUT)
    if not explicit:
        return None
    window = daily_window(g["h1"], g.get("m1"), g.get("ap1"), g["h2"], g.get("m2"), g.get("ap2"))
    return window if window is not None and 0 < window.hours <= 24 else None


def windows_in(rules: RuleSet, text: str, language: str | None = None) -> list[TimeWindow]:
    """Every daily window the coverage rules find in text, in order (where two languages'
    rules read the same span, the first)."""
    found: list[tuple[int, int, TimeWindow]] = []
    for rule in rules.get("coverage", "window", language):
        for m in rule.finditer(text):
            window = window_of(m)
            if window is not None and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), window))
    return [w for _, _, w in sorted(found, key=lambda f: f[0])]


def stated_window(rules: RuleSet, text: str, hours: float, language: str | None = None) -> TimeWindow | None:
    """The window an item's text states for it: the first as long as the item says (a sentence
    may quote several: "5×8 (9:00-17:00), 7×12 (8:00-20:00)")."""
    return next((w for w in windows_in(rules, text, language) if abs(w.hours - hours) <= HOURS_SLACK), None)


def restore_windows(summary: ClauseSummary, rules: RuleSet) -> ClauseSummary:
    """A summary read back from JSON (which does not carry windows), with each coverage item's
    window read from its evidence as extraction reads it."""
    for item in summary.coverage:
        if item.window is None:
            item.window = stated_window(rules, clean(item.evidence.text).text, item.hours_per_day)
    return summary


def context_text(ctx: Context, unit: Unit) -> str:
    """A row reads with its table's caption and header; a sentence with the two before it
    (a bulleted window reads with the sentence that introduces the list)."""
    if not unit.is_row:
        return " ".join(u.text for u in ctx.units[max(unit.index - 2, 0) : unit.index + 1])
    grid = grid_of(ctx, unit.block.table)  # type: ignore[arg-type]
    header = " ".join(grid.cells[0]) if grid.cells else ""
    # an abbreviation in the header reads as its definition ("SLW": the time the desk is manned)
    defined = " ".join(f"{term} {rest}" for term, rest in ctx.abbreviations_in(header))
    return " ".join([*grid.captions[:1], header, defined, unit.text, footnote_after(ctx, unit)])


def footnote_after(ctx: Context, unit: Unit) -> str:
    """A note under the table that a marked cell points to ("0900 - 1700*" over "* Excluding
    Saturday, Sunday and public holidays"): it qualifies the row."""
    signs = regex.findall(r"[*†‡]", unit.text, timeout=REGEX_TIMEOUT)
    if not signs:
        return ""
    table = unit.block.table
    after = [u for u in ctx.units[unit.index + 1 : unit.index + 40] if u.block.table != table][:2]
    return " ".join(u.text for u in after if u.text.lstrip().startswith(signs[0]))


def in_priority_table(ctx: Context, unit: Unit) -> bool:
    """A row of a table whose rows are priorities (a support matrix): its hours are support hours."""
    if not unit.is_row or unit.block.table is None:
        return False
    grid = grid_of(ctx, unit.block.table)
    return sum(1 for r in range(grid.n_rows) if label_of(grid.cell(r, 0), ctx.rules, ctx.language)) >= 2


def days_in(ctx: Context, text: str, near: int = 0) -> int | None:
    """Days per week named in text; with several, the one nearest to offset `near`."""
    best = None
    for rule in ctx.rules.get("coverage", "days", ctx.language):
        for m in rule.finditer(text):
            distance = min(abs(m.start() - near), abs(m.end() - near))
            if best is None or distance < best[0]:
                best = (distance, int((rule.spec.value or {})["days"]))
    return best[1] if best else None


def from_unit(ctx: Context, unit: Unit) -> list[Staffing]:
    if not ctx.rules.may_match("coverage", unit.text, ctx.language):
        return []
    found = staffing_in(ctx, unit)
    # the veto and the support context are asked only of a unit that states hours: most do not
    if not found or ctx.rules.search_any("coverage", "veto", unit.text, ctx.language):
        return []
    if ctx.rules.search_any("coverage", "context", context_text(ctx, unit), ctx.language) or in_priority_table(
        ctx, unit
    ):
        return found
    return []


def staffing_in(ctx: Context, unit: Unit) -> list[Staffing]:
    """Every days-and-hours the unit's text states, before any veto or context is asked."""
    text = unit.text
    found: list[Staffing] = []
    taken: list[tuple[int, int]] = []
    explained: list[tuple[int, int]] = []  # a figure with the brackets after it (windows there are its detail)
    for rule in ctx.rules.get("coverage", "weekdays_all_day", ctx.language):
        for m in rule.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append((5, 24.0, rule.id, m.start(), None))
                taken.append(m.span())
    for rule in ctx.rules.get("coverage", "all_day", ctx.language):
        for m in rule.finditer(text):
            found.append((7, 24.0, rule.id, m.start(), None))
            taken.append(m.span())
    for rule in ctx.rules.get("coverage", "grid", ctx.language):
        for m in rule.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            days, hours = (a, b) if a <= 7 else (b, a)
            if days <= 7 and 0 < hours <= 24:
                found.append((days, float(hours), rule.id, m.start(), None))
                taken.append(m.span())
                explained.append(qualified_span(text, m))
    for rule in ctx.rules.get("coverage", "hours_days", ctx.language):
        for m in rule.finditer(text):
            h, d = parse_number(m.group("h")), parse_number(m.group("d"))
            if h and d and d <= 7 and h <= 24:
                found.append((int(d), float(h), rule.id, m.start(), None))
                taken.append(m.span())
                explained.append(qualified_span(text, m))
    for rule in ctx.rules.get("coverage", "window", ctx.language):
        for m in rule.finditer(text):
            if any(s <= m.start() < e for s, e in taken + explained):
                continue  # inside a figure, or in the brackets that spell its hours out
            window = window_of(m)
            if window is None:
                continue
            days = days_in(ctx, text, m.start()) or days_in(ctx, context_text(ctx, unit)) or default_days(ctx, text)
            if days:
                found.append((days, round(window.hours, 2), rule.id, m.start(), window))
    return found


def qualified_span(text: str, m: regex.Match) -> tuple[int, int]:
    """A staffing figure's span, with the bracketed qualifier right after it."""
    q = QUALIFIER.match(text, m.end(), timeout=REGEX_TIMEOUT)
    return m.start(), q.end() if q else m.end()


def default_days(ctx: Context, text: str) -> int | None:
    """A window with no days named: business hours mean business days."""
    if SERVICE_HOURS.search(text, timeout=REGEX_TIMEOUT):
        return 5
    return None


def scope_at(text: str, labels: list[Label], at: int) -> str | None:
    """The priority a window is stated for: the first label before it in its own clause
    ("P0、P1级故障7×24小时受理；P2、P3级问题工作日9:00-18:00" gives P0 and P2). ``labels`` are the
    unit's, found once: a unit with thousands of windows is not searched once per window."""
    start = max((text.rfind(p, 0, at) for p in CLAUSE_END), default=-1) + 1
    i = bisect.bisect_left(labels, start, key=lambda lab: lab.start)
    return labels[i].text if i < len(labels) and labels[i].end <= at else None


def extract(ctx: Context) -> list[Coverage]:
    items: list[Coverage] = []
    seen: set = set()
    for unit in ctx.units:
        labels: list[Label] | None = None
        for days, hours, rule, at, window in from_unit(ctx, unit):
            if labels is None:
                labels = find_labels(unit.text, ctx.rules, ctx.language)
            scope = scope_at(unit.text, labels, at)
            key = (days, hours, scope)
            if key in seen:
                continue
            seen.add(key)
            items.append(
                Coverage(
                    days_per_week=days,
                    hours_per_day=hours,
                    scope=scope,
                    evidence=ctx.unit_evidence(unit),
                    rule=rule,
                    window=window or stated_window(ctx.rules, unit.text, hours, ctx.language),
                )
            )
    return items


FIELD = FieldSpec(
    name="coverage",
    term="coverage",
    roles=roles(
        "coverage",
        "prefilter",
        "veto",
        "context",
        "weekdays_all_day",
        "all_day",
        "grid",
        "hours_days",
        "window",
        "days",
        response_times=("label",),
    ),
    title="Support coverage",
    columns=("days × hours", "scope", "page", "evidence"),
    cells_fn=lambda c: [f"{c.days_per_week} × {c.hours_per_day:g}", c.scope or "", page(c.evidence), quote(c.evidence)],
    extract_fn=lambda ctx, found: {"coverage": extract(ctx)},
    score_fn=lambda item: (num(item["days_per_week"]), num(item["hours_per_day"])),
    id_areas=("coverage",),
    value_keys=frozenset({"days_per_week", "hours_per_day"}),
)
