"""Ingest: a file on disk → Document (text with offsets back to page and box, tables as cells)."""

from __future__ import annotations

from pathlib import Path

from .document import Block, Cell, Document, Segment, Table
from .ingest import TableHint
from .textfile import read_text  # noqa: F401  (the text reader, by the name callers know)

__all__ = ["Block", "Cell", "Document", "Segment", "Table", "read_document"]


def read_document(
    path: str | Path,
    password: str | None = None,
    max_pages: int | None = None,
    table_hint: TableHint | None = None,
    changes: str | None = None,
    ocr: str | None = None,
) -> Document:
    """Read a PDF, Word .docx, HTML, Markdown or text file (known by its content) into a Document.

    The readers live in slaextract.readers; this entry stays where every caller imports it from.
    changes (accept|reject) and ocr (auto|always|never) default from SLAEXTRACT_CHANGES / SLAEXTRACT_OCR.
    """
    from ..readers import ReadOptions  # noqa: PLC0415  (readers import this package)
    from ..readers import read_document as read_any  # noqa: PLC0415

    given = {k: v for k, v in (("changes", changes), ("ocr", ocr)) if v is not None}
    options = ReadOptions(password=password, max_pages=max_pages, table_hint=table_hint, **given)  # type: ignore[arg-type]
    return read_any(path, options)
