"""PDF → Document.

pypdfium2 reads every page's text and line boxes (fast, in content order, which
for generated PDFs is reading order); pdfplumber's table finder runs only on the
pages whose drawing holds enough ruling paths to be a table. Running headers and
footers are dropped; lines are grouped into paragraphs by vertical gaps.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from ..errors import EncryptedError, InputError, LimitError, NoTextError
from ..model import BBox
from .document import Block, Cell, Document, Table, TextBuilder
from .tables import PageTable, find_tables

# a table needs at least this many drawn paths (cell borders or backgrounds) on its page
MIN_PATHS_FOR_TABLE = 6
MARGIN_FRACTION = 0.09  # top/bottom band where running headers and footers live
PAGE_NUMBER = regex.compile(
    r"^\s*(?:(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:/|of)\s*\d+|-\s*\d+\s*-|\d{1,4}"
    r"|第\s*\d+\s*页(?:\s*[/／,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页)\s*$",
    regex.IGNORECASE,
)
NUMBERED_START = regex.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s|\(?[a-z]\)\s|\([ivx]+\)\s|[ivx]+\.\s|第[一二三四五六七八九十百零\d]+[条章节]"
    r"|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[、.．)]|[•·▪●■\-–]\s|Article\s|ARTICLE\s|Section\s)",
)


@dataclass(slots=True)
class Line:
    text: str
    page: int
    bbox: BBox  # x0, top, x1, bottom


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def open_pdf(path: Path, password: str | None):
    import pypdfium2 as pdfium  # noqa: PLC0415  (import cost paid only for PDFs)

    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            if password:
                raise EncryptedError("wrong password for this encrypted PDF", str(path)) from None
            raise EncryptedError("PDF is encrypted; pass --password", str(path)) from None
        raise InputError(f"not a readable PDF ({exc}); is the file complete?", str(path)) from None


def page_lines(page, page_no: int) -> Iterator[Line]:
    """Lines of one page in content order, each with the box of its first and last characters."""
    textpage = page.get_textpage()
    height = page.get_height()
    text = textpage.get_text_range()
    pos = 0
    for raw in text.split("\r\n"):
        start, pos = pos, pos + len(raw) + 2
        stripped = raw.strip()
        if not stripped:
            continue
        first = start + (len(raw) - len(raw.lstrip()))
        last = start + len(raw.rstrip()) - 1
        l0, b0, r0, t0 = textpage.get_charbox(first)
        l1, b1, r1, t1 = textpage.get_charbox(last)
        bbox = (min(l0, l1), height - max(t0, t1), max(r0, r1), height - min(b0, b1))
        yield Line(stripped, page_no, bbox)
    textpage.close()


def path_count(page) -> int:
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    n = 0
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        n += 1
        if n >= MIN_PATHS_FOR_TABLE:
            break
    return n


def running_lines(pages: list[list[Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page, index) of lines that are running headers, footers or page numbers."""
    def key(line: Line) -> str:
        return regex.sub(r"\d+", "#", line.text.lower())

    def in_margin(line: Line, height: float) -> bool:
        return line.bbox[3] < height * MARGIN_FRACTION or line.bbox[1] > height * (1 - MARGIN_FRACTION)

    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights):
        counts.update({key(ln) for ln in lines if in_margin(ln, h)})
    repeat = 2 if len(pages) > 1 else 10**9
    drop = set()
    for p, (lines, h) in enumerate(zip(pages, heights)):
        for i, ln in enumerate(lines):
            if in_margin(ln, h) and (counts[key(ln)] >= repeat or PAGE_NUMBER.match(ln.text)):
                drop.add((p, i))
    return drop


def line_pitch(lines: list[Line]) -> float:
    """The page's usual distance from one line's top to the next (glyph boxes are too tight to use gaps)."""
    pitches = sorted(
        b.bbox[1] - a.bbox[1] for a, b in zip(lines, lines[1:]) if 0 < b.bbox[1] - a.bbox[1] < 40
    )
    return pitches[len(pitches) // 3] if pitches else 12.0


def starts_paragraph(prev: Line, line: Line, pitch: float) -> bool:
    step = line.bbox[1] - prev.bbox[1]
    if step > 1.35 * pitch or step < -pitch:  # a blank line, or a jump back up (next column)
        return True
    return bool(NUMBERED_START.match(line.text))


def is_heading(lines: list[Line]) -> bool:
    text = " ".join(ln.text for ln in lines)
    return len(lines) == 1 and len(text) < 70 and not regex.search(r"[.。;；:：,，]$", text) and not regex.search(
        r"\d+(?:\.\d+)?\s*%", text
    )


def read_pdf(path: Path, password: str | None = None, max_pages: int | None = None) -> Document:
    pdf = open_pdf(path, password)
    try:
        n_pages = len(pdf)
        doc = Document(path=str(path), sha256=sha256_of(path), pages=n_pages)
        if max_pages is not None and n_pages > max_pages:
            raise LimitError(f"{n_pages} pages exceeds --max-pages {max_pages}", str(path))
        pages: list[list[Line]] = []
        heights: list[float] = []
        table_pages: list[int] = []
        for i in range(n_pages):
            page = pdf[i]
            pages.append(list(page_lines(page, i + 1)))
            heights.append(page.get_height())
            if pages[-1] and path_count(page) >= MIN_PATHS_FOR_TABLE:
                table_pages.append(i)
            page.close()
    finally:
        pdf.close()
    if not any(pages):
        raise NoTextError("no text layer (scanned pages?); OCR is needed first", str(path))
    tables = find_tables(path, table_pages, password) if table_pages else {}
    build(doc, pages, heights, tables)
    return doc


def build(doc: Document, pages: list[list[Line]], heights: list[float], tables: dict[int, list[PageTable]]) -> None:
    drop = running_lines(pages, heights)
    out = TextBuilder()
    last_table: Table | None = None
    for p, lines in enumerate(pages):
        page_tables = sorted(tables.get(p, []), key=lambda t: t.bbox[1])
        kept = [ln for i, ln in enumerate(lines) if (p, i) not in drop and not inside_any(ln, page_tables)]
        items: list[tuple[float, object]] = [(ln.bbox[1], ln) for ln in kept] + [(t.bbox[1], t) for t in page_tables]
        items.sort(key=lambda it: it[0]) if page_tables else None
        para: list[Line] = []
        pitch = line_pitch(kept)
        for _, item in items:
            if isinstance(item, Line):
                if para and starts_paragraph(para[-1], item, pitch):
                    emit_paragraph(doc, out, para)
                    para = []
                para.append(item)
                last_table = None
            else:
                if para:
                    emit_paragraph(doc, out, para)
                    para = []
                last_table = emit_table(doc, out, item, last_table)  # type: ignore[arg-type]
        if para:
            emit_paragraph(doc, out, para)
    doc.text = out.text()
    doc.segments = out.segments
    doc.finish()


def inside_any(line: Line, tables: list[PageTable]) -> bool:
    cx, cy = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
    return any(t.bbox[0] - 1 <= cx <= t.bbox[2] + 1 and t.bbox[1] - 1 <= cy <= t.bbox[3] + 1 for t in tables)


def emit_paragraph(doc: Document, out: TextBuilder, lines: list[Line]) -> None:
    start = out.length
    for j, ln in enumerate(lines):
        if j:
            out.add("\n")
        out.add(ln.text, ln.page, ln.bbox)
    kind = "heading" if is_heading(lines) else "para"
    doc.blocks.append(Block(start, out.length, lines[0].page, kind))
    out.add("\n\n")


def emit_table(doc: Document, out: TextBuilder, table: PageTable, previous: Table | None) -> Table:
    """Append a table's rows; a table that directly continues the previous one (same columns) joins it."""
    rows = table.rows
    continues = previous is not None and previous.rows and len(previous.rows[0]) == len(rows[0])
    if continues and previous is not None:
        header = [doc.cell_text(c) for c in previous.rows[0]]
        if [(t or "").replace("\n", " ").strip() for t in rows[0]] == [h.strip() for h in header]:
            rows = rows[1:]  # a repeated header row
        target = previous
    else:
        target = Table(page=table.page, rows=[])
        doc.tables.append(target)
    t_index = doc.tables.index(target)
    for r, row in enumerate(rows):
        start = out.length
        cells: list[Cell | None] = []
        for c, (text, bbox) in enumerate(zip(row, table.cell_boxes[r + len(table.rows) - len(rows)])):
            if c:
                out.add(" | ")
            if text is None:
                cells.append(None)
                continue
            flat = " ".join(text.split())
            s, e = out.add(flat, table.page, bbox)
            cells.append(Cell(s, e, table.page, bbox))
        target.rows.append(cells)
        doc.blocks.append(Block(start, out.length, table.page, "row", table=t_index, row=len(target.rows) - 1))
        out.add("\n")
    out.add("\n")
    return target
