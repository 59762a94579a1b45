"""Tables on a scanned page: ruled ones from the lines drawn in the image, borderless ones from alignment.

A ruled table's rules are found with two morphological openings of the ink (long horizontal and
long vertical strokes, opencv ships with the ocr extra); the rules cut the table into row and
column bands and every OCR box goes to the cell its centre falls in, so a cell that wraps over
several printed lines is still one cell. Rows of boxes that start in the same columns, three or
more in a run, are read as a borderless table.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import BBox
from ..pdf.geometry import union
from ..pdf.tables import PageTable
from .flow import join_lines

MIN_RULE_SHARE = 0.35  # a rule spans at least this share of its table's width (rows) or height (columns)
MAX_CELL_CHARS = 30  # the median cell of a borderless table is at most this long
INK = 160  # grey values below this are ink (rules are often light grey)


@dataclass
class Box:
    text: str
    bbox: BBox  # display points
    score: float


Row = list[Box]


def ruled_tables(gray, scale: float, boxes: list[Box], page_no: int) -> tuple[list[PageTable], list[Box]]:
    """Tables drawn with rules, and the boxes outside them."""
    import cv2  # noqa: PLC0415  (part of the ocr extra)
    import numpy as np  # noqa: PLC0415

    ink = (gray < INK).astype(np.uint8) * 255
    height, width = ink.shape
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (width // 12, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, height // 40)))
    grid = cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grid)
    tables: list[PageTable] = []
    inside: set[int] = set()
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k][:4])
        if w < width // 5 or h < height // 60:
            continue
        rows = bands(horizontal[y : y + h, x : x + w].sum(axis=1) / 255, w) + y
        cols = bands(vertical[y : y + h, x : x + w].sum(axis=0) / 255, h) + x
        if len(rows) < 3 or len(cols) < 3:
            continue  # a box or a single rule, not a table of two rows and two columns at least
        table, used = fill_cells([r / scale for r in rows], [c / scale for c in cols], boxes, page_no)
        if table is not None:
            tables.append(table)
            inside |= used
    return tables, [b for i, b in enumerate(boxes) if i not in inside]


def bands(profile, span: int):
    """Positions of rules: runs of the profile (ink per pixel row or column) over MIN_RULE_SHARE of the span."""
    import numpy as np  # noqa: PLC0415

    on = profile >= MIN_RULE_SHARE * span
    positions, start = [], None
    for i, flag in enumerate([*on, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            positions.append((start + i - 1) / 2)
            start = None
    return np.array(positions)


def fill_cells(rows: list[float], cols: list[float], boxes: list[Box], page_no: int):
    """The boxes whose centre lies between two rules, by row band and column band."""
    cells: dict[tuple[int, int], list[Box]] = {}
    used: set[int] = set()
    for i, box in enumerate(boxes):
        cx, cy = (box.bbox[0] + box.bbox[2]) / 2, (box.bbox[1] + box.bbox[3]) / 2
        r = next((j for j in range(len(rows) - 1) if rows[j] <= cy < rows[j + 1]), None)
        c = next((j for j in range(len(cols) - 1) if cols[j] <= cx < cols[j + 1]), None)
        if r is not None and c is not None:
            cells.setdefault((r, c), []).append(box)
            used.add(i)
    if not cells:
        return None, used
    texts: list[list[str | None]] = []
    cell_boxes: list[list[BBox | None]] = []
    for r in sorted({r for r, _ in cells}):
        texts.append([])
        cell_boxes.append([])
        for c in range(len(cols) - 1):
            held = sorted(cells.get((r, c), []), key=lambda b: (round(b.bbox[1] / 4), b.bbox[0]))
            texts[-1].append(join_lines([b.text for b in held]))
            cell_boxes[-1].append(union(b.bbox for b in held) if held else None)
    bbox = (cols[0], rows[0], cols[-1], rows[-1])
    return PageTable(page_no, bbox, texts, cell_boxes), used


# ---------------------------------------------------------------- borderless tables


def aligned_tables(rows: list[Row], page_no: int) -> list[PageTable]:
    """Runs of three or more rows whose boxes start in the same columns, read as tables."""
    found: list[PageTable] = []
    run: list[Row] = []
    for row in [*rows, None]:
        if row is not None and len(row) >= 2 and (not run or aligned(run, row)):
            run.append(row)
            continue
        if len(run) >= 3 and short_cells(run):
            found.append(table_from(run, page_no))
        run = [row] if row is not None and len(row) >= 2 else []
    return found


def short_cells(run: list[Row]) -> bool:
    """Cells of a table are short; two columns of prose side by side (a two-column page whose gap
    was not found) are not a table."""
    lengths = sorted(len(b.text) for row in run for b in row)
    return lengths[len(lengths) // 2] <= MAX_CELL_CHARS


def column_starts(run: list[Row]) -> list[float]:
    return [b.bbox[0] for b in max(run, key=len)]


def aligned(run: list[Row], row: Row) -> bool:
    """Every box after the first starts within 12 points of a column of the run, and the row is near."""
    starts = column_starts(run)
    last_top, last_bottom = min(b.bbox[1] for b in run[-1]), max(b.bbox[3] for b in run[-1])
    near = min(b.bbox[1] for b in row) - last_bottom < 2.5 * (last_bottom - last_top)
    return near and all(any(abs(b.bbox[0] - s) <= 12 for s in starts) for b in row[1:])


def table_from(run: list[Row], page_no: int) -> PageTable:
    starts = column_starts(run)
    rows: list[list[str | None]] = []
    boxes: list[list[BBox | None]] = []
    for row in run:
        cells: list[str] = [""] * len(starts)
        cell_boxes: list[BBox | None] = [None] * len(starts)
        for box in row:
            col = min(range(len(starts)), key=lambda c: abs(starts[c] - box.bbox[0]))
            cells[col] = join_lines([cells[col], box.text])
            held = cell_boxes[col]
            cell_boxes[col] = box.bbox if held is None else union((held, box.bbox))
        rows.append(list(cells))
        boxes.append(cell_boxes)
    return PageTable(page_no, union(b.bbox for row in run for b in row), rows, boxes)
