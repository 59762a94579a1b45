"""availability: the uptime commitment, with its measurement period."""

from __future__ import annotations

import regex

from ..model import Availability
from ..normalize.numbers import parse_number
from .context import Context, Unit
from ..limits import REGEX_TIMEOUT

PERCENT = regex.compile(r"(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|(?i:\s?per\s?cent\b))|百分之(?P<zh>[零一二两三四五六七八九十百点]+)")
PERIOD_ORDER = ("quarter", "year", "month")


def percents(text: str) -> list[tuple[float, int, int]]:
    out = []
    for m in PERCENT.finditer(text, timeout=REGEX_TIMEOUT):
        v = float(m.group("n")) if m.group("n") else parse_number(m.group("zh"))
        if v is not None:
            out.append((v, m.start(), m.end()))
    return out


FORMULA = regex.compile(r"\s*(?:minus|less|-|−|–)\s")
TIMES = regex.compile(r"[×*xX÷/=]\s*$")


def in_formula(text: str, start: int, end: int) -> bool:
    """'100% minus the downtime share', '× 100%': arithmetic in a definition, not a promise."""
    return bool(FORMULA.match(text, end, timeout=REGEX_TIMEOUT) or TIMES.search(text[max(0, start - 3) : start], timeout=REGEX_TIMEOUT))


def period_of(ctx: Context, text: str) -> str | None:
    for period in PERIOD_ORDER:
        for rule in ctx.rules.get("availability", "period", ctx.language):
            if (rule.spec.value or {}).get("period") == period and rule.search(text):
                return period
    return None


def commitments(ctx: Context, unit: Unit) -> list[tuple[float, str]]:
    text = unit.text
    found = []
    subject = ctx.rules.search_any("availability", "subject", text, ctx.language)
    if unit.is_row:
        return row_commitments(ctx, unit)
    if subject is None:
        return []
    for value, s, e in percents(text):
        if not 90 <= value <= 100 or (99.99999 <= value < 100) or in_formula(text, s, e):
            continue
        window = clause(text, s, e)
        if ctx.rules.search_any("availability", "negative", window, ctx.language):
            continue
        if not ctx.rules.search_any("availability", "commitment", window, ctx.language) and not unit.is_row:
            continue
        if not ctx.rules.search_any("availability", "subject", window, ctx.language) and not unit.is_row:
            continue
        found.append((value, subject[0].id))
    return found


def clause(text: str, start: int, end: int) -> str:
    """The stretch of a sentence a percentage belongs to (between clause punctuation)."""
    right_candidates = [i for i in (text.find(p, end) for p in ";；。") if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    # what follows a figure matters only nearby ("99.9%, which is not a commitment")
    return text[_clause_left(text, start) : min(right, end + 60)]


def _clause_left(text: str, start: int) -> int:
    cut = max(text.rfind(p, 0, start) for p in ";；。")
    return cut + 1


def row_commitments(ctx: Context, unit: Unit) -> list[tuple[float, str]]:
    """Percentages in the cells of a commitment row that sit under an availability column
    (or, for a row labelled as the commitment, anywhere in the row)."""
    table = ctx.doc.tables[unit.block.table]  # type: ignore[index]
    header = [ctx.cell_clean(c) for c in table.rows[0]]
    row = table.rows[unit.block.row]  # type: ignore[index]
    columns = [i for i, h in enumerate(header) if ctx.rules.search_any("availability", "subject", h, ctx.language)]
    cells = [ctx.cell_clean(row[i]) for i in (columns or range(len(row))) if i < len(row)]
    out = []
    for cell in cells:
        if ctx.rules.search_any("availability", "negative", cell, ctx.language):
            continue
        out += [(v, "any.availability.table") for v, _, _ in percents(cell) if 90 <= v < 100]
    return out


def extract(ctx: Context) -> list[Availability]:
    items: list[Availability] = []
    seen: set = set()
    for unit in ctx.units:
        if unit.is_row and not row_is_commitment(ctx, unit):
            continue
        for value, rule in commitments(ctx, unit):
            scope = None
            key = (value, scope)
            if key in seen:
                continue
            seen.add(key)
            items.append(Availability(percent=value, period=period_of(ctx, unit.text) or period_of(ctx, heading_or_caption(ctx, unit)),  # type: ignore[arg-type]
                                      scope=scope, evidence=ctx.unit_evidence(unit), rule=rule))
    return items


def heading_or_caption(ctx: Context, unit: Unit) -> str:
    return " ".join(u.text for u in ctx.units[max(unit.index - 3, 0) : unit.index])


def row_is_commitment(ctx: Context, unit: Unit) -> bool:
    """A table row commits to availability when its table is not a credit table."""
    table = ctx.doc.tables[unit.block.table] if unit.block.table is not None else None
    if table is None or not table.rows:
        return False
    header = " ".join(ctx.cell_clean(c) for c in table.rows[0])
    if ctx.rules.search_any("service_credits", "credit", header, ctx.language):
        return False
    # the column header names availability, or the row itself is labelled as a commitment
    label = ctx.cell_clean(table.rows[unit.block.row][0]) if unit.block.row is not None and table.rows[unit.block.row] else ""
    return ctx.rules.search_any("availability", "subject", header, ctx.language) is not None or (
        ctx.rules.search_any("availability", "subject", label, ctx.language) is not None
        and ctx.rules.search_any("availability", "commitment", label, ctx.language) is not None)
