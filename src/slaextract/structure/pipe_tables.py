"""Tables printed as text: Markdown pipe rows (``a | b | c``) that a renderer did not turn into a table.

A Markdown table whose separator row is malformed is printed as running text: its rows flow
into paragraphs, a cell's bullet list becomes blocks of its own, and a row's end is no longer a
line end. What survives is the pipes and the column count of the header, and that is enough to
cut the text back into rows and cells — with offsets into ``Document.text``, so evidence still
points at the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..budgets import REGEX_TIMEOUT
from ..pdf.document import Block, Cell, Document, Table

SEPARATOR_CELL = regex.compile(r"^\s*:?-{3,}:?\s*$")
MAX_CONTINUATION = 400  # a block that continues a cell is a line or a short list, not a section
LOOKAHEAD = 8  # blocks a cell's list may run over before the next pipe row


@dataclass(slots=True)
class Piece:
    """Text between two pipes (or a pipe and a block edge), as offsets into the document."""

    start: int
    end: int
    after_pipe: bool  # a pipe, not a block edge, stands before it
    before_pipe: bool


@dataclass
class RowBuilder:
    """Assembles cells into rows of the header's width."""

    width: int
    rows: list[list[tuple[int, int]]] = field(default_factory=list)
    current: list[tuple[int, int]] = field(default_factory=list)
    open_cell: tuple[int, int] | None = None

    def close(self) -> None:
        if self.open_cell is not None:
            self.current.append(self.open_cell)
            self.open_cell = None
        if len(self.current) >= self.width:
            self.rows.append(self.current)
            self.current = []

    def finish(self) -> None:
        self.close()
        if self.current:
            self.rows.append(self.current)
            self.current = []


def pieces_of(doc: Document, block: Block) -> list[Piece]:
    text = doc.text[block.start : block.end]
    bars = [m.start() for m in regex.finditer(r"\|", text, timeout=REGEX_TIMEOUT)]
    edges = [-1, *bars, len(text)]
    out: list[Piece] = []
    for k in range(len(edges) - 1):
        lo, hi = edges[k] + 1, edges[k + 1]
        raw = text[lo:hi]
        stripped = raw.strip()
        if not stripped:
            out.append(Piece(block.start + lo, block.start + lo, k > 0, k < len(edges) - 2))
            continue
        s = lo + (len(raw) - len(raw.lstrip()))
        out.append(Piece(block.start + s, block.start + s + len(stripped), k > 0, k < len(edges) - 2))
    return out


def bar_count(doc: Document, block: Block) -> int:
    return doc.text.count("|", block.start, block.end)


def header_width(doc: Document, blocks: list[Block], i: int) -> int:
    """Columns of a pipe table whose header row opens at block i, or 0 when none opens there:
    the cells before the separator row (---|---), which must follow in this block or the next —
    plain text with a stray pipe is not a table."""
    first = blocks[i]
    if first.kind == "row" or bar_count(doc, first) < 1:
        return 0
    window = [p for b in blocks[i : i + 2] if b.kind != "row" for p in pieces_of(doc, b)]
    header: list[Piece] = []
    for piece in window:
        if piece.end == piece.start:
            continue
        if SEPARATOR_CELL.match(doc.text[piece.start : piece.end], timeout=REGEX_TIMEOUT):
            return len(header) if len(header) >= 2 else 0
        header.append(piece)
    return 0


def assemble(doc: Document, blocks: list[Block], i: int, width: int) -> tuple[list[list[tuple[int, int]]], int]:
    """Rows of (start, end) cells from block i on, and the index of the first block after the table."""
    rows = RowBuilder(width)
    j = i
    while j < len(blocks):
        block = blocks[j]
        if block.kind == "row":
            break
        has_bar = bar_count(doc, block) > 0
        if not has_bar and not continues_table(doc, blocks, j, rows):
            break
        for k, piece in enumerate(pieces_of(doc, block)):
            if piece.after_pipe:
                rows.close()
            if piece.end == piece.start:
                continue
            if k == 0 and rows.open_cell is not None and not (has_bar and len(rows.current) >= width - 1):
                rows.open_cell = (rows.open_cell[0], piece.end)  # a wrapped cell goes on
                continue
            if k == 0 and rows.open_cell is not None:
                rows.close()  # the last cell ended with the block: this block opens the next row
            rows.open_cell = (piece.start, piece.end)
        j += 1
    rows.finish()
    return rows.rows, j


def continues_table(doc: Document, blocks: list[Block], j: int, rows: RowBuilder) -> bool:
    """A block without a pipe belongs to the table while a row is being filled: a cell's list
    item, or the wrapped end of its last cell when more pipe rows follow."""
    block = blocks[j]
    if block.end - block.start > MAX_CONTINUATION:
        return False
    if rows.open_cell is None:
        return bool(rows.current)
    # a cell's list may run over several short blocks: the table goes on if a pipe row follows
    for following in blocks[j + 1 : j + 1 + LOOKAHEAD]:
        if following.kind == "row" or following.end - following.start > MAX_CONTINUATION:
            return False
        if bar_count(doc, following) > 0:
            return True
    return False


def to_table(doc: Document, cell_rows: list[list[tuple[int, int]]], width: int) -> Table | None:
    rows: list[list[Cell | None]] = []
    for cells in cell_rows:
        texts = [doc.text[s:e] for s, e in cells]
        if all(SEPARATOR_CELL.match(t, timeout=REGEX_TIMEOUT) for t in texts):
            continue
        row: list[Cell | None] = []
        for s, e in cells:
            page, bbox = doc.locate(s, e)
            row.append(Cell(s, e, page, bbox))
        rows.append(row + [None] * (width - len(row)))
    if len(rows) < 2:
        return None
    first = next(c for c in rows[0] if c is not None)
    return Table(page=first.page, rows=rows, header_rows=1)


def recover_pipe_tables(doc: Document) -> int:
    """Turn every run of pipe-text blocks into a Table with row blocks; returns how many."""
    if "|" not in doc.text:
        return 0
    blocks = doc.blocks
    out: list[Block] = []
    found: list[tuple[Table, list[Block]]] = []
    i = 0
    while i < len(blocks):
        width = header_width(doc, blocks, i)
        if width:
            cell_rows, j = assemble(doc, blocks, i, width)
            table = to_table(doc, cell_rows, width)
            if table is not None:
                row_blocks = [row_block(r, row) for r, row in enumerate(table.rows)]
                out += row_blocks
                found.append((table, row_blocks))
                i = j
                continue
        out.append(blocks[i])
        i += 1
    if found:
        doc.blocks = out
        renumber_tables(doc, found)
    return len(found)


def row_block(index: int, row: list[Cell | None]) -> Block:
    cells = [c for c in row if c is not None]
    return Block(cells[0].start, cells[-1].end, cells[0].page, "row", table=-1, row=index)


def renumber_tables(doc: Document, found: list[tuple[Table, list[Block]]]) -> None:
    """Keep ``doc.tables`` in reading order: a recovered table takes its place among the others."""
    first_start: dict[int, int] = {}
    for b in doc.blocks:
        if b.kind == "row" and b.table is not None and b.table >= 0:
            first_start.setdefault(b.table, b.start)
    entries = [(first_start.get(t, 0), id(table), table, None) for t, table in enumerate(doc.tables)]
    entries += [(blocks[0].start, id(table), table, blocks) for table, blocks in found]
    entries.sort(key=lambda e: e[0])
    new_index = {id(table): n for n, (_, _, table, _) in enumerate(entries)}
    old_to_new = {t: new_index[id(table)] for t, table in enumerate(doc.tables)}
    for b in doc.blocks:
        if b.kind == "row" and b.table is not None and b.table >= 0:
            b.table = old_to_new[b.table]
    for _, _, table, blocks in entries:
        for b in blocks or []:
            b.table = new_index[id(table)]
    doc.tables = [table for _, _, table, _ in entries]
