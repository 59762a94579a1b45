"""availability: the uptime commitment, with its measurement period."""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment, marks
from ..model import Availability
from ..normalize.numbers import parse_number
from ..normalize.percentages import percents
from .base import FieldSpec, num, page, quote, roles
from .context import Context, Unit
from .tables import grid_of

BAND = regex.compile(
    rf"(?i)^\s*(?:<|≤|{fragment('below_word')})|\d\s*%?\s*(?:–|—|-|~|{fragment('range_word')})\s*[<≤]?\s*\d{{2}}(?:\.\d+)?\s*%"
)
CLAUSE_END = marks("clause_end")
COMMA = regex.compile(rf"[{chars('comma')}]")
PERIOD_ORDER = ("quarter", "year", "month")


FORMULA = regex.compile(rf"\s*(?:-|−|–|{fragment('formula_minus')})\s")
TIMES = regex.compile(r"[×*xX÷/=]\s*$")


def in_formula(text: str, start: int, end: int) -> bool:
    """'100% minus the downtime share', '× 100%': arithmetic in a definition, not a promise."""
    return bool(
        FORMULA.match(text, end, timeout=REGEX_TIMEOUT)
        or TIMES.search(text[max(0, start - 3) : start], timeout=REGEX_TIMEOUT)
    )


def period_of(ctx: Context, text: str) -> str | None:
    for period in PERIOD_ORDER:
        for rule in ctx.rules.get("availability", "period", ctx.language):
            if (rule.spec.value or {}).get("period") == period and rule.search(text):
                return period
    return None


def plausible(value: float) -> bool:
    """An uptime promise: 90–100 %, but not a durability figure of many nines."""
    return 90 <= value <= 100 and not 99.99999 <= value < 100


def commitments(ctx: Context, unit: Unit) -> list[tuple[float, str]]:
    """Percentages a sentence commits to: beside an availability word and a commitment word in
    the same clause, with nothing nearby that makes it a history, objective, band or trigger."""
    text = unit.text
    subject = ctx.rules.search_any("availability", "subject", text, ctx.language)
    if subject is None:
        return []
    found = []
    for value, s, e in percents(text):
        if not plausible(value) or in_formula(text, s, e):
            continue
        window = clause(ctx, text, s, e)
        if (
            ctx.rules.search_any("availability", "veto", window, ctx.language)
            or not ctx.rules.search_any("availability", "commitment", window, ctx.language)
            or not ctx.rules.search_any("availability", "subject", window, ctx.language)
        ):
            continue
        found.append((value, subject[0].id))
    return found


STATED_OUTRIGHT = ("no_credit_band", "time_share")


def stated_outright(ctx: Context, unit: Unit) -> list[tuple[float, str]]:
    """Commitments that need no availability word: the top band of a credit ladder, the one that
    earns no credit ("≥ 99.95%: no credit"), and a service promised for a share of the month
    ("will accept telemetry for at least 99.9% of each month")."""
    out = []
    for rule in (r for role in STATED_OUTRIGHT for r in ctx.rules.get("availability", role, ctx.language)):
        for m in rule.finditer(unit.text):
            value = parse_number(m.group("pct"))
            if value is not None and plausible(value):
                out.append((value, rule.id))
    return out


def clause(ctx: Context, text: str, start: int, end: int) -> str:
    """The stretch of a sentence a percentage belongs to (between clause punctuation). What
    follows the figure matters only nearby ("99.9%, which is not a commitment"), and not past a
    comma that opens a clause of its own ("…, if it is missed, a credit is due"): that clause's
    words are about something else."""
    right_candidates = [i for i in (text.find(p, end) for p in CLAUSE_END) if i != -1]
    right = min(min(right_candidates) if right_candidates else len(text), end + 120)
    for comma in COMMA.finditer(text[end:right], timeout=REGEX_TIMEOUT):
        after = text[end + comma.end() : right]
        if ctx.rules.search_any("availability", "new_clause", after, ctx.language):
            right = end + comma.start()
            break
    return text[_clause_left(text, start) : right]


def _clause_left(text: str, start: int) -> int:
    cut = max(text.rfind(p, 0, start) for p in CLAUSE_END)
    return cut + 1


def commitment_columns(ctx: Context, table_index: int) -> list[int]:
    """Columns of a table that holds credits beside the commitments ("Product | Committed value |
    Monthly availability | Credit"): those headed by a commitment word, when the table's
    caption or another header names availability."""
    grid = grid_of(ctx, table_index)
    header = grid.drawn_row(0)
    captions = " ".join(grid.captions[:2])
    about_availability = any(says(ctx, "subject", t) for t in [*header, captions])
    return [
        i
        for i, h in enumerate(header)
        if about_availability
        and says(ctx, "commitment", h)
        and not ctx.rules.search_any("service_credits", "credit", h, ctx.language)
    ]


def says(ctx: Context, role: str, text: str) -> bool:
    return ctx.rules.search_any("availability", role, text, ctx.language) is not None


def side_by_side_commitments(ctx: Context, unit: Unit) -> list[tuple[float, str]]:
    if unit.block.row == 0:
        return []
    row = grid_of(ctx, unit.block.table).drawn_row(unit.block.row)  # type: ignore[arg-type]
    out = []
    for i in commitment_columns(ctx, unit.block.table):  # type: ignore[arg-type]
        cell = row[i] if i < len(row) else ""
        if BAND.search(cell, timeout=REGEX_TIMEOUT) or says(ctx, "veto", cell):
            continue
        out += [(v, "any.availability.table") for v, _, _ in percents(cell) if plausible(v)]
    return out


def row_commitments(ctx: Context, unit: Unit) -> list[tuple[float, str]]:
    """Percentages in the cells of a commitment row that sit under an availability column
    (or, for a row labelled as the commitment, anywhere in the row)."""
    grid = grid_of(ctx, unit.block.table)  # type: ignore[arg-type]
    header = grid.drawn_row(0)
    row = grid.drawn_row(unit.block.row)  # type: ignore[arg-type]
    # a first row with one filled cell is the table's title ("SLA Key Terms"), not column headers
    titled = sum(1 for h in header if h) < 2
    columns = (
        [] if titled else [i for i, h in enumerate(header) if says(ctx, "subject", h) and not says(ctx, "veto", h)]
    )
    # beside a committed column, a measured or past one is no promise ("承诺值 | 2025年实测可用性")
    columns = [i for i in columns if says(ctx, "commitment", header[i])] or columns
    cells = [row[i] for i in (columns or range(len(row))) if i < len(row)]
    if any(BAND.search(c, timeout=REGEX_TIMEOUT) for c in row):
        return []  # a band of a credit table ("Under 99.5%", "99.0% – 99.5%"), not a promise
    out = []
    for cell in cells:
        if says(ctx, "veto", cell):
            continue
        out += [(v, "any.availability.table") for v, _, _ in percents(cell) if plausible(v)]
    return out


def extract(ctx: Context) -> list[Availability]:
    items: list[Availability] = []
    unscoped: list[tuple[Availability, Unit]] = []
    seen: dict = {}  # (value, scope) -> index of its item
    for unit in ctx.units:
        if unit.is_row:
            if row_is_commitment(ctx, unit):
                found = row_commitments(ctx, unit)
            else:
                found = side_by_side_commitments(ctx, unit)
            scope = row_label(ctx, unit)
        else:
            found, scope = commitments(ctx, unit), None
        found = found or stated_outright(ctx, unit)
        if scope is not None and says(ctx, "term_label", scope):
            scope = None  # "Target Availability" names the promise, not a product or plan
        for value, rule in found:
            if (value, scope) in seen:
                prefer_firm_evidence(ctx, items[seen[(value, scope)]], unit)
                continue
            seen[(value, scope)] = len(items)
            period = period_of(ctx, unit.text) or period_of(ctx, text_above(ctx, unit))
            items.append(
                Availability(
                    percent=value,
                    period=period,
                    scope=scope,  # type: ignore[arg-type]
                    evidence=ctx.unit_evidence(unit),
                    rule=rule,
                )
            )
            if scope is None and not unit.is_row:
                unscoped.append((items[-1], unit))
    name_what_each_covers(ctx, unscoped)
    return items


def name_what_each_covers(ctx: Context, unscoped: list[tuple[Availability, Unit]]) -> None:
    """Several different figures promised in prose are for different things (a single instance
    and a multi-zone deployment; two products): each takes as scope the heading it sits under,
    or else the words of its clause before the figure, so that no one reads them as a conflict."""
    if len({item.percent for item, _ in unscoped}) < 2:
        return
    headings = [section_title(ctx, unit) for _, unit in unscoped]
    by_heading = len(set(headings)) == len(unscoped) and None not in headings
    for (item, unit), heading in zip(unscoped, headings, strict=True):
        item.scope = heading if by_heading else words_before(unit.text, item.percent)


def section_title(ctx: Context, unit: Unit) -> str | None:
    path = ctx.sections.path(unit.block_text.raw_span(unit.start, unit.end)[0])
    return path[-1].title if path else None


def words_before(text: str, percent: float) -> str | None:
    at = next((s for v, s, _ in percents(text) if v == percent), None)
    if at is None:
        return None
    lead = text[_clause_left(text, at) : at].strip()
    return lead[-60:].strip() or None


def prefer_firm_evidence(ctx: Context, item: Availability, unit: Unit) -> None:
    """The same figure stated again: a clause that states it as the target is better evidence
    than one that promises it only on reasonable efforts."""
    if says(ctx, "hedge", item.evidence.text) and not says(ctx, "hedge", unit.text):
        item.evidence = ctx.unit_evidence(unit)


def row_label(ctx: Context, unit: Unit) -> str | None:
    """What a commitment row is about (its first cell: a service, a plan)."""
    row = grid_of(ctx, unit.block.table).drawn_row(unit.block.row)  # type: ignore[arg-type]
    return (row[0] or None) if row else None


def text_above(ctx: Context, unit: Unit) -> str:
    return " ".join(u.text for u in ctx.units[max(unit.index - 3, 0) : unit.index])


def row_is_commitment(ctx: Context, unit: Unit) -> bool:
    """A table row commits to availability when its table is not a credit table."""
    grid = grid_of(ctx, unit.block.table) if unit.block.table is not None else None
    if grid is None or not grid.cells:
        return False
    header = " ".join(grid.drawn_row(0))
    if ctx.rules.search_any("service_credits", "credit", header, ctx.language):
        return False
    label = row_label(ctx, unit) or ""
    # the column header names availability, or the row names it and the row or header commits
    # ("供电可用性 | 承诺值 99.995%")
    return says(ctx, "subject", header) or (
        says(ctx, "subject", label) and (says(ctx, "commitment", label) or says(ctx, "commitment", header))
    )


FIELD = FieldSpec(
    name="availability",
    term="availability",
    roles=roles(
        "availability",
        "subject",
        "commitment",
        "period",
        "veto",
        "new_clause",
        "no_credit_band",
        "time_share",
        "hedge",
        "term_label",
        service_credits=("credit",),
    ),
    title="Availability",
    columns=("percent", "period", "scope", "page", "evidence"),
    cells_fn=lambda a: [f"{a.percent:g}%", a.period or "", a.scope or "", page(a.evidence), quote(a.evidence)],
    extract_fn=lambda ctx, found: {"availability": extract(ctx)},
    score_fn=lambda item: num(item["percent"]),
    id_areas=("availability",),
    value_keys=frozenset({"percent"}),
)
