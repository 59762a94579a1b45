"""response_times from tables: a row per priority, columns per kind or plan."""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment
from ..normalize.durations import to_minutes, unit_pattern
from ..text.clean import clean
from .context import Context
from .priorities import Label, defined_ladder, find_labels, label_of, names_a_ladder
from .response_parts import (
    CADENCE_BEFORE,
    Candidate,
    Hit,
    durations_in,
    kinds_in,
    nearest_kind,
    not_a_target,
    scope_from_header,
    vetoed,
)
from .tables import TableGrid, grid_of, header_guess, title_rows

NON_TARGET_HEADER = regex.compile(fragment("non_target_header"), regex.I)
TARGET_NOUN = regex.compile(rf"(?i)\s*{fragment('target_noun')}")
FOOTNOTE_MARK = regex.compile(r"(?<=[a-z\p{Han}])\d{1,2}\b")  # "Response3": a footnote reference


def from_table(ctx: Context, grid: TableGrid) -> list[Candidate]:
    """Every timed cell of a table, its priority from the row (or the cell, or the column header)
    and its kind from the column header (or the row label, the cell itself, or the table's caption)."""
    names = [row_name(ctx, grid, r) for r in range(grid.n_rows)]
    guess = header_guess(grid)
    ladder_header = " ".join(grid.cell(h, 0) for h in guess if h >= title_rows(grid))
    row_labels = [None if r in guess else label_of_row(ctx, grid, names, r, ladder_header) for r in range(grid.n_rows)]
    labelled = [r for r in range(grid.n_rows) if row_labels[r]]
    data_rows = grid.n_rows - len(guess)
    # a few rungs that happen to be severity words ("Minor" among "Outage", "Impaired") do not
    # make the document's own ladder a vocabulary one: rank the rows as the table orders them
    # (a table with no labelled row at all is the same case: its first column may be such a ladder)
    if 2 * len(labelled) < data_rows and (ladder := table_ladder(ctx, grid, guess, ladder_header)) is not None:
        row_labels = ladder
        labelled = [r for r in range(grid.n_rows) if row_labels[r]]
    header_rows = list(range(0, labelled[0])) if labelled else guess
    headers = [
        FOOTNOTE_MARK.sub(
            "", " ".join(grid.cell(h, c) for h in header_rows if not blank(grid.cell(h, c))), timeout=REGEX_TIMEOUT
        )
        for c in range(grid.n_cols)
    ]
    default_kind = caption_kind(ctx, grid)
    previous = continued_header(ctx, grid, headers)
    if previous is not None:
        headers, default_kind = previous
    ctx.memo.setdefault("table_headers", {})[grid.index] = (headers, default_kind)
    # what each column's header says, read once for all the rows
    column_kinds = [kinds_in(ctx, h) or abbreviated_kinds(ctx, h) for h in headers]
    non_target = [
        not k and bool(NON_TARGET_HEADER.search(h, timeout=REGEX_TIMEOUT))
        for h, k in zip(headers, column_kinds, strict=True)
    ]
    out: list[Candidate] = []
    for r in range(header_rows[-1] + 1 if header_rows else 0, grid.n_rows):
        if vetoed(ctx, grid.cell(r, 0)):
            continue  # a deliverable row ("incident report within 5 days"), not a target
        row_label = row_labels[r]
        row_kinds = kinds_in(ctx, names[r])
        for c in range(1, grid.n_cols):
            header = headers[c]
            header_kinds = column_kinds[c]
            if non_target[c]:
                continue
            cell = grid.cell(r, c)
            entries = cell_entries(grid.raw(r, c))
            if entries:
                kind = (header_kinds or row_kinds or [None])[0]
                out += from_entries(ctx, entries, row_label, kind.value if kind else default_kind, grid, r)
                continue
            if not cell or not_a_target(ctx, cell):
                continue
            found = (
                durations_in(ctx, cell)
                or bare_number_in_unit_column(cell, header)
                or bare_number_in_unit_column(cell, grid.captions[0] if grid.captions else "")
            )
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
                if CADENCE_BEFORE.search(cell[max(0, start - 12) : start], timeout=REGEX_TIMEOUT):
                    kind_value = "update"  # "every 2 hours until resolved": how often, not by when
                if label is None or kind_value is None:
                    continue
                out.append(Candidate(label, kind_value, minutes, business, scope, ev, rule))
    for c in out:
        c.ladder_rows = len(labelled)
    return out


NOTHING = regex.compile(r"^[\s\-‐–—/]*$")  # "—": no value, in a row the header guess took in


def blank(cell: str) -> bool:
    return bool(NOTHING.match(cell, timeout=REGEX_TIMEOUT))


COLON = chars("colon")
ENTRY = regex.compile(rf"^\s*(?P<name>[^\s{COLON}|]{{1,16}}(?:\s[^\s{COLON}|]{{1,16}}){{0,2}})\s*[{COLON}]")


def abbreviated_kinds(ctx: Context, header: str) -> list[Hit]:
    """Kinds behind abbreviations the document defines ("Response time (RT) is …" makes a
    column headed "Maximum RT" a response column): named in the term itself, else in the rest
    of the sentence that defines it."""
    out: list[Hit] = []
    for term, definition in ctx.abbreviations_in(header):
        kinds = kinds_in(ctx, term) or kinds_in(ctx, definition)
        out += kinds[:1]
    return out


def label_of_row(ctx: Context, grid: TableGrid, names: list[str], r: int, ladder_header: str) -> Label | None:
    """A row's priority: named in its leading cells, or a bare number under a column that names
    the ladder ("Severity" over "4", "级别" over "2")."""
    lab = label_of(names[r], ctx.rules, ctx.language)
    first = grid.cell(r, 0)
    if lab is None and ladder_header and 0 < len(first) <= 4:
        lab = label_of(f"{ladder_header} {first}", ctx.rules, ctx.language)
    return lab


def timed_row(ctx: Context, grid: TableGrid, r: int, header: list[str]) -> bool:
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
    header = [" ".join(grid.cell(h, c) for h in header_rows) for c in range(grid.n_cols)]
    rows = [r for r in range(grid.n_rows) if r not in header_rows and timed_row(ctx, grid, r, header)]
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
    ctx.memo.setdefault("defined_rungs", []).extend(ladder)  # prose may name them later
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


# "(分钟)", "(单位：分钟)", "(in minutes)": clean text folds full-width brackets
HEADER_UNIT = regex.compile(rf"\(\s*(?:{fragment('unit_label')}\s*)?({unit_pattern()})\s*\)", regex.I)
BARE_NUMBER = regex.compile(r"^\s*[≤<]?\s*(\d+(?:\.\d+)?)\s*$")


def bare_number_in_unit_column(cell: str, header: str) -> list[tuple[int, int, float, bool, str]]:
    """ "15" under "响应时限（分钟）": the unit is written once, in the column header (or the
    table's caption: "首次响应时限（单位：分钟）")."""
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
