"""PDF → Document.

pypdfium2 reads every page's text and glyph-run boxes (fast, in content order,
which for generated PDFs is reading order; see layout.py for the two-column
pages where it is not). pdfplumber's table finder runs only on the pages that
need it: enough ruling paths and a service-level word for a ruled table, or
rows that line up under a priority label for a borderless one. Running headers
and footers are dropped; lines are grouped into paragraphs, and a paragraph cut
by a page or column break is joined again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from ..errors import EncryptedError, LimitError, NoTextError, SlaError
from ..lexicon import fragment
from ..model import BBox
from .assemble import build
from .document import Document
from .geometry import PageClip, display_size, same_baseline, union
from .grid import grid_tables, path_objects
from .layout import (  # noqa: F401  (NUMBERED_START and PAGE_NUMBER are imported from here by textfile.py and tests)
    NUMBERED_START,
    PAGE_NUMBER,
    Line,
    PageText,
    find_gutter,
    in_body,
)
from .opening import open_pdf
from .tables import PageTable, TableRequest, find_tables
from .textpage import char_boxes, line_rects

# a ruled table needs at least this many drawn paths (cell borders or backgrounds) on its page
MIN_PATHS_FOR_TABLE = 6
# the first cell of a row of a borderless priority table
PRIORITY_LABEL = regex.compile(rf"^\s*{fragment('priority_cell')}", regex.IGNORECASE)
TableHint = Callable[[str], bool]  # a line of a page → the page may hold a table of terms
ROW_GAP = 8.0  # points between two glyph runs of one line that make them separate cells


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def open_pdf_needing(path: Path, password: str | None):
    """The PDF, and the password it needed. A file with only an owner password (printing or copying
    restricted) opens without one, so a --password meant for other files must not make it fail."""
    try:
        return open_pdf(path, password), password
    except EncryptedError:
        if not password:
            raise
        try:
            return open_pdf(path, None), None
        except SlaError:
            pass
        raise


def read_pdf(
    path: Path,
    password: str | None = None,
    max_pages: int | None = None,
    table_hint: TableHint | None = None,
    ocr=None,
) -> Document:
    """A PDF as a Document. `table_hint` says which lines show that their page may hold a table of
    terms (the rules' table_hint role, by default): only such pages have their tables read.
    ``ocr`` (readers.ocr.PageOcr) reads the pages it wants from their image instead of their text layer."""
    hint = table_hint or rules_table_hint()
    pdf, password = open_pdf_needing(path, password)
    try:
        n_pages = len(pdf)
        doc = Document(path=str(path), sha256=sha256_of(path), pages=n_pages)
        if max_pages is not None and n_pages > max_pages:
            raise LimitError(f"{n_pages} pages exceeds --max-pages {max_pages}", str(path))
        pages: list[PageText] = []
        requests: list[TableRequest] = []
        tables: dict[int, list[PageTable]] = {}
        for i in range(n_pages):
            page = pdf[i]
            try:
                text = read_page(page, i + 1, hint)
                if ocr is not None and ocr.wants(text, page):
                    text = ocr.read(page, text)
                    tables[i] = text.tables
                    text.tables = []
                elif text.tables:
                    tables[i] = text.tables
                    text.tables = []
                else:
                    request = table_request(page, text, i, hint)
                    if request is not None:
                        requests.append(request)
            finally:
                page.close()
            pages.append(text)
    finally:
        pdf.close()
    if not any(p.lines for p in pages):
        raise NoTextError(no_text_reason(ocr), str(path))
    blank = [i + 1 for i, p in enumerate(pages) if not p.lines]
    if blank:
        # a partly scanned contract: say which pages were not read rather than pass silently
        doc.warnings.append(f"no text on page(s) {page_list(blank)} (scanned or blank); terms there were not read")
    clipped = [p.number for p in pages if p.clipped]
    if clipped:
        doc.warnings.append(
            f"text placed outside the page on page(s) {page_list(clipped)}; its boxes were clipped to the page"
        )
    if requests:
        tables.update(find_tables(path, requests, password))
    doc.page_sizes = [p.size for p in pages]
    build(doc, pages, tables)
    return doc


def no_text_reason(ocr) -> str:
    if ocr is None:
        return "no text layer (scanned pages?); OCR is needed first: pip install 'slaextract[ocr]'"
    if ocr.mode == "never":
        return "no text layer (scanned pages?); run with --ocr auto to read them by OCR"
    if not ocr.tried:
        return "no text layer, and no page image large enough to read by OCR"
    return "no text layer, and OCR found no text on any page"


def page_list(pages: list[int]) -> str:
    """[1, 2, 3, 7] → '1-3, 7'."""
    runs: list[list[int]] = []
    for p in pages:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


# ---------------------------------------------------------------- reading a page with pdfium


def read_page(page, page_no: int, table_hint: TableHint) -> PageText:
    """One page's lines in content order, in display coordinates.

    Where pdfium ran two printed lines together (a hyphenated line end, or two columns on one
    baseline) they are split again; ruled tables on a page with a service-level word are read too.
    """
    import pypdfium2.raw as raw_c  # noqa: PLC0415

    width, height, rotation = page.get_width(), page.get_height(), page.get_rotation() % 360
    out = PageText(page_no, display_size(width, height, rotation), rotation)
    textpage = page.get_textpage()
    clip = PageClip(page.get_bbox(), width, height, rotation)
    try:
        text = textpage.get_text_range()
        pos = 0
        for raw in text.split("\r\n"):
            start, pos = pos, pos + len(raw) + 2
            if not raw.strip():
                continue
            first = start + (len(raw) - len(raw.lstrip()))
            count = len(raw.strip())
            rects = line_rects(textpage, first, count, clip)
            if not rects:
                continue
            size = raw_c.FPDFText_GetFontSize(textpage.raw, first)
            bold = raw_c.FPDFText_GetFontWeight(textpage.raw, first) >= 600
            if all(same_baseline(rects[0], r) for r in rects[1:]):
                out.lines.append(
                    Line(raw.strip(), page_no, union(rects), runs(rects), size=size, bold=bold, char_start=first)
                )
            else:
                for ln in split_printed_lines(textpage, first, raw.strip(), page_no, clip):
                    ln.size, ln.bold = size, bold
                    out.lines.append(ln)
        out.gutter = find_gutter(out.lines, out.size)
        if out.gutter is not None:
            out.lines = list(split_at_gutter(textpage, out.lines, out.gutter.x, clip))
        out.clipped = clip.clipped  # glyphs only (ruled paths past the edge are no news)
        if out.lines and path_count(page) >= MIN_PATHS_FOR_TABLE and any(table_hint(ln.text) for ln in out.lines):
            spans = [(ln.char_start, ln.char_start + len(ln.text), ln.bbox) for ln in out.lines]
            out.tables = grid_tables(page, textpage, page_no, clip, spans)
    finally:
        textpage.close()
    if rotation:
        # pdfium keeps content order on a rotated page, but its line breaking follows the unrotated page
        out.lines.sort(key=lambda ln: (round(ln.bbox[1] / 3), ln.bbox[0]))
    return out


def glyph_boxes(textpage, first: int, text: str, clip: PageClip) -> list[BBox | None]:
    """The box of each character of text (which starts at index `first`); None for a space."""
    found = char_boxes(textpage, (first + k for k, ch in enumerate(text) if not ch.isspace()), clip)
    return [found.get(first + k) for k in range(len(text))]


def split_printed_lines(textpage, first: int, text: str, page_no: int, clip: PageClip) -> Iterator[Line]:
    """pdfium joins a line that ends in a hyphen to the next (marking the hyphen U+FFFE); split them again."""
    boxes = glyph_boxes(textpage, first, text, clip)
    start, row = 0, None
    for k, b in enumerate(boxes):
        if b is None:
            continue
        if row is not None and not same_baseline(row, b):
            yield make_line(text[start:k], page_no, [x for x in boxes[start:k] if x], first + start)
            start, row = k, b
        else:
            row = b if row is None else union((row, b))
    yield make_line(text[start:], page_no, [x for x in boxes[start:] if x], first + start)


def split_at_gutter(textpage, lines: list[Line], g: float, clip: PageClip) -> Iterator[Line]:
    """A line with glyph runs on both sides of the column gap is two lines (one per column)."""
    for ln in lines:
        parts = ln.parts or (ln.bbox,)
        if not (any(p[2] <= g for p in parts) and any(p[0] >= g for p in parts)) or any(p[0] < g < p[2] for p in parts):
            yield ln
            continue
        start = ln.char_start
        boxes = glyph_boxes(textpage, start, ln.text, clip)
        cut = next((k for k, b in enumerate(boxes) if b is not None and b[0] >= g), None)
        if cut is None or not ln.text[:cut].strip():
            yield ln
            continue
        for piece in (
            make_line(ln.text[:cut], ln.page, [b for b in boxes[:cut] if b], start),
            make_line(ln.text[cut:], ln.page, [b for b in boxes[cut:] if b], start + cut),
        ):
            piece.size, piece.bold = ln.size, ln.bold
            yield piece


def make_line(text: str, page_no: int, boxes: list[BBox], char_start: int) -> Line:
    lead = len(text) - len(text.lstrip())
    return Line(text.strip(), page_no, union(boxes), runs(boxes), char_start=char_start + lead)


def runs(boxes: list[BBox]) -> tuple[BBox, ...]:
    """Glyph boxes of one printed line merged into runs; a gap of ROW_GAP or more starts a run (a cell)."""
    out: list[BBox] = []
    for b in sorted(boxes, key=lambda b: b[0]):
        if out and b[0] - out[-1][2] < ROW_GAP:
            out[-1] = union((out[-1], b))
        else:
            out.append(b)
    return tuple(out)


def path_count(page) -> int:
    n = 0
    for _ in path_objects(page):
        n += 1
        if n >= MIN_PATHS_FOR_TABLE:
            break
    return n


def table_request(page, text: PageText, index: int, table_hint: TableHint) -> TableRequest | None:
    """Where pdfplumber should look for a borderless table on this page, if anywhere (it is slow)."""
    if not text.lines or not any(table_hint(ln.text) for ln in text.lines):
        return None
    common = {"index": index, "rotation": text.rotation, "media": (page.get_width(), page.get_height())}
    region = borderless_table_region(text.lines, text.size)
    if region is not None:
        return TableRequest(strategy="text", region=region, **common)
    return None


def rules_table_hint() -> TableHint:
    """The built-in rules' table hint, for a caller that passes none."""
    from ..rules import default_rules  # noqa: PLC0415  (the rules load only when a PDF is read)

    return default_rules().table_hint


def borderless_table_region(lines: list[Line], size: tuple[float, float]) -> BBox | None:
    """The box of rows that line up in three or more columns under priority labels, if the page has such rows.

    Conservative on purpose (a false table hurts more than a missed one): at least three rows in a run,
    at least two of them starting with a priority label, every row's cells starting where the first
    row's do.
    """
    rows = [ln for ln in lines if len(ln.parts) >= 3 and in_body(ln.bbox, size[1])]
    best: list[Line] = []
    run: list[Line] = []
    for ln in sorted(rows, key=lambda ln: ln.bbox[1]):
        if run and (
            ln.bbox[1] - run[-1].bbox[3] > 3 * (run[-1].bbox[3] - run[-1].bbox[1]) + 6 or not aligned(run[0], ln)
        ):
            best = max(best, run, key=lambda r: score_rows(r))
            run = []
        run.append(ln)
    best = max(best, run, key=lambda r: score_rows(r))
    if score_rows(best) < 2 or len(best) < 3:
        return None
    x0, top, x1, bottom = union(ln.bbox for ln in best)
    return (x0 - 2, top - 2, x1 + 2, bottom + 2)


def aligned(a: Line, b: Line) -> bool:
    """Cells of ``b`` start where ``a``'s do (first three columns, within 4 points)."""
    starts_a = [p[0] for p in a.parts]
    hits = sum(1 for p in b.parts if any(abs(p[0] - s) <= 4 for s in starts_a))
    return hits >= 3


def score_rows(rows: list[Line]) -> int:
    return sum(1 for ln in rows if PRIORITY_LABEL.match(ln.text))
