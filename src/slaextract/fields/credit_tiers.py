"""service_credits: tiers of credit against availability bands, from tables and prose."""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..model import Evidence, ServiceCredit
from ..normalize.numbers import parse_number
from ..normalize.percentages import percents
from .base import FieldSpec, num, page, roles
from .context import Context, Unit
from .tables import grid_of


def below_values(ctx: Context, text: str) -> list[tuple[float, int, int]]:
    """(threshold, start, end) of every "below X%" band top in text, in order, not overlapping."""
    out: list[tuple[float, int, int]] = []
    for rule in ctx.rules.get("service_credits", "below", ctx.language):
        for m in rule.finditer(text):
            v = parse_number(m.group("pct"))
            if v is not None and 50 <= v <= 100 and not any(s < m.end() and m.start() < e for _, s, e in out):
                out.append((v, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


# The top of a band written as "below the commitment": it stands for the availability the document
# promises, which replaces it once availability is extracted (resolve_commitment).
PROMISED_LEVEL = -1.0


def threshold_of(ctx: Context, cell: str) -> float | None:
    """The upper bound of an availability band: '< 99.9% but ≥ 99%' → 99.9, '99.0% – < 99.9%' → 99.9,
    'below the committed level' → PROMISED_LEVEL."""
    return ctx.once("thresholds", cell, lambda: band_top(ctx, cell))


def band_top(ctx: Context, cell: str) -> float | None:
    if ctx.rules.search_any("service_credits", "below_commitment", cell, ctx.language):
        return PROMISED_LEVEL
    below = below_values(ctx, cell)
    if below:
        return below[0][0]
    vals = [v for v, _, _ in percents(cell) if 50 <= v <= 100]
    if len(vals) >= 2:
        return closed_band_top(max(vals))
    return None


def closed_band_top(value: float) -> float:
    """A closed band written to two decimals ("99.00% – 99.89%") ends just under the next band:
    its threshold is 99.9. A band's own figure otherwise ("99.0% – 99.9%")."""
    hundredths = round(value * 100)
    if abs(value * 100 - hundredths) < 1e-6 and hundredths % 10 in (4, 9):
        return round((hundredths + 1) / 100, 2)
    return value


def credit_value(cell: str) -> float | None:
    vals = [v for v, _, _ in percents(cell) if 0 < v <= 100]
    if vals:
        return vals[-1]
    m = regex.search(r"(?<![\d.])(\d{1,3})(?![\d.%])", cell, timeout=REGEX_TIMEOUT)
    return float(m.group(1)) if m and 0 < float(m.group(1)) <= 100 else None


def tiers_from_table(ctx: Context, index: int, committed: list[float]) -> list[tuple[float, float, Evidence, str]]:
    """Rows of availability bands against credits. Threshold columns hold bands ('< 99.9%',
    '99.0% – < 99.9%'); credit columns are named for credits or, in a credit table (its caption
    or header says so), are the other columns holding percentages (one per plan or service)."""
    grid = grid_of(ctx, index)
    if grid.n_rows < 2:
        return []
    # the header is every row above the first availability band (titles and merged headers too)
    first = next(
        (
            r
            for r in range(grid.n_rows)
            if any(threshold_of(ctx, grid.cell(r, c)) is not None for c in range(grid.n_cols))
        ),
        1,
    )
    first = max(first, 1)
    body = range(first, grid.n_rows)
    header = [" ".join(grid.cell(h, c) for h in range(first)) for c in range(grid.n_cols)]
    is_credit = lambda text: ctx.rules.search_any("service_credits", "credit", text, ctx.language) is not None  # noqa: E731
    threshold_cols = [
        c
        for c in range(grid.n_cols)
        if sum(threshold_of(ctx, grid.cell(r, c)) is not None for r in body) * 2 >= len(body)
    ]
    credit_cols = [c for c, h in enumerate(header) if is_credit(h) and c not in threshold_cols]
    if (
        not credit_cols
        and threshold_cols
        and (
            is_credit(" ".join(header))
            or any(is_credit(t) for t in grid.captions[:1])
            or any(is_credit(grid.row_text(r)) for r in body)
        )
    ):
        credit_cols = [
            c for c in range(grid.n_cols) if c not in threshold_cols and any(percents(grid.cell(r, c)) for r in body)
        ]
    if not credit_cols:
        return []
    out = []
    for r in body:
        thresholds = [
            t
            for c in range(grid.n_cols)
            if c not in credit_cols
            for t in [threshold_of(ctx, grid.cell(r, c))]
            if t is not None
        ]
        if not thresholds:
            vals = [v for c in range(grid.n_cols) if c not in credit_cols for v, _, _ in percents(grid.cell(r, c))]
            thresholds = [max(vals)] if vals else []
        for k, c in enumerate(credit_cols):
            credit = credit_value(grid.cell(r, c))
            if credit is None:
                continue
            for t in resolve_commitment(thresholds, committed, k, len(credit_cols)):
                out.append((t, credit, grid.row_evidence(ctx, r), "any.credits.table"))
    return out


def resolve_commitment(thresholds: list[float], committed: list[float], column: int, columns: int) -> list[float]:
    """Replace PROMISED_LEVEL by the promised availability: one per credit column when the document
    promises one figure per column (one per service), else every figure it promises."""
    out = [t for t in thresholds if t != PROMISED_LEVEL]
    if PROMISED_LEVEL in thresholds and committed:
        out += [committed[column]] if len(committed) == columns else committed
    return out


def tiers_from_sentence(ctx: Context, unit: Unit) -> list[tuple[float, float, Evidence, str]]:
    text = unit.text
    if not ctx.rules.search_any("service_credits", "credit", text, ctx.language) and not band_list_under_credits(
        ctx, unit
    ):
        return []
    if ctx.rules.search_any("service_credits", "veto", text, ctx.language):
        return []
    out = []
    # each "below X%" starts a tier; its credit is the first other percentage (not a band's floor)
    # before the next tier starts or, when the sentence names the credit first ("10% of the fees, where uptime is below
    # 99.9%"), the percentage before the threshold
    bands = below_values(ctx, text)
    if not bands:
        return out
    # a percentage under 90 before the first band is a credit named first (uptime figures are higher)
    credit_first = any(v < 90 for v, _, _ in percents(text[: bands[0][1]]))
    for i, (below, start, end) in enumerate(bands):
        if credit_first:
            # "10% of the fees, where uptime is below 99.9% …; 25% …, where it is below 99.0%"
            segment = text[bands[i - 1][2] if i else 0 : start]
            floors = floor_values(ctx, segment)
            vals = [v for v, _, _ in percents(segment) if v not in floors]
            credit = vals[-1] if vals else None
        else:
            segment = text[end : bands[i + 1][1] if i + 1 < len(bands) else len(text)]
            floors = floor_values(ctx, segment)
            vals = [v for v, _, _ in percents(segment) if v not in floors and v != below]
            credit = vals[0] if vals else None
        if credit is not None and 0 < credit <= 100:
            out.append((below, credit, ctx.unit_evidence(unit), "any.credits.prose"))
    return out


def band_list_under_credits(ctx: Context, unit: Unit) -> bool:
    """A list of several bands ("from 99.5% up to 99.95% 5% / from 99.0% …") under a sentence
    that says they are credits."""
    before = ctx.units[unit.index - 1].text if unit.index else ""
    return len(below_values(ctx, unit.text)) >= 2 and bool(
        ctx.rules.search_any("service_credits", "credit", before, ctx.language)
    )


def floor_values(ctx: Context, text: str) -> set[float]:
    found = set()
    for rule in ctx.rules.get("service_credits", "floor", ctx.language):
        for m in rule.finditer(text):
            raw = m.groupdict().get("pct") or m.groupdict().get("pct2") or m.groupdict().get("pct3")
            v = parse_number(raw) if raw else None
            if v is not None:
                found.add(v)
    return found


def extract_tiers(ctx: Context, availability: list[float] | None = None) -> list[ServiceCredit]:
    found = []
    credit_tables = set()
    for t in ctx.table_indexes():
        tiers = tiers_from_table(ctx, t, availability or [])
        found += tiers
        if tiers:
            credit_tables.add(t)
    for unit in ctx.units:
        # a row of a table that is not itself a credit table may hold tiers as prose in a cell
        if not unit.is_row or unit.block.table not in credit_tables:
            found += tiers_from_sentence(ctx, unit)
    items, seen = [], set()
    for below, credit, ev, rule in found:
        if (below, credit) in seen or credit == below:
            continue
        seen.add((below, credit))
        items.append(ServiceCredit(below_percent=below, credit_percent=credit, evidence=ev, rule=rule))
    return items


FIELD = FieldSpec(
    name="service_credits",
    term="service_credits",
    roles=roles("service_credits", "credit", "below", "below_commitment", "floor", "veto"),
    title="Service credits",
    columns=("below", "credit", "page"),
    cells_fn=lambda s: [f"{s.below_percent:g}%", f"{s.credit_percent:g}%", page(s.evidence)],
    extract_fn=lambda ctx, found: {"service_credits": extract_tiers(ctx, [a.percent for a in found["availability"]])},
    score_fn=lambda item: (num(item["below_percent"]), num(item["credit_percent"])),
    id_areas=("credits",),
    value_keys=frozenset({"below_percent", "credit_percent"}),
    needs=("availability",),
)
