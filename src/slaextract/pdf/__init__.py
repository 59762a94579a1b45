"""Ingest: a file on disk → Document (text with offsets back to page and box, tables as cells)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .document import Block, Cell, Document, Segment, Table
from .ingest import read_pdf
from .textfile import read_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

__all__ = ["Block", "Cell", "Document", "Segment", "Table", "read_document"]


def read_document(path: str | Path, password: str | None = None, max_pages: int | None = None) -> Document:
    """Read a PDF (by its magic bytes) or a text/Markdown file (by its suffix)."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", str(path))
    if path.is_dir():
        raise InputError("is a directory, not a file", str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", str(path)) from None
    if b"%PDF-" in head:
        return read_pdf(path, password, max_pages)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return read_text(path)
    if not head:
        raise InputError("file is empty", str(path))
    raise InputError("not a PDF (no %PDF header) nor a .txt/.md file", str(path))
