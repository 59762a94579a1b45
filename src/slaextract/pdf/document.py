"""The Document: text with character offsets that map back to page and box.

Every later stage speaks in offsets into ``Document.text``. A ``Segment`` is a
run of that text that sits in one box on one page (a line of a paragraph, or a
table cell); ``locate`` turns any offset range back into page, box and quote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from ..model import BBox

BlockKind = Literal["para", "heading", "row"]


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    page: int  # 1-based
    bbox: BBox | None
    location: str | None = None  # where it sits in a source without pages ("Support › Hours, ¶ 12")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of the source with its level (1 = top), for the structure stage and heading paths."""

    start: int
    end: int
    level: int
    title: str


@dataclass(slots=True)
class Block:
    """A paragraph, heading or table row: the unit that rules read and evidence quotes."""

    start: int
    end: int
    page: int
    kind: BlockKind
    table: int | None = None  # index into Document.tables for rows
    row: int | None = None
    size: float = 0.0  # font size of its first line (0 where the source has none)
    bold: bool = False
    level: int | None = None  # a heading's level where the source states it (Markdown #, Word styles)


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    page: int
    bbox: BBox | None


@dataclass(slots=True)
class Table:
    """Rows of cells. ``header_rows`` leading rows are the header (repeated headers already dropped)."""

    page: int
    rows: list[list[Cell | None]]
    header_rows: int = 0


@dataclass
class Document:
    path: str
    sha256: str
    pages: int
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_sizes: list[tuple[float, float]] = field(default_factory=list)  # each page's shown width, height
    headings: list[Heading] = field(default_factory=list)  # in text order, where the source marks them
    paged: bool = True  # False for .docx, HTML and Markdown: evidence has no page, a location instead
    ocr_pages: set[int] = field(default_factory=set)  # pages whose text was read from the image by OCR
    _seg_starts: list[int] = field(default_factory=list, repr=False)
    _table_first: dict[int, int] | None = field(default=None, repr=False, compare=False)

    def finish(self) -> None:
        """Index segments for ``locate``; call once the text is complete."""
        self.segments.sort(key=lambda s: s.start)
        self._seg_starts = [s.start for s in self.segments]

    def cell_text(self, cell: Cell | None) -> str:
        return "" if cell is None else self.text[cell.start : cell.end]

    def locate(self, start: int, end: int) -> tuple[int, BBox | None]:
        """Page and union box of the text in [start, end); the box covers only the first page touched."""
        i = max(bisect.bisect_right(self._seg_starts, start) - 1, 0)
        page: int | None = None
        box: list[float] | None = None
        for k in range(i, len(self.segments)):  # not segments[i:]: a copy per call grows with the document
            seg = self.segments[k]
            if seg.start >= end:
                break
            if seg.end <= start:
                continue
            if page is None:
                page = seg.page
            elif seg.page != page:
                break
            if seg.bbox is not None:
                box = (
                    list(seg.bbox)
                    if box is None
                    else [
                        min(box[0], seg.bbox[0]),
                        min(box[1], seg.bbox[1]),
                        max(box[2], seg.bbox[2]),
                        max(box[3], seg.bbox[3]),
                    ]
                )
        if page is None:
            page = self.segments[i].page if self.segments else 1
        return page, (tuple(round(v, 1) for v in box) if box else None)  # type: ignore[return-value]

    def first_block_of_table(self, table: int) -> int | None:
        """Index of the table's first row in blocks (one pass over the blocks for all tables)."""
        if self._table_first is None:
            self._table_first = {}
            for i, b in enumerate(self.blocks):
                if b.table is not None:
                    self._table_first.setdefault(b.table, i)
        return self._table_first.get(table)

    def evidence_fields(self, start: int, end: int) -> dict:
        """Page, box and (where known) location and OCR flag of [start, end), as Evidence fields."""
        page, bbox = self.locate(start, end)
        fields: dict = {"page": page if self.paged else None, "bbox": bbox}
        touched = self.segments_in(start, end)
        location = next((s.location for s in touched if s.location), None)
        if location:
            fields["location"] = location
        if any(s.page in self.ocr_pages for s in touched):
            fields["ocr"] = True
        return fields

    def segments_in(self, start: int, end: int) -> list[Segment]:
        i = max(bisect.bisect_right(self._seg_starts, start) - 1, 0)
        out: list[Segment] = []
        for seg in self.segments[i:]:
            if seg.start >= end:
                break
            if seg.end > start:
                out.append(seg)
        return out

    def block_at(self, offset: int) -> Block | None:
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end + 1:
            return self.blocks[i]
        return None


class TextBuilder:
    """Appends text piece by piece, recording a Segment for every piece that has a place on a page."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    def add(
        self, text: str, page: int | None = None, bbox: BBox | None = None, location: str | None = None
    ) -> tuple[int, int]:
        start = self.length
        self._parts.append(text)
        self.length += len(text)
        if page is not None and text:
            self.segments.append(Segment(start, self.length, page, bbox, location))
        return start, self.length

    def text(self) -> str:
        return "".join(self._parts)
