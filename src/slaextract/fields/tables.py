"""A table as a grid of clean cell texts, merged cells filled in, with evidence per row."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from ..model import Evidence
from ..text.clean import clean
from .context import Context


@dataclass
class TableGrid:
    index: int
    cells: list[list[str]]
    captions: list[str]  # the heading and intro paragraph above the table, nearest first
    row_units: list  # Unit of each row, for evidence
    raw_cells: list[list[str]] = field(default_factory=list)  # cell texts as printed, line breaks kept
    merged: set[tuple[int, int]] = field(default_factory=set)  # (row, column) filled from a merged cell

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def cell(self, r: int, c: int) -> str:
        row = self.cells[r]
        return row[c] if c < len(row) else ""

    def raw(self, r: int, c: int) -> str:
        row = self.raw_cells[r] if r < len(self.raw_cells) else []
        return row[c] if c < len(row) else ""

    def drawn(self, r: int, c: int) -> str:
        """The cell as drawn: empty where a merged cell runs on (a title row spanning every
        column names no column)."""
        return "" if (r, c) in self.merged else self.cell(r, c)

    def drawn_row(self, r: int) -> list[str]:
        return [self.drawn(r, c) for c in range(len(self.cells[r]))]

    def row_text(self, r: int) -> str:
        return " | ".join(self.cells[r])

    def row_evidence(self, ctx: Context, r: int) -> Evidence:
        return ctx.unit_evidence(self.row_units[r])


def grid_of(ctx: Context, index: int) -> TableGrid:
    """The table as clean cells; several fields read every table, so it is built once."""
    if index not in ctx.grids:
        ctx.grids[index] = build_grid(ctx, index)
    return ctx.grids[index]


def build_grid(ctx: Context, index: int) -> TableGrid:
    table = ctx.doc.tables[index]
    rows = fill_merged([[None if cell is None else ctx.cell_clean(cell) for cell in row] for row in table.rows])
    raw = fill_merged([[None if cell is None else ctx.doc.cell_text(cell) for cell in row] for row in table.rows])
    merged = {(r, c) for r, row in enumerate(table.rows) for c, cell in enumerate(row) if cell is None}
    row_units = ctx.table_row_units
    units = [row_units[(index, r)] for r in range(len(rows))]
    return TableGrid(index, rows, captions_of(ctx, index), units, raw, merged)


def fill_merged(rows: list[list[str | None]]) -> list[list[str]]:
    """A merged cell (None) spans from the left (colspan) or, in the first column, from above (rowspan)."""
    out: list[list[str]] = []
    for row in rows:
        filled: list[str] = []
        for c, text in enumerate(row):
            if text is None:
                text = filled[c - 1] if c > 0 else (out[-1][0] if out else "")
            filled.append(text)
        out.append(filled)
    return out


def captions_of(ctx: Context, index: int, blocks: int = 2) -> list[str]:
    """The heading and intro paragraph just above a table, nearest first: they often name what
    the table's cells measure ("Initial response targets")."""
    first = ctx.doc.first_block_of_table(index)
    if first is None:  # a table without rows has no place in the text
        return []
    texts: list[str] = []
    for i in range(first - 1, -1, -1):
        if ctx.doc.blocks[i].kind == "row" or len(texts) == blocks:
            break
        texts.append(ctx.block_text[i].text)
    # then the headings that govern the table, nearest first ("Initial response times" over a
    # table whose header names only plans)
    start = ctx.doc.blocks[first].start
    for section in reversed(ctx.sections.path(start)):
        title = clean(section.title).text
        if title not in texts:
            texts.append(title)
    return texts


DIGIT = regex.compile(r"\d")
PRIORITY_CELL = regex.compile(rf"(?i)^\s*(?:{fragment('priority_cell')})\s*$")  # the whole cell: "P1", "Sev 2"


def title_rows(grid: TableGrid) -> int:
    """How many leading rows repeat one text across every column: a title spanning the table."""
    n = 0
    while grid.n_cols > 1 and n < grid.n_rows - 1 and len({t for t in grid.cells[n] if t}) == 1:
        n += 1
    return n


def header_guess(grid: TableGrid, most: int = 3) -> list[int]:
    """The title and header rows of a table: the rows before the first that holds a figure in a
    value cell (the first column names rows, so its figures do not count)."""
    rows = list(range(title_rows(grid)))
    for r in range(len(rows), min(grid.n_rows, len(rows) + most)):
        values = [c for c in grid.cells[r][1:] if c]
        if any(DIGIT.search(c, timeout=REGEX_TIMEOUT) for c in values) and not all(map(names_a_priority, values)):
            break  # a figure; but "P1 | P2 | P3" over the columns names them (rows are the targets)
        rows.append(r)
    return rows


def names_a_priority(cell: str) -> bool:
    return bool(PRIORITY_CELL.match(cell, timeout=REGEX_TIMEOUT))
