"""Lines → reading order → paragraphs: the geometry that turns a page of glyph runs into prose.

Everything here works on ``Line`` values (text, page, box in display
coordinates, and the glyph runs pdfium reported for the line) and knows
nothing of pdfium or pdfplumber. Reading order is the PDF's content order,
which generated PDFs get right, except on a two-column page whose content
order jumps between the columns: there the columns are read one after the
other, section by section (a full-width line or table starts a new section).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise
from statistics import median

import regex

from ..lexicon import chars, fragment, lexicon, marks
from ..model import BBox
from .geometry import h_overlap, union, v_overlap

MARGIN_FRACTION = 0.09  # top/bottom band where running headers and footers live
MAX_BINS = 4096  # most bins of the column-gap histogram (1 point each, wider only on a text over 10,000 points wide)
# A line that is nothing but a page number ("3", "- 3 -", "Page 3 of 12", "3/12", and each language's
# forms: patterns/<lang>/lexicon.yaml, page_number).
PAGE_NUMBER = regex.compile(
    rf"^\s*(?:{fragment('page_number')}|-\s*\d+\s*-|[-–—]?\s*\d{{1,4}}\s*[-–—]?)\s*$", regex.IGNORECASE
)
# A page mark inside a longer running line ("Confidential — Page 3 of 12").
PAGE_MARK = regex.compile(fragment("page_mark"), regex.IGNORECASE)
# A line that starts a numbered or bulleted clause ("3.1 ", "(a) ", "iv. ", "A.1 ", "• ", and each
# language's own forms: "Article ", clause_number in the lexicons).
NUMBERED_START = regex.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s|\(?[a-z]\)\s|\([ivx]+\)\s|[ivx]+\.\s|\d+(?:\)|\.(?!\d))"
    rf"|[A-Z]\.\d+(?:\.\d+)*\.?\s|[•·▪●■\-–]\s|{fragment('clause_number')})",
)
SENTENCE_END = marks("stop", "exclaim", "semicolon", "colon")
COMMAS = marks("comma")
# Word endings that a typesetter splits off with a hyphen ("avail-ability", "busi-ness"); anything else
# after a line-end hyphen is taken for the second half of a compound ("non-critical", "on-call").
HYPHENATION_TAILS = frozenset(lexicon().words("hyphenation_tails"))
LATIN_LOWER = regex.compile(r"^\p{Ll}")
CONTINUATION_START = regex.compile(rf"^[\p{{Ll}}\p{{Han}}\d“\"'‘{chars('open_bracket')}]")
WORD = regex.compile(r"^\p{L}+")
WRAPPED_NUMBER = regex.compile(r"^(?:\d+(?:\.\d+)?|\(\d+\))\s+\p{Ll}")  # "10 business days", "(60) days"
NUMBER_THEN_WORD = regex.compile(r"^\d+\s+\p{Ll}")  # "6 months' notice", not a clause number
HEADING_END = regex.compile(rf"[{chars('stop', 'semicolon', 'colon', 'comma')}]$")
BULLET_ONLY = regex.compile(r"^[•·▪●■◦‣○□➢►\-–—*]+$")


@dataclass(slots=True)
class Line:
    text: str
    page: int
    bbox: BBox  # x0, top, x1, bottom
    parts: tuple[BBox, ...] = ()  # glyph runs pdfium reported (a table row gives one per cell)
    col_right: float = 0.0  # right edge of the column the line sits in (set by reading order)
    side: str = "F"  # L, R (a column of a two-column page) or F (full width)
    size: float = 0.0  # font size of its first character
    bold: bool = False  # its first character's font weight is 600 or more
    char_start: int = -1  # index of its first character in the page's pdfium text


@dataclass(slots=True)
class TableMark:
    """Where a table sits in the reading order of its page."""

    index: int  # into the page's tables
    bbox: BBox
    anchor: int | None = None  # content-order position of the first line inside the table
    side: str = "F"


@dataclass
class Gutter:
    x: float
    left: float  # body's left edge
    right: float  # body's right edge


@dataclass
class PageText:
    """One page as read: its lines in content order, its size, and what it needs from the table finder."""

    number: int  # 1-based
    size: tuple[float, float]  # displayed width, height
    rotation: int
    lines: list[Line] = field(default_factory=list)
    gutter: Gutter | None = None
    tables: list = field(default_factory=list)  # ruled tables found while the page was open (PageTable)
    clipped: int = 0  # glyph boxes that lay wholly off the page and were clipped to its edge


# ---------------------------------------------------------------- columns


def find_gutter(lines: Sequence[Line], size: tuple[float, float]) -> Gutter | None:
    """The x of the gap between two text columns, if the page's body has two.

    Two columns: a vertical strip in the middle half of the body that (almost) no glyph run
    crosses, with at least five lines on each side standing side by side, each side mostly
    filled with long lines (prose, not the short cells of a borderless table).
    """
    body = [ln for ln in lines if in_body(ln.bbox, size[1])]
    if len(body) < 6:
        return None
    parts = [p for ln in body for p in (ln.parts or (ln.bbox,))]
    left, right = min(p[0] for p in parts), max(p[2] for p in parts)
    width = right - left
    if width < 200:
        return None
    if median(max(p[2] - p[0] for p in (ln.parts or (ln.bbox,))) for ln in body) > 0.75 * width:
        return None  # most lines run across the page: one column
    lo, hi = int(left + 0.3 * width), int(left + 0.7 * width)
    step = max(1, -(-(hi - lo + 1) // MAX_BINS))
    crossing = crossings(parts, lo, hi, step)
    best = min(crossing)
    if best > max(2, 0.1 * len(body)):
        return None
    # the widest run of x with the fewest crossings
    run_start, runs = None, []
    for i, c in enumerate([*crossing, best + 1]):
        if c == best and run_start is None:
            run_start = i
        elif c != best and run_start is not None:
            runs.append((i - run_start, run_start, i - 1))
            run_start = None
    span, a, b = max(runs)
    if span * step < 6:
        return None
    g = lo + (a + b) / 2 * step
    gutter = Gutter(g, left, right)
    lefts = [side_box(ln, g, "L") for ln in body]
    rights = [side_box(ln, g, "R") for ln in body]
    lefts_b = [b for b in lefts if b is not None]
    rights_b = [b for b in rights if b is not None]
    if len(lefts_b) < 5 or len(rights_b) < 5:
        return None
    if not 0.5 <= (g - left) / (right - g) <= 2.0:
        return None
    if v_overlap(union(lefts_b), union(rights_b)) < 0.5 * min(
        union(lefts_b)[3] - union(lefts_b)[1], union(rights_b)[3] - union(rights_b)[1]
    ):
        return None
    for boxes, col_w in ((lefts_b, g - left), (rights_b, right - g)):
        if median(b[2] - b[0] for b in boxes) < 0.6 * col_w:
            return None
    return gutter


def crossings(parts: Sequence[BBox], lo: int, hi: int, step: int) -> list[int]:
    """How many glyph runs cross each bin of ``step`` points from x = lo to hi (a difference array).

    The bins are 1 point wide on any real page; on a page whose text spans more than MAX_BINS
    points they widen, so the list never outgrows MAX_BINS whatever coordinates a PDF claims.
    """
    n = (hi - lo) // step + 1
    delta = [0] * (n + 1)
    for p in parts:
        a, b = max(lo, int(p[0]) + 1), min(hi, int(p[2] - 1e-6))
        if a <= b:
            delta[(a - lo) // step] += 1
            delta[(b - lo) // step + 1] -= 1
    out, running = [], 0
    for d in delta[:-1]:
        running += d
        out.append(running)
    return out


def side_box(line: Line, g: float, side: str) -> BBox | None:
    """The part of the line on one side of the gutter."""
    parts = [p for p in (line.parts or (line.bbox,)) if (p[2] <= g + 1 if side == "L" else p[0] >= g - 1)]
    return union(parts) if parts else None


def side_of(box: BBox, gutter: Gutter | None) -> str:
    if gutter is None:
        return "F"
    if box[2] <= gutter.x + 2:
        return "L"
    if box[0] >= gutter.x - 2:
        return "R"
    return "F"


def in_body(box: BBox, page_height: float) -> bool:
    return box[1] >= page_height * MARGIN_FRACTION and box[3] <= page_height * (1 - MARGIN_FRACTION)


def reading_order(items: list[Line | TableMark], gutter: Gutter | None) -> list[Line | TableMark]:
    """The page's items in reading order (see the module doc); every item gets its side and column edge."""
    right_edge: dict[str, float] = {}
    for it in items:
        it.side = side_of(it.bbox, gutter)
        right_edge[it.side] = max(right_edge.get(it.side, 0.0), it.bbox[2])
    for it in items:
        if isinstance(it, Line):
            it.col_right = right_edge[it.side] if it.side != "F" or gutter is None else right_edge.get("R", it.bbox[2])
    if gutter is None:
        return items
    sides = [it.side for it in items if it.side != "F"]
    switches = sum(1 for a, b in pairwise(sides) if a != b)
    sections = 1 + sum(1 for a, b in pairwise(items) if a.side == "F" and b.side != "F")
    if switches <= sections:
        return items  # content order already reads column by column
    full = sorted((it for it in items if it.side == "F"), key=lambda it: it.bbox[1])
    out: list[Line | TableMark] = []
    cuts = [it.bbox[1] for it in full] + [float("inf")]
    cols = [it for it in items if it.side != "F"]
    before = [it for it in cols if it.bbox[1] < cuts[0]]
    out.extend(by_column(before))
    for k, f in enumerate(full):
        out.append(f)
        out.extend(by_column([it for it in cols if cuts[k] <= it.bbox[1] < cuts[k + 1]]))
    return out


def by_column(items: list[Line | TableMark]) -> list[Line | TableMark]:
    return sorted(items, key=lambda it: (it.side != "L", it.bbox[1], it.bbox[0]))


def place_tables(lines: list[Line], marks: list[TableMark]) -> list[Line | TableMark]:
    """Lines and tables in content order: a table stands where its first line was drawn."""
    items: list[Line | TableMark] = list(lines)
    anchored = [m for m in marks if m.anchor is not None]
    anchored.sort(key=lambda m: (m.anchor, m.index), reverse=True)
    for m in anchored:
        items.insert(min(m.anchor or 0, len(items)), m)
    for m in marks:
        if m.anchor is None:  # a table without text of its own: by position, among lines of its column
            at = next(
                (
                    k
                    for k, it in enumerate(items)
                    if isinstance(it, Line) and it.bbox[1] > m.bbox[1] and h_overlap(it.bbox, m.bbox) > 0
                ),
                len(items),
            )
            items.insert(at, m)
    return items


# ---------------------------------------------------------------- running headers and footers


def running_lines(pages: Sequence[PageText]) -> set[tuple[int, int]]:
    """(page position, line index) of lines that are running headers, footers or page numbers.

    A margin line is running when it comes back on another page (digits aside, or nearly the same
    words, as when an annex adds its name to the header), or when it is a page number.
    """

    def key(line: Line) -> str:
        return regex.sub(r"\d+", "#", line.text.lower())

    margins = [[(i, ln) for i, ln in enumerate(page.lines) if not in_body(ln.bbox, page.size[1])] for page in pages]
    counts: Counter[str] = Counter()
    for lines in margins:
        counts.update({key(ln) for _, ln in lines})
    drop = set()
    for p, lines in enumerate(margins):
        for i, ln in lines:
            if (
                PAGE_NUMBER.match(ln.text)
                or (len(ln.text) <= 90 and PAGE_MARK.search(ln.text))
                or counts[key(ln)] >= 2
                or near_repeat(key(ln), margins, p, key)
            ):
                drop.add((p, i))
    return drop


def near_repeat(text: str, margins: list[list[tuple[int, Line]]], p: int, key) -> bool:
    """The same margin line, give or take a few words, on a neighbouring page."""
    if len(text) < 12:
        return False
    for q in (p - 2, p - 1, p + 1, p + 2):
        if 0 <= q < len(margins):
            for _, other in margins[q]:
                o = key(other)
                if abs(len(o) - len(text)) <= 0.3 * len(text) and SequenceMatcher(None, text, o).ratio() >= 0.8:
                    return True
    return False


# ---------------------------------------------------------------- paragraphs


def line_pitch(lines: Sequence[Line]) -> float:
    """The page's usual distance from one line's top to the next (glyph boxes are too tight to use gaps)."""
    pitches = sorted(
        b.bbox[1] - a.bbox[1] for a, b in pairwise(lines) if 0 < b.bbox[1] - a.bbox[1] < 40 and a.side == b.side
    )
    return pitches[len(pitches) // 3] if pitches else 12.0


def starts_paragraph(prev: Line, line: Line, pitch: float, body_size: float = 0.0, alone: bool = False) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (``alone``: prev is its only line)."""
    if alone and heading_line(prev, line, body_size):
        return True
    if prev.page != line.page or prev.side != line.side:
        return not continues(prev, line)
    step = line.bbox[1] - prev.bbox[1]
    if step < -pitch and line.side == prev.side and line.side != "F":
        return not continues(prev, line)  # the next column of a section
    if step > 1.35 * pitch or step < -pitch:  # a blank line, or a jump back up
        return not (step <= 2.5 * pitch and same_grid(prev, line))
    if same_grid(prev, line):
        return False
    return bool(NUMBERED_START.match(line.text)) and not wraps_before_number(prev, line)


def wraps_before_number(prev: Line, line: Line) -> bool:
    """A sentence wrapped just before a number ("… the remainder resolved within" over "10
    business days."): the number is the sentence's, not a new list item's."""
    text = prev.text.rstrip()
    return bool(text) and text[-1] not in SENTENCE_END and text[-1].isalpha() and bool(WRAPPED_NUMBER.match(line.text))


def heading_line(line: Line, nxt: Line, body_size: float) -> bool:
    """A short line set apart by its type (bold, larger, or all capitals) over a line that is not."""
    text = line.text.strip()
    if len(text) > 80 or not text or text[-1] in SENTENCE_END + COMMAS:
        return False
    letters = [c for c in text if c.isalpha()]
    latin = [c for c in letters if c.isascii()]
    caps = len(latin) >= 3 and len(latin) == len(letters) and all(c.isupper() for c in latin)
    larger = body_size > 0 and line.size >= 1.15 * body_size
    if caps and not nxt.text.isupper():
        return True
    if not ((line.bold and not nxt.bold) or (larger and nxt.size < line.size)):
        return False
    width = max(line.col_right - line.bbox[0], 1.0) if line.col_right else 0.0
    return not width or (line.bbox[2] - line.bbox[0]) < 0.7 * width


def body_font_size(lines: Sequence[Line]) -> float:
    sizes = Counter(round(ln.size * 2) / 2 for ln in lines if ln.size > 0)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def same_grid(a: Line, b: Line) -> bool:
    """Two rows of a borderless table: both cut into cells by wide gaps, the cells starting at the same x."""
    if len(a.parts) < 2 or len(b.parts) < 2:
        return False
    starts = [p[0] for p in a.parts[1:]]
    return (
        sum(1 for p in b.parts[1:] if any(abs(p[0] - s) <= 4 for s in starts)) >= 1
        and abs(a.parts[0][0] - b.parts[0][0]) <= 4
    )


def continues(prev: Line, line: Line) -> bool:
    """Whether ``line``, first of a new page or column, carries on the sentence that ``prev`` left open."""
    text = prev.text.rstrip()
    if not text or text[-1] in SENTENCE_END:
        return False
    if NUMBERED_START.match(line.text) and not (text[-1].islower() and NUMBER_THEN_WORD.match(line.text)):
        return False
    full = prev.bbox[2] >= prev.col_right - 0.12 * max(prev.col_right - prev.bbox[0], 1.0) if prev.col_right else False
    if not full:
        return False
    return bool(CONTINUATION_START.match(line.text))


def is_heading(lines: Sequence[Line]) -> bool:
    text = " ".join(ln.text for ln in lines)
    return (
        len(lines) == 1
        and len(text) < 70
        and not HEADING_END.search(text)
        and not regex.search(r"\d+(?:\.\d+)?\s*%", text)
    )


def joint(prev: str, nxt: str) -> tuple[str, str]:
    """How a paragraph's line ``prev`` meets the next line: (prev as emitted, separator).

    A line broken at a hyphen before a lower-case word is joined: pdfium already marks most of
    these with U+FFFE (which the match layer drops); a plain "-" left by pdfium is kept for a
    compound ("non-critical") and turned into U+FFFE for a word split ("avail-ability").
    """
    if prev.endswith("\ufffe"):
        return prev, ""
    if len(prev) >= 2 and prev[-1] in "-\u2010" and prev[-2].isalnum() and LATIN_LOWER.match(nxt):
        tail = WORD.match(nxt)
        if prev[-2].isalpha() and prev[-2].islower() and tail and tail.group().lower() in HYPHENATION_TAILS:
            return prev[:-1] + "\ufffe", ""
        return prev, ""
    return prev, "\n"
