"""Page lines and tables → the Document: running headers dropped, paragraphs joined across page
and column breaks, tables placed where they stand on the page, every piece with its offsets."""

from __future__ import annotations

from .document import Block, Cell, Document, Table, TextBuilder
from .geometry import center_inside
from .layout import (
    BULLET_ONLY,
    Line,
    PageText,
    TableMark,
    body_font_size,
    is_heading,
    joint,
    line_pitch,
    place_tables,
    reading_order,
    running_lines,
    starts_paragraph,
)
from .tables import PageTable


def build(doc: Document, pages: list[PageText], tables: dict[int, list[PageTable]]) -> None:
    drop = running_lines(pages)
    out = TextBuilder()
    state = BuildState()
    for p, page in enumerate(pages):
        page_tables = tables.get(p, [])
        kept: list[Line] = []
        marks = [TableMark(k, t.bbox) for k, t in enumerate(page_tables)]
        for i, ln in enumerate(page.lines):
            if (p, i) in drop or BULLET_ONLY.match(ln.text):
                continue
            inside = next((m for m in marks if center_inside(ln.bbox, m.bbox)), None)
            if inside is None:
                kept.append(ln)
            elif inside.anchor is None:
                inside.anchor = len(kept)
        items = reading_order(place_tables(kept, marks), page.gutter)
        page_lines = [it for it in items if isinstance(it, Line)]
        pitch, size = line_pitch(page_lines), body_font_size(page_lines)
        for item in items:
            if isinstance(item, Line):
                state.add_line(doc, out, item, pitch, size)
            else:
                state.flush(doc, out)
                state.last_table = emit_table(doc, out, page_tables[item.index], state.last_table)
        page.lines = []  # read: let the page's lines go while the document grows (peak memory)
    state.flush(doc, out)
    doc.text = out.text()
    doc.segments = out.segments
    doc.finish()


class BuildState:
    """The paragraph being gathered (it may run over a page or column break) and the table just emitted."""

    def __init__(self) -> None:
        self.para: list[Line] = []
        self.last_table: Table | None = None

    def add_line(self, doc: Document, out: TextBuilder, line: Line, pitch: float, body_size: float) -> None:
        if self.para and starts_paragraph(self.para[-1], line, pitch, body_size, alone=len(self.para) == 1):
            self.flush(doc, out)
        self.para.append(line)
        self.last_table = None

    def flush(self, doc: Document, out: TextBuilder) -> None:
        if self.para:
            emit_paragraph(doc, out, self.para)
            self.para = []


def emit_paragraph(doc: Document, out: TextBuilder, lines: list[Line]) -> None:
    start = out.length
    sep = ""
    for j, ln in enumerate(lines):
        if sep:
            out.add(sep)
        text = ln.text
        if j + 1 < len(lines):
            text, sep = joint(text, lines[j + 1].text)
        out.add(text, ln.page, ln.bbox)
    kind = "heading" if is_heading(lines) else "para"
    doc.blocks.append(Block(start, out.length, lines[0].page, kind, size=lines[0].size, bold=lines[0].bold))
    out.add("\n\n")


def flat(text: str | None) -> str:
    return " ".join((text or "").split())


def emit_table(doc: Document, out: TextBuilder, table: PageTable, previous: Table | None) -> Table:
    """Append a table's rows; a table right after the previous one (a page or column on) joins it."""
    rows, boxes = table.rows, table.cell_boxes
    continues = previous is not None and previous.rows and len(previous.rows[0]) == len(rows[0])
    if continues and previous is not None:
        so_far = out.text()  # doc.text is not set until the build ends
        header = ["" if c is None else so_far[c.start : c.end] for c in previous.rows[0]]
        if [flat(t) for t in rows[0]] == [flat(h) for h in header]:
            rows, boxes = rows[1:], boxes[1:]  # a repeated header row: so the first row is a header
            previous.header_rows = max(previous.header_rows, 1)
        target = previous
    else:
        target = Table(page=table.page, rows=[])
        doc.tables.append(target)
    t_index = doc.tables.index(target)
    for row, row_boxes in zip(rows, boxes, strict=False):
        start = out.length
        cells: list[Cell | None] = []
        for c, (text, bbox) in enumerate(zip(row, row_boxes, strict=False)):
            if c:
                out.add(" | ")
            if text is None:
                cells.append(None)
                continue
            s, e = out.add(flat(text), table.page, bbox)
            cells.append(Cell(s, e, table.page, bbox))
        target.rows.append(cells)
        row_index = len(target.rows) - 1
        doc.blocks.append(Block(start, out.length, table.page, "row", table=t_index, row=row_index))
        out.add("\n")
    out.add("\n")
    return target
