"""Tables via pdfplumber, only on the pages that need it (pdfplumber is the slow part of ingest).

Ruled tables use pdfplumber's lines strategy; a borderless table uses the text
strategy inside the region where ingest saw rows line up. Pages are read in
chunks, each from a freshly opened file, so a long document never holds more
than a chunk's parsed pages in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..model import BBox

CHUNK = 25  # pages per pdfplumber open
TEXT_SETTINGS = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 5,
    "min_words_vertical": 3,
    "min_words_horizontal": 1,
    "text_x_tolerance": 2,
}


@dataclass(slots=True)
class PageTable:
    page: int  # 1-based
    bbox: BBox
    rows: list[list[str | None]]
    cell_boxes: list[list[BBox | None]]


@dataclass(slots=True)
class TableRequest:
    index: int  # 0-based page
    strategy: Literal["lines", "text"] = "lines"
    region: BBox | None = None  # where to look (text strategy), display coordinates
    rotation: int = 0
    media: tuple[float, float] = (0.0, 0.0)  # unrotated page width, height


def find_tables(path: Path, requests: list[TableRequest], password: str | None = None) -> dict[int, list[PageTable]]:
    """Tables on the requested pages, keyed by 0-based page index. Merged cells come back as None."""
    import pdfplumber  # noqa: PLC0415  (imported only when a page looks tabular)

    found: dict[int, list[PageTable]] = {}
    requests = sorted(requests, key=lambda r: r.index)
    for at in range(0, len(requests), CHUNK):
        chunk = requests[at : at + CHUNK]
        with pdfplumber.open(path, password=password or "", pages=[r.index + 1 for r in chunk]) as pdf:
            for request, page in zip(chunk, pdf.pages, strict=False):
                try:
                    tables = page_tables(page, request)
                finally:
                    page.flush_cache()
                    page.close()
                if tables:
                    found[request.index] = tables
    return found


def page_tables(page, request: TableRequest) -> list[PageTable]:
    shift = plumber_shift(request)
    if request.strategy == "text":
        if request.region is None:
            return []
        x0, top, x1, bottom = request.region
        region = (
            max(x0 - shift[0], page.bbox[0]),
            max(top - shift[1], page.bbox[1]),
            min(x1 - shift[0], page.bbox[2]),
            min(bottom - shift[1], page.bbox[3]),
        )
        found = page.crop(region).find_tables(table_settings=TEXT_SETTINGS)
        keep = plausible_borderless
    else:
        found = page.find_tables()
        keep = plausible_ruled
    tables = []
    for table in found:
        rows = table.extract()
        boxes = [[moved(c, shift) if c else None for c in row.cells] for row in table.rows]
        if request.strategy == "text":  # the text strategy cuts a gap row between every two rows of words
            kept = [k for k, r in enumerate(rows) if any(c and c.strip() for c in r)]
            rows, boxes = [rows[k] for k in kept], [boxes[k] for k in kept]
        if not keep(rows):
            continue
        tables.append(PageTable(request.index + 1, moved(table.bbox, shift), rows, boxes))
    return tables


def plumber_shift(request: TableRequest) -> tuple[float, float]:
    """What to add to pdfplumber's coordinates to get display coordinates.

    pdfplumber rotates a /Rotate 270 page's objects but measures from the unrotated page's size,
    so its boxes there sit (height - width) off in x and (width - height) off in y.
    """
    if request.rotation == 270:
        w, h = request.media
        return (h - w, w - h)
    return (0.0, 0.0)


def moved(box, shift: tuple[float, float]) -> BBox:
    x0, top, x1, bottom = box
    return (x0 + shift[0], top + shift[1], x1 + shift[0], bottom + shift[1])


def plausible_ruled(rows: list[list[str | None]]) -> bool:
    return len(rows) >= 2 and max(len(r) for r in rows) >= 2


def plausible_borderless(rows: list[list[str | None]]) -> bool:
    """Three or more rows of three or more columns, most rows with text in at least three cells."""
    if len(rows) < 3 or max(len(r) for r in rows) < 3:
        return False
    return mostly_filled(rows, 3)


def mostly_filled(rows: list[list[str | None]], cells: int) -> bool:
    """At least 60 % of the rows have text in `cells` cells or more."""
    return sum(1 for r in rows if sum(1 for c in r if c and c.strip()) >= cells) >= 0.6 * len(rows)
