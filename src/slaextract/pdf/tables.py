"""Tables via pdfplumber, only on the pages that need it (pdfplumber is the slow part of ingest)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import BBox


@dataclass(slots=True)
class PageTable:
    page: int  # 1-based
    bbox: BBox
    rows: list[list[str | None]]
    cell_boxes: list[list[BBox | None]]


def find_tables(path: Path, page_indexes: list[int], password: str | None = None) -> dict[int, list[PageTable]]:
    """Tables on the given 0-based pages, keyed by page index. Merged cells come back as None."""
    import pdfplumber  # noqa: PLC0415  (imported only when a page looks tabular)

    found: dict[int, list[PageTable]] = {}
    with pdfplumber.open(path, password=password or "") as pdf:
        for i in page_indexes:
            page = pdf.pages[i]
            tables = []
            for table in page.find_tables():
                rows = table.extract()
                if len(rows) < 2 or max(len(r) for r in rows) < 2:
                    continue
                boxes = [[tuple(c) if c else None for c in row.cells] for row in table.rows]
                tables.append(PageTable(i + 1, tuple(table.bbox), rows, boxes))  # type: ignore[arg-type]
            if tables:
                found[i] = tables
            page.flush_cache()
    return found
