"""Ingest: a file on disk → Document (text with offsets back to page and box, tables as cells)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, LimitError, SlaError
from .document import Block, Cell, Document, Segment, Table
from .ingest import TableHint, read_pdf
from .textfile import read_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

__all__ = ["Block", "Cell", "Document", "Segment", "Table", "read_document"]


def read_document(
    path: str | Path, password: str | None = None, max_pages: int | None = None, table_hint: TableHint | None = None
) -> Document:
    """Read a PDF (by its magic bytes) or a text/Markdown file (by its suffix).

    Only SlaError escapes: whatever else a reader raises on a damaged file becomes an InputError
    that names the file, so one bad input never surfaces as a traceback.
    """
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
    try:
        if b"%PDF-" in head:
            return read_pdf(path, password, max_pages, table_hint)
        if path.suffix.lower() in TEXT_SUFFIXES:
            return read_text(path)
    except SlaError:
        raise
    except MemoryError:
        raise LimitError("ran out of memory reading this document", str(path)) from None
    except RecursionError:
        raise InputError("damaged PDF (its structure is nested too deeply)", str(path)) from None
    except Exception as exc:
        raise InputError(reader_failure(exc), str(path)) from None
    raise InputError(not_a_document(head), str(path))


def not_a_document(head: bytes) -> str:
    if not head:
        return "file is empty"
    if head.startswith(b"PK\x03\x04"):
        return "is a ZIP archive (a .docx or .xlsx?), not a PDF; export it to PDF first"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "is an HTML page, not a PDF; print it to PDF or save it as text first"
    return "not a PDF (no %PDF header) nor a .txt/.md file"


def reader_failure(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:300]  # one line, whatever the library put in its message
    if type(exc).__name__ == "PdfiumError":
        if "page" in detail.lower():
            return "damaged PDF: a page could not be loaded (broken or looping page tree?)"
        return f"damaged PDF ({detail})"
    return f"could not be read ({type(exc).__name__}: {detail})"
