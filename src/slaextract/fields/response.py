"""response_times: per-priority targets from tables (a row per priority, columns per kind or plan) and prose."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..lexicon import chars, fragment, lexicon
from ..limits import REGEX_TIMEOUT
from ..match.text import clean
from ..model import Evidence, ResponseTime
from ..normalize.durations import to_minutes, unit_pattern
from ..normalize.numbers import numeral_chars
from ..rules import fragments
from .context import Context, Unit
from .priorities import Label, Ladder, defined_ladder, find_labels, label_of, names_a_ladder
from .tables import TableGrid, grid_of, header_guess, title_rows

MAX_MINUTES = 60 * 24 * 31  # a response target longer than a month is not a support target
# a clause ends at a semicolon or full stop, or at a comma before another figure
CLAUSE = regex.compile(
    rf"[{chars('clause_end')}]|[{chars('comma')}](?=\s*(?:{fragment('and_word')}\s+)?(?:[^{chars('comma')}]{{0,40}}"
    rf"(?:\d|[{regex.escape(numeral_chars())}]|\b{fragment('clause_numbers')}\b)))",
    regex.I,
)
# "every 4 hours", "每两小时": a cadence, so a status update, whatever outcome the sentence names
CADENCE_BEFORE = regex.compile(rf"(?i){fragment('cadence')}\s*$")
NON_TARGET_HEADER = regex.compile(fragment("non_target_header"), regex.I)
COVERAGE_AROUND = regex.compile(
    # "24 hours a day", "24x7", "24/7" (a slash only when it joins two numbers: "15分钟 / 15 minutes"
    # is one target written twice)
    rf"(?i){fragment('staffing_after')}|\s*[x×*]\s*\d|/\d"
)
BUSINESS_AFTER = regex.compile(fragment("business_after"))
COVERAGE_BEFORE = regex.compile(rf"(?:[x×*]\s*|\d/|{fragment('staffing_before')})$")
REFERENCE_POINT = regex.compile(rf"(?i){fragment('reference_point')}")
SENTENCE_VETOES = ("example", "off_topic")  # a worked example, a complaint or dispute procedure
TARGET_NOUN = regex.compile(rf"(?i)\s*{fragment('target_noun')}")
FOOTNOTE_MARK = regex.compile(r"(?<=[a-z\p{Han}])\d{1,2}\b")  # "Response3": a footnote reference
HEADER_NOISE = regex.compile(rf"(?i){fragment('header_noise')}|[()/:|]")  # what a header says besides its scope
BUSINESS_HOURS = regex.compile(rf"(?i){fragment('business_hours')}")
ALTERNATIVE_FIX = regex.compile(rf"(?i){fragment('alternative_fix')}")
KIND_ORDER = ("update", "restoration", "resolution", "response")


@dataclass(slots=True)
class Candidate:
    label: Label | None
    kind: str
    minutes: float
    business: bool
    scope: str | None
    evidence: Evidence
    rule: str


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    value: str
    rule: str


def kinds_in(ctx: Context, text: str) -> list[Hit]:
    """Kind keywords, non-overlapping, the more specific kind winning (临时解决方案 is restoration)."""
    hits: list[Hit] = []
    for kind in KIND_ORDER:
        for rule in ctx.rules.get("response_times", "kind", ctx.language):
            if (rule.spec.value or {}).get("kind") != kind:
                continue
            for m in rule.finditer(text):
                if m.end() > m.start() and not any(m.start() < h.end and h.start < m.end() for h in hits):
                    hits.append(Hit(m.start(), m.end(), kind, rule.id))
    return sorted(hits, key=lambda h: h.start)


@cache
def duration_regex() -> regex.Pattern:
    return regex.compile(fragments()["duration"], regex.I)


def durations_in(ctx: Context, text: str) -> list[tuple[int, int, float, bool, str]]:
    """(start, end, minutes, business, rule) for every duration in text, fixed phrases included."""
    out = []
    try:
        for m in duration_regex().finditer(text, timeout=REGEX_TIMEOUT):
            if COVERAGE_AROUND.match(text, m.end(), timeout=REGEX_TIMEOUT) or COVERAGE_BEFORE.search(
                text[max(0, m.start() - 3) : m.start()], timeout=REGEX_TIMEOUT
            ):
                continue  # "24 hours a day, 7 days a week", 7×24小时: a staffing window, not a target
            got = to_minutes(m.group("amount"), m.group("unit"))
            if got and 0 < got[0] <= MAX_MINUTES:
                business = got[1] or bool(BUSINESS_AFTER.match(text, m.end(), timeout=REGEX_TIMEOUT))
                out.append((m.start(), m.end(), got[0], business, "any.duration"))
    except TimeoutError:
        pass  # pathological text: keep what was found so far
    for rule in ctx.rules.get("response_times", "fixed_duration", ctx.language):
        for m in rule.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, *_ in out):
                v = rule.spec.value or {}
                out.append((m.start(), m.end(), float(v["minutes"]), bool(v.get("business_time")), rule.id))
    return sorted(out)


def vetoed(ctx: Context, text: str) -> bool:
    return ctx.rules.search_any("response_times", "negative", text, ctx.language) is not None


def not_a_target(ctx: Context, text: str) -> bool:
    return ctx.rules.search_any("response_times", "not_target", text, ctx.language) is not None


def scope_from_header(ctx: Context, header: str) -> str | None:
    text = header
    for h in reversed(kinds_in(ctx, header)):
        text = text[: h.start] + text[h.end :]
    text = HEADER_NOISE.sub(" ", text, timeout=REGEX_TIMEOUT)
    text = " ".join(text.split())
    return text or None


# ---------------------------------------------------------------- tables


def from_table(ctx: Context, grid: TableGrid) -> list[Candidate]:
    """Every timed cell of a table, its priority from the row (or the cell, or the column header)
    and its kind from the column header (or the row label, the cell itself, or the table's caption)."""
    names = [row_name(ctx, grid, r) for r in range(grid.n_rows)]
    guess = header_guess(grid)
    ladder_header = " ".join(grid.cell(h, 0) for h in guess if h >= title_rows(grid))
    row_labels = [None if r in guess else label_of_row(ctx, grid, names, r, ladder_header) for r in range(grid.n_rows)]
    labelled = [r for r in range(grid.n_rows) if row_labels[r]]
    header_rows = list(range(0, labelled[0])) if labelled else guess
    if not labelled:
        row_labels = table_ladder(ctx, grid, header_rows, ladder_header) or row_labels
        labelled = [r for r in range(grid.n_rows) if row_labels[r]]
    headers = [FOOTNOTE_MARK.sub("", " ".join(grid.cell(h, c) for h in header_rows), timeout=REGEX_TIMEOUT)
               for c in range(grid.n_cols)]
    default_kind = caption_kind(ctx, grid)
    previous = continued_header(ctx, grid, headers)
    if previous is not None:
        headers, default_kind = previous
    ctx.memo.setdefault("table_headers", {})[grid.index] = (headers, default_kind)
    out: list[Candidate] = []
    for r in range(header_rows[-1] + 1 if header_rows else 0, grid.n_rows):
        if vetoed(ctx, grid.cell(r, 0)):
            continue  # a deliverable row ("incident report within 5 days"), not a target
        row_label = row_labels[r]
        row_kinds = kinds_in(ctx, names[r])
        for c in range(1, grid.n_cols):
            header = headers[c]
            header_kinds = kinds_in(ctx, header) or abbreviated_kinds(ctx, header)
            if NON_TARGET_HEADER.search(header, timeout=REGEX_TIMEOUT) and not header_kinds:
                continue
            cell = grid.cell(r, c)
            entries = cell_entries(grid.raw(r, c))
            if entries:
                kind = (header_kinds or row_kinds or [None])[0]
                out += from_entries(ctx, entries, row_label, kind.value if kind else default_kind, grid, r)
                continue
            if not cell or not_a_target(ctx, cell):
                continue
            found = durations_in(ctx, cell) or bare_number_in_unit_column(cell, header)
            if not found:
                continue
            col_label = label_of(header, ctx.rules, ctx.language)
            in_cell = find_labels(cell, ctx.rules, ctx.language)
            inner = kinds_in(ctx, cell)
            scope = scope_from_header(ctx, header) if header_kinds else (header or None)
            if col_label is not None:
                scope = scope_from_header(ctx, grid.cell(r, 0)) or None
            ev = grid.row_evidence(ctx, r)
            fallback = (header_kinds or row_kinds or [None])[0]
            fallback_kind = fallback.value if fallback else default_kind
            if not in_cell and not inner:
                # one target per cell: a range or "15 minutes – 1 hour" takes its upper bound
                label = row_label or col_label
                plan_row = label is None and not labelled and bool(header_kinds)
                if (label is None and not plan_row) or fallback_kind is None:
                    continue
                if plan_row:
                    # no ladder in the table: one target for every request of the plan the row names
                    scope = grid.cell(r, 0) or scope
                _, _, minutes, business, rule = max(found, key=lambda d: d[2])
                out.append(Candidate(label, fallback_kind, minutes, business, scope, ev, rule))
                continue
            for start, end, minutes, business, rule in found:
                if not_a_target(ctx, cell[max(0, start - 12) : start]):
                    continue
                label = next((lab for lab in reversed(in_cell) if lab.end <= start), None) or row_label or col_label
                kind = nearest_kind(ctx, cell, inner, start, end) if inner else None
                kind_value = kind.value if kind else fallback_kind
                if label is None or kind_value is None:
                    continue
                out.append(Candidate(label, kind_value, minutes, business, scope, ev, rule))
    return out


COLON = chars("colon")
ENTRY = regex.compile(rf"^\s*(?P<name>[^\s{COLON}|]{{1,16}}(?:\s[^\s{COLON}|]{{1,16}}){{0,2}})\s*[{COLON}]")


ABBREVIATION = regex.compile(r"(?P<term>\b[A-Z][\w -]{2,40}?)\s*\((?P<abbr>[A-Z]{2,5})\)")
ABBREVIATION_USE = regex.compile(r"\b[A-Z]{2,5}\b")


def abbreviated_kinds(ctx: Context, header: str) -> list[Hit]:
    """Kinds behind abbreviations the document defines ("Response time (RT) is …" makes a
    column headed "Maximum RT" a response column)."""
    if "abbreviations" not in ctx.memo:
        ctx.memo["abbreviations"] = defined_abbreviations(ctx)
    table: dict[str, Hit] = ctx.memo["abbreviations"]
    return [table[m.group(0)] for m in ABBREVIATION_USE.finditer(header, timeout=REGEX_TIMEOUT) if m.group(0) in table]


def defined_abbreviations(ctx: Context) -> dict[str, Hit]:
    """Abbreviation → the kind its definition names: in the term itself, else in the rest of
    the sentence that defines it."""
    out: dict[str, Hit] = {}
    for unit in ctx.units:
        if unit.is_row or "(" not in unit.text:
            continue
        for m in ABBREVIATION.finditer(unit.text, timeout=REGEX_TIMEOUT):
            kinds = kinds_in(ctx, m.group("term")) or kinds_in(ctx, unit.text[m.end() :])
            if kinds and m.group("abbr") not in out:
                out[m.group("abbr")] = kinds[0]
    return out


def label_of_row(ctx: Context, grid: TableGrid, names: list[str], r: int, ladder_header: str) -> Label | None:
    """A row's priority: named in its leading cells, or a bare number under a column that names
    the ladder ("Severity" over "4", "级别" over "2")."""
    lab = label_of(names[r], ctx.rules, ctx.language)
    first = grid.cell(r, 0)
    if lab is None and ladder_header and 0 < len(first) <= 4:
        lab = label_of(f"{ladder_header} {first}", ctx.rules, ctx.language)
    return lab


def timed_row(ctx: Context, grid: TableGrid, r: int, headers: list[int]) -> bool:
    header = [" ".join(grid.cell(h, c) for h in headers) for c in range(grid.n_cols)]
    return any(
        durations_in(ctx, grid.cell(r, c)) or bare_number_in_unit_column(grid.cell(r, c), header[c])
        for c in range(1, grid.n_cols)
    )


def table_ladder(
    ctx: Context, grid: TableGrid, header_rows: list[int], ladder_header: str
) -> list[Label | None] | None:
    """Rows a table ranks by its own words ("Impact": System down / Degraded / Question): the
    first column is a ladder the document defines, ordered by its rows and their severity cues."""
    if not names_a_ladder(ladder_header):
        return None
    rows = [r for r in range(grid.n_rows) if r not in header_rows and timed_row(ctx, grid, r, header_rows)]
    if len(rows) < 2:
        return None
    titles = [grid.cell(r, 0) for r in rows]
    descriptions = [" ".join(grid.cell(r, c) for c in range(1, grid.n_cols)) for r in rows]
    ladder = defined_ladder(titles, ctx.rules, ctx.language, descriptions, named=True)
    if ladder is None:
        return None
    out: list[Label | None] = [None] * grid.n_rows
    for r, lab in zip(rows, ladder, strict=True):
        out[r] = lab
    return out


def continued_header(ctx: Context, grid: TableGrid, headers: list[str]) -> tuple[list[str], str | None] | None:
    """A table that opens with data rows and has the column count of the table before it is that
    table continued (its header was left on the previous page): it takes that header."""
    if any(h.strip() for h in headers) or grid.index == 0:
        return None
    known = ctx.memo.get("table_headers", {}).get(grid.index - 1)
    if known is None or len(known[0]) != grid.n_cols:
        return None
    return known


def cell_entries(raw: str) -> list[tuple[str, str]]:
    """A cell that lists one target per plan, a line each ("Premium: 1 hour" over "Standard: 2
    hours"): (plan, text) per line, or nothing when the cell is not such a list."""
    entries: list[tuple[str, str]] = []
    for line in raw.split("\n"):
        m = ENTRY.match(line, timeout=REGEX_TIMEOUT)
        if m:
            entries.append((m.group("name"), line[m.end() :]))
        elif entries:
            entries[-1] = (entries[-1][0], entries[-1][1] + line)
        elif line.strip():
            return []
    return entries if len(entries) >= 2 else []


def from_entries(
    ctx: Context, entries: list[tuple[str, str]], label: Label | None, kind: str | None, grid: TableGrid, r: int
) -> list[Candidate]:
    out: list[Candidate] = []
    if label is None or kind is None:
        return out
    for name, raw_text in entries:
        text = clean(raw_text).text
        found = [] if not_a_target(ctx, text) else durations_in(ctx, text)
        if found:
            _, _, minutes, business, rule = max(found, key=lambda d: d[2])
            out.append(Candidate(label, kind, minutes, business, clean(name).text, grid.row_evidence(ctx, r), rule))
    return out


HEADER_UNIT = regex.compile(rf"\(\s*({unit_pattern()})\s*\)", regex.I)  # "(分钟)": clean text folds full-width brackets
BARE_NUMBER = regex.compile(r"^\s*[≤<]?\s*(\d+(?:\.\d+)?)\s*$")


def bare_number_in_unit_column(cell: str, header: str) -> list[tuple[int, int, float, bool, str]]:
    """ "15" under "响应时限（分钟）": the unit is written once, in the column header."""
    unit = HEADER_UNIT.search(header, timeout=REGEX_TIMEOUT)
    number = BARE_NUMBER.match(cell, timeout=REGEX_TIMEOUT)
    if not unit or not number:
        return []
    got = to_minutes(number.group(1), unit.group(1))
    return [(number.start(1), number.end(1), got[0], got[1], "any.duration.header_unit")] if got else []


def row_name(ctx: Context, grid: TableGrid, r: int) -> str:
    """The short cells before a row's first timed cell: they name it ("严重 | 响应时间",
    "KPI-04 | P1 initial response"); a long definition cell ("… no workaround exists") does not."""
    lead = next((c for c in range(1, grid.n_cols) if durations_in(ctx, grid.cell(r, c))), grid.n_cols)
    return " | ".join(grid.cell(r, c) for c in range(lead) if c == 0 or len(grid.cell(r, c)) <= 30)


def caption_kind(ctx: Context, grid: TableGrid) -> str | None:
    """The kind the nearest caption names first ("initial response targets" → response)."""
    for text in grid.captions:
        kinds = kinds_in(ctx, text)
        named = [h for h in kinds if TARGET_NOUN.match(text, h.end, timeout=REGEX_TIMEOUT)]
        if named or kinds:
            return (named or kinds)[0].value
    # a table that repeats the previous table's header continues it, and what it measures
    if grid.index > 0:
        previous = grid_of(ctx, grid.index - 1)
        if previous.cells and grid.cells and previous.cells[0] == grid.cells[0]:
            return caption_kind(ctx, previous)
    return None


# ---------------------------------------------------------------- prose


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in CLAUSE.finditer(text, timeout=REGEX_TIMEOUT) if m.end() <= start), default=0)
    m = CLAUSE.search(text, end, timeout=REGEX_TIMEOUT)
    return left, (m.start() if m else len(text))


def nearest_kind(ctx: Context, text: str, kinds: list[Hit], start: int, end: int) -> Hit | None:
    """The kind keyword a duration belongs to: one around it ("每两小时通报"), else the nearest in
    its clause (English looks back first: "response within 15 minutes"), else one just before."""
    c0, c1 = clause_bounds(text, start, end)
    in_clause = [h for h in kinds if c0 <= h.start and h.end <= c1]
    around = [h for h in in_clause if h.start < end and start < h.end]
    if around:
        return around[0]
    before = [h for h in in_clause if h.end <= start]
    # "within 5 days after restoration": a kind named after the time as its starting point is not its kind
    after = [
        h
        for h in in_clause
        if h.start >= end and not REFERENCE_POINT.search(text[end : h.start], timeout=REGEX_TIMEOUT)
    ]
    earlier = [h for h in kinds if h.end <= start and start - h.end < 100]
    if after and ctx.rules.search_any("response_times", "kind_after_time", text[end : after[0].start], ctx.language):
        return after[0]  # "4小时内恢复": the language puts the verb after its time
    if lexicon().flag("kind_before_time", ctx.language) and (before or earlier):
        # English names the target before its time: "restore service ..., within 4 hours";
        # "workaround or fix within 8 hours" is met by the workaround: restoration
        pool = before or earlier
        if (
            len(pool) > 1
            and pool[-1].value == "resolution"
            and pool[-2].value == "restoration"
            and ALTERNATIVE_FIX.fullmatch(text[pool[-2].end : pool[-1].start], timeout=REGEX_TIMEOUT)
        ):
            return pool[-2]
        return pool[-1]
    pool = before[-1:] + after[:1]
    if pool:
        return min(pool, key=lambda h: start - h.end if h.end <= start else h.start - end)
    return earlier[-1] if earlier else None


def from_sentence(ctx: Context, unit: Unit, block_label: Label | None) -> list[Candidate]:
    text = unit.text
    if not ctx.rules.may_match("response_times", text, ctx.language):
        return []
    found = durations_in(ctx, text)
    if not found or any(ctx.rules.search_any("response_times", role, text, ctx.language) for role in SENTENCE_VETOES):
        return []
    kinds = kinds_in(ctx, text)
    if not kinds:
        return []
    labels = find_labels(text, ctx.rules, ctx.language)
    out: list[Candidate] = []
    for start, end, minutes, business, _rule in found:
        c0, c1 = clause_bounds(text, start, end)
        if vetoed(ctx, text[c0:c1]) or not_a_target(ctx, text[max(c0, start - 4) : start]):
            continue
        if len(found) > 1 and ctx.rules.search_any("response_times", "partial_target", text[c0:start], ctx.language):
            continue  # "80% of cases within 5 days": the target is the time for all of them
        kind = nearest_kind(ctx, text, kinds, start, end)
        if kind is None:
            continue
        if kind.value != "update" and CADENCE_BEFORE.search(text[max(0, start - 12) : start], timeout=REGEX_TIMEOUT):
            kind = next((h for h in kinds if h.value == "update"), kind)
        label = (
            label_named_after(text, labels, end)
            or next((lab for lab in reversed(labels) if lab.end <= start), None)
            or next((lab for lab in labels if c0 <= lab.start < c1), None)
            or block_label
        )
        if label is None and not ctx.rules.search_any("response_times", "support_context", text, ctx.language):
            continue
        ev = ctx.evidence(unit.mt, unit.start, unit.end)
        business = business or bool(BUSINESS_HOURS.search(text[c0:c1], timeout=REGEX_TIMEOUT))
        for each in joined_labels(text, labels, label):
            out.append(Candidate(each, kind.value, minutes, business, None, ev, kind.rule))
    return out


FOR_LABEL = regex.compile(rf"(?i){fragment('for_label')}$")
LABEL_JOINER = regex.compile(rf"(?i)\s*(?:,|/|&|{fragment('list_joiner')})\s*{fragment('list_joiner_tail')}?")


def label_named_after(text: str, labels: list[Label], end: int) -> Label | None:
    """ "thirty minutes for P1 and P2": the priority follows the time it sets."""
    for lab in labels:
        if end <= lab.start <= end + 12 and FOR_LABEL.fullmatch(text[end : lab.start], timeout=REGEX_TIMEOUT):
            return lab
    return None


def joined_labels(text: str, labels: list[Label], label: Label | None) -> list[Label | None]:
    """A label and those listed with it ("P1 or P2", "P3, P4 and P5"): the time binds them all."""
    if label is None or label not in labels:
        return [label]
    i = labels.index(label)
    group = [label]
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(labels):
            a, b = (labels[j + step], labels[j]) if step < 0 else (labels[j], labels[j + step])
            if not LABEL_JOINER.fullmatch(text[a.end : b.start], timeout=REGEX_TIMEOUT):
                break
            j += step
            group.append(labels[j])
    return sorted(group, key=lambda lab: lab.start)


P0 = regex.compile(r"(?<![A-Za-z0-9])P\s?0(?!\d)")


def mentions_p0(ctx: Context) -> bool:
    """A ladder that has a P0 anywhere (a definition table, a heading) starts at zero."""
    return any(P0.search(u.text, timeout=REGEX_TIMEOUT) for u in ctx.units)


SUB_ITEM = regex.compile(r"^\s*(?:\((?:[ivx]+|[a-z]|\d+)\)|[ivx]+[.)]|[a-z][.)]|[•·▪\-–])\s")
ITEM_MARK = regex.compile(r"^\s*(?:\(?(?:[ivx]+|[a-z]|\d+)[.)]|\d+(?:\.\d+)*\.?|[•·▪\-–])?\s*")


def heading_label(ctx: Context, unit: Unit, reach: int = 3) -> Label | None:
    """A label that heads the lines just above ("严重 Critical" over "Response: 30 min"), or the
    list item a sub-item hangs from ("(a) Priority A …" over "(i) response within 30 minutes")."""
    sub_item = bool(SUB_ITEM.match(unit.text, timeout=REGEX_TIMEOUT))
    for prev in ctx.units[max(unit.index - (6 if sub_item else reach), 0) : unit.index][::-1]:
        if prev.is_row:
            return None
        lead = ITEM_MARK.match(prev.text, timeout=REGEX_TIMEOUT)
        offset = lead.end() if lead else 0
        lab = label_of(prev.text[offset : offset + 40], ctx.rules, ctx.language)
        if lab is not None and lab.start < 6 and (len(prev.text) <= 60 or sub_item):
            return lab
        if sub_item and SUB_ITEM.match(prev.text, timeout=REGEX_TIMEOUT):
            continue  # a sibling sub-item: keep looking for the parent
    return None


def block_labels(ctx: Context) -> dict[int, Label]:
    """The label a paragraph opens with ("Severity 1. …"), which later sentences in it inherit."""
    out: dict[int, Label] = {}
    for _i, (block, mt) in enumerate(ctx.paragraphs):
        head = mt.text[:40]
        lab = label_of(head, ctx.rules, ctx.language)
        if lab is not None and lab.start < 15:
            out[id(block)] = lab
    return out


def sentence_heads(ctx: Context) -> dict[int, Label]:
    """Unit index → the label that governs it inside its paragraph: the label the paragraph
    opens with, until a later sentence opens with a label of its own ("二级故障：…" after the
    targets of "一级故障" when layout ran both into one paragraph)."""
    opening = block_labels(ctx)
    out: dict[int, Label] = {}
    block = None
    current: Label | None = None
    for unit in ctx.units:
        if unit.is_row:
            continue
        if unit.block is not block:
            block, current = unit.block, opening.get(id(unit.block))
        else:
            lab = label_of(unit.text[:40], ctx.rules, ctx.language)
            if lab is not None and lab.start < 6:
                current = lab
        if current is not None:
            out[unit.index] = current
    return out


def names_a_target(ctx: Context, unit: Unit) -> bool:
    text = unit.text
    return (
        ctx.rules.may_match("response_times", text, ctx.language)
        and bool(durations_in(ctx, text))
        and bool(kinds_in(ctx, text))
    )


def section_labels(ctx: Context) -> dict[int, Label]:
    """Section index → the priority its heading names: a label in the title ("Severity 1"), or
    its rung in a ladder that sibling headings define ("Critical", "Severe", "Medium", "Low")."""
    sections = ctx.sections.items
    if not sections:
        return {}
    targeted: set[int] = set()
    for unit in ctx.units:
        if not unit.is_row and names_a_target(ctx, unit):
            targeted.update(s.index for s in ctx.sections.path(unit_offset(unit)))
    out: dict[int, Label] = {}
    for section in sections:
        lab = label_of(section.title, ctx.rules, ctx.language)
        if lab is not None and lab.start < 6 and len(section.title) <= 60:
            out[section.index] = lab
    for parent in {s.parent for s in sections}:
        siblings = [s for s in ctx.sections.children(parent) if s.index in targeted]
        ladder = defined_ladder([s.title for s in siblings], ctx.rules, ctx.language)
        for section, lab in zip(siblings, ladder or [], strict=False):
            out[section.index] = lab
    return out


def unit_offset(unit: Unit) -> int:
    return unit.mt.raw_span(unit.start, unit.end)[0]


def governing_label(ctx: Context, unit: Unit, labels: dict[int, Label]) -> Label | None:
    """The priority named by the nearest heading above this sentence that names one."""
    for section in reversed(ctx.sections.path(unit_offset(unit))):
        if section.index in labels:
            return labels[section.index]
    return None


def extract(ctx: Context) -> list[ResponseTime]:
    cands: list[Candidate] = []
    for t in ctx.table_indexes():
        cands += from_table(ctx, grid_of(ctx, t))
    heads = sentence_heads(ctx)
    by_section = section_labels(ctx)
    for unit in ctx.units:
        if not unit.is_row:
            label = heads.get(unit.index) or governing_label(ctx, unit, by_section) or heading_label(ctx, unit)
            cands += from_sentence(ctx, unit, label)
    ladder = Ladder([c.label for c in cands if c.label], zero_based=mentions_p0(ctx))
    items: list[ResponseTime] = []
    seen: set = set()
    for c in cands:
        rank = ladder.rank(c.label)
        key = (rank, c.kind, round(c.minutes, 3), c.scope)
        if key in seen:
            continue
        seen.add(key)
        items.append(
            ResponseTime(
                priority=c.label.text if c.label else None,
                rank=rank,
                kind=c.kind,  # type: ignore[arg-type]
                minutes=c.minutes,
                business_time=c.business,
                scope=c.scope,
                evidence=c.evidence,
                rule=c.rule,
            )
        )
    return items
