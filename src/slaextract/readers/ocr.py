"""OCR for PDF pages without a usable text layer (the extra ``slaextract[ocr]``).

RapidOCR runs PaddleOCR's PP-OCRv4 detection and recognition models (Chinese and English in
one model) on onnxruntime; the models ship inside the rapidocr-onnxruntime wheel, so nothing is
downloaded at run time. A page is rendered at OCR_DPI, its text boxes are grouped into printed
lines (boxes side by side on one baseline are the line's runs, as PDFium's glyph runs are), and
boxes become display coordinates in PDF points, so evidence points at the scanned line. Lines
that line up in columns under each other are read as a table, with one cell per box.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from statistics import mean, median

import regex

from ..errors import InputError
from ..pdf.geometry import union
from ..pdf.layout import Line, PageText, find_gutter
from .flow import CJK_CLASS, join_lines
from .ocr_tables import Box, Row, aligned_tables, ruled_tables

OCR_DPI = 200
MIN_SCAN_PIXELS = 500  # a page image smaller than this on its long side cannot hold a readable page
MIN_TEXT_CHARS = 20  # a page with fewer characters in its text layer is read by OCR in auto mode
DETECT_SIDE = 1600  # text is found on the page scaled to this many pixels (less memory); read at full size
MIN_SCORE = 0.5  # boxes the recogniser is less sure of are dropped
WORD_GAP = 0.2  # a blank gap this wide (share of the line box's height) between two letters is a space
INK_LEVEL = 140  # grey values below this are ink
CODE_WITH_O = regex.compile(r"^([A-Z])(O[0-9O]*)$")
NUMERIC = regex.compile(r"[0-9.,:%]")  # digits are set wide with blank sides: "1 1" is eleven, "99. 5" one number
CJK_EDGE = regex.compile(CJK_CLASS)
EXTRA_HINT = "pip install 'slaextract[ocr]'"


_engine = None  # one per process: a worker that reads scan after scan loads the models once


def load_engine():
    """The RapidOCR engine, or an InputError that names the extra to install.

    One inference thread: documents run in parallel workers, and onnxruntime's spinning thread
    pool only slows a busy machine down. The libraries and models are the tool's own fixed cost,
    not the document's, so the worker's memory cap is moved up by what loading them took.
    """
    global _engine
    if _engine is None:
        with cap_moved_by_what_it_takes():
            try:
                from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415  (optional, heavy: loaded only to OCR)
            except ImportError:
                raise InputError(f"OCR needs the ocr extra: {EXTRA_HINT}") from None
            _engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, max_side_len=DETECT_SIDE)
    return _engine


@contextmanager
def cap_moved_by_what_it_takes():
    """Lift the address-space cap (soft limit) while loading, then set it back higher by what loading took."""
    try:
        import resource  # noqa: PLC0415

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        yield
        return
    if soft == resource.RLIM_INFINITY:
        yield
        return
    before = vm_bytes()
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    try:
        yield
    finally:
        grown = max(vm_bytes() - before, 0)
        new_soft = soft + grown if hard == resource.RLIM_INFINITY else min(soft + grown, hard)
        resource.setrlimit(resource.RLIMIT_AS, (new_soft, hard))


def vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def ocr_available() -> bool:
    from importlib.util import find_spec  # noqa: PLC0415

    return find_spec("rapidocr_onnxruntime") is not None


@dataclass
class PageOcr:
    """Reads the pages it is asked to; remembers which, and how sure it was, for the warnings."""

    mode: str = "auto"
    engine: object = None
    pages: dict[int, float] = field(default_factory=dict)  # page → mean confidence
    tried: int = 0  # pages handed to OCR, text found or not

    def wants(self, text: PageText, page=None) -> bool:
        if self.mode == "never":
            return False
        if self.mode == "always":
            return True
        return sum(len(ln.text) for ln in text.lines) < MIN_TEXT_CHARS and (page is None or holds_a_scan(page))

    def read(self, page, text: PageText) -> PageText:
        self.tried += 1
        if self.engine is None:
            self.engine = load_engine()
        boxes, gray = self.recognise(page, text.number)
        out = PageText(text.number, text.size, text.rotation)
        out.tables, outside = ruled_tables(gray, OCR_DPI / 72, boxes, text.number)
        rows = rows_of(boxes)
        body_height = median(b.bbox[3] - b.bbox[1] for b in boxes) if boxes else 10.0
        gutter = find_gutter([line_of(r, text.number, body_height) for r in rows], out.size)
        if gutter is not None:
            rows = split_rows_at(rows, gutter.x)
        out.lines = [line_of(r, text.number, body_height) for r in rows]
        loose = {id(b) for b in outside}  # boxes no ruled table took
        out.tables += aligned_tables([kept for r in rows if (kept := [b for b in r if id(b) in loose])], text.number)
        if boxes:
            self.pages[text.number] = mean(b.score for b in boxes)
        return out

    def recognise(self, page, page_no: int) -> tuple[list[Box], object]:
        """The page's text boxes in display points, and its grey image."""
        scale = OCR_DPI / 72
        bitmap = page.render(scale=scale, grayscale=True)  # display orientation: pixels / scale are points
        try:
            gray = bitmap.to_numpy()
        finally:
            bitmap.close()
        if gray.ndim == 3:
            gray = gray[:, :, 0]
        try:
            found, _ = self.engine(gray, return_word_box=True)  # type: ignore[operator]
        except Exception as exc:  # onnxruntime puts a whole traceback in its message: keep its last line
            detail = str(exc).strip().splitlines()[-1][:200] if str(exc).strip() else type(exc).__name__
            raise InputError(f"OCR failed on page {page_no}: {detail}") from None
        boxes: list[Box] = []
        for corners, text, score, *chars in found or []:
            if float(score) < MIN_SCORE or not str(text).strip():
                continue
            xs, ys = [p[0] for p in corners], [p[1] for p in corners]
            spaced = code_digits(with_spaces(gray, chars, str(text), (min(ys), max(ys))))
            box = (min(xs) / scale, min(ys) / scale, max(xs) / scale, max(ys) / scale)
            boxes.append(Box(spaced.strip(), box, float(score)))
        return boxes, gray

    def warnings(self) -> list[str]:
        if not self.pages:
            return []
        from ..pdf.ingest import page_list  # noqa: PLC0415  (ingest imports this module's callers)

        confidence = mean(self.pages.values())
        return [
            f"read by OCR: page(s) {page_list(sorted(self.pages))} (mean confidence {confidence:.2f}); check the quotes"
        ]


def holds_a_scan(page) -> bool:
    """An image large enough to hold readable text (a logo or a stamp is not a scanned page)."""
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        try:
            if max(obj.get_px_size()) >= MIN_SCAN_PIXELS:
                return True
        except Exception:  # an image PDFium cannot size: read the page rather than miss it
            return True
    return False


# ---------------------------------------------------------------- spaces between words


def with_spaces(gray, chars: list, text: str, band: tuple[float, float]) -> str:
    """The recogniser (a Chinese model) seldom emits the spaces between English words; put one
    wherever the image shows a blank gap between two characters wider than a letter gap."""
    if len(chars) < 2 or len(chars[0]) != len(chars[1]) or not chars[1]:
        return text
    char_boxes, tokens = chars[0], chars[1]
    top, bottom = max(int(band[0]), 0), int(band[1]) + 1
    min_gap = max(2.0, WORD_GAP * (bottom - top))
    out = [tokens[0]]
    for k in range(1, len(tokens)):
        before, after = tokens[k - 1][-1:], tokens[k][:1]
        joined = CJK_EDGE.search(before) or CJK_EDGE.search(after) or (NUMERIC.match(before) and NUMERIC.match(after))
        if not joined:
            a, b = centre(char_boxes[k - 1]), centre(char_boxes[k])
            if b > a and blank_run(gray[top:bottom, a:b]) >= min_gap:
                out.append(" ")
        out.append(tokens[k])
    return "".join(out)


def code_digits(text: str) -> str:
    """A box that is a letter and a round glyph ("PO", "SO1") is a code like P0, not a word: O and 0 look
    alike, and a priority label read as letters would be lost."""
    return CODE_WITH_O.sub(lambda m: m.group(1) + m.group(2).replace("O", "0"), text)


def centre(corners) -> int:
    return int((min(p[0] for p in corners) + max(p[0] for p in corners)) / 2)


def blank_run(strip) -> int:
    """The widest run of pixel columns with no ink in the strip."""
    ink = (strip < INK_LEVEL).any(axis=0)
    best = run = 0
    for has_ink in ink:
        run = 0 if has_ink else run + 1
        best = max(best, run)
    return best


# ---------------------------------------------------------------- boxes → rows → lines and tables


def rows_of(boxes: list[Box]) -> list[Row]:
    """Boxes on one baseline make one row, left to right; rows top to bottom."""
    rows: list[Row] = []
    for box in sorted(boxes, key=lambda b: (b.bbox[1] + b.bbox[3]) / 2):
        if rows and same_row(rows[-1], box):
            rows[-1].append(box)
        else:
            rows.append([box])
    for row in rows:
        row.sort(key=lambda b: b.bbox[0])
    return rows


def same_row(row: Row, box: Box) -> bool:
    """The box's middle lies inside the row's band (a box on the next line starts below it)."""
    top, bottom = min(b.bbox[1] for b in row), max(b.bbox[3] for b in row)
    middle = (box.bbox[1] + box.bbox[3]) / 2
    return top < middle < bottom


def line_of(row: Row, page_no: int, body_height: float) -> Line:
    """A row as a printed line; its 'font size' is its box height against the page's usual one."""
    parts = tuple(b.bbox for b in row)
    height = median(b.bbox[3] - b.bbox[1] for b in row)
    return Line(join_lines([b.text for b in row]), page_no, union(parts), parts, size=10.0 * height / body_height)


def split_rows_at(rows: list[Row], x: float) -> list[Row]:
    """On a two-column page a row of boxes across the gap is two rows, one per column: between two
    full-width rows (a title, a table across the page) the left column is read before the right."""
    out: list[Row] = []
    left: list[Row] = []
    right: list[Row] = []
    for row in rows:
        if any(b.bbox[0] < x < b.bbox[2] for b in row):
            out += [r for r in left + right if r]
            left, right = [], []
            out.append(row)
            continue
        left.append([b for b in row if b.bbox[2] <= x])
        right.append([b for b in row if b.bbox[2] > x])
    return out + [r for r in left + right if r]
