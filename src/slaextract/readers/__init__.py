"""Readers: one per input kind behind one interface, chosen by the file's content, never its name.

Every reader turns a file into the same ``Document`` (text with offsets → segments with page
and box or a location; blocks; tables as cells; headings with levels), so fields and rules
never know where the text came from:

    pdf       text layer via PDFium; pages without text are read by OCR (``--ocr``, extra ``ocr``)
    docx      Word package parts via lxml: tracked changes (``--changes``), comments, footnotes
    html      lxml's HTML parser: headings, lists, tables; scripts and navigation dropped
    markdown  markdown-it-py: headings, lists, pipe tables
    text      plain text, paragraphs at blank lines and numbered clauses

``read_document`` is the one entry (the CLI's worker and the library call it); options that
the command line sets for every file (``--changes``, ``--ocr``) default from the environment
(SLAEXTRACT_CHANGES, SLAEXTRACT_OCR) so that they reach a worker process however it is started.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from ..errors import InputError, LimitError, SlaError
from ..pdf.document import Document
from ..suffixes import PLAIN_TEXT_SUFFIXES
from .sniff import HEAD_BYTES, kind_of

Changes = Literal["accept", "reject"]
OcrMode = Literal["auto", "always", "never"]
CHANGES: tuple[Changes, ...] = ("accept", "reject")
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")
# the largest non-PDF file read at all (a web page or a Word file of this size is not a contract)
MAX_FILE_BYTES = 64 << 20


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = os.environ.get(name, default).strip().lower()
    return value if value in choices else default


@dataclass(frozen=True)
class ReadOptions:
    password: str | None = None
    max_pages: int | None = None
    table_hint: object = None  # pdf.ingest.TableHint: where the rules say a borderless table may be
    changes: Changes = field(default_factory=lambda: env_choice("SLAEXTRACT_CHANGES", CHANGES, "accept"))  # type: ignore[assignment]
    ocr: OcrMode = field(default_factory=lambda: env_choice("SLAEXTRACT_OCR", OCR_MODES, "auto"))  # type: ignore[assignment]


class Reader(Protocol):
    """Reads one kind of input; ``kinds`` are the sniffed kinds (see sniff.kind_of) it takes."""

    kinds: tuple[str, ...]

    def read(self, path: Path, options: ReadOptions) -> Document: ...


@dataclass(frozen=True)
class FunctionReader:
    kinds: tuple[str, ...]
    function: Callable[[Path, ReadOptions], Document]

    def read(self, path: Path, options: ReadOptions) -> Document:
        return self.function(path, options)


def read_pdf_file(path: Path, options: ReadOptions) -> Document:
    from .pdfscan import read_pdf_with_ocr  # noqa: PLC0415  (import cost paid only for PDFs)

    return read_pdf_with_ocr(path, options)


def read_docx_file(path: Path, options: ReadOptions) -> Document:
    from .docx import read_docx  # noqa: PLC0415

    return read_docx(path, options.changes)


def read_html_file(path: Path, options: ReadOptions) -> Document:
    from .htmlpage import read_html  # noqa: PLC0415

    return read_html(path, read_bounded(path))


def read_markdown_file(path: Path, options: ReadOptions) -> Document:
    from .markdown import read_markdown  # noqa: PLC0415

    return read_markdown(path, read_bounded(path))


def read_text_file(path: Path, options: ReadOptions) -> Document:
    from .. import pdf  # noqa: PLC0415  (pdf.read_text: one name for tests and callers to find it by)

    return pdf.read_text(path)


READERS: list[Reader] = [
    FunctionReader(("pdf",), read_pdf_file),
    FunctionReader(("zip", "ole"), read_docx_file),
    FunctionReader(("html",), read_html_file),
    FunctionReader(("markdown",), read_markdown_file),
    FunctionReader(("text",), read_text_file),
]


def reader_for(kind: str) -> Reader | None:
    return next((r for r in READERS if kind in r.kinds), None)


def read_document(path: str | Path, options: ReadOptions | None = None) -> Document:
    """Read any supported file into a Document.

    Only SlaError escapes: whatever else a reader raises on a damaged file becomes an InputError
    that names the file, so one bad input never surfaces as a traceback.
    """
    path = Path(path)
    options = options or ReadOptions()
    kind = kind_of(read_head(path))
    reader = reader_for(kind)
    if reader is None or (path.suffix.lower() == ".pdf" and kind not in ("pdf", "empty")):
        # a file that claims to be a PDF and is not is a mistake to report, not a page to guess at
        raise InputError(not_a_document(kind, path), str(path))
    try:
        doc = reader.read(path, options)
    except SlaError:
        raise
    except MemoryError:
        raise LimitError("ran out of memory reading this document", str(path)) from None
    except RecursionError:
        raise InputError("damaged document (its structure is nested too deeply)", str(path)) from None
    except Exception as exc:
        raise InputError(reader_failure(exc), str(path)) from None
    if kind != "pdf" and not doc.text.strip():
        raise InputError("no text in this document", str(path))
    return doc


def read_head(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file", str(path))
    if path.is_dir():
        raise InputError("is a directory, not a file", str(path))
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", str(path)) from None


def read_bounded(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise LimitError(f"file is larger than {MAX_FILE_BYTES >> 20} MB", str(path))
    return path.read_bytes()


def not_a_document(kind: str, path: Path) -> str:
    if kind == "empty":
        return "file is empty"
    if path.suffix.lower() == ".pdf":
        return NOT_A_PDF.get(kind, "not a PDF (no %PDF header)")
    if kind == "binary" and path.suffix.lower() in PLAIN_TEXT_SUFFIXES:
        return "binary data (NUL bytes), not a text file"
    return "not a PDF (no %PDF header), Word .docx, HTML, Markdown or text file"


NOT_A_PDF = {
    "zip": "is a ZIP archive (a .docx or .xlsx?), not a PDF; rename a Word file to .docx",
    "ole": "is a legacy Office file, not a PDF",
    "html": "is an HTML page, not a PDF; rename it to .html to read it as one",
    "markdown": "not a PDF (no %PDF header) but text; rename it to .md or .txt to read it as text",
    "text": "not a PDF (no %PDF header) but text; rename it to .txt to read it as text",
}


def reader_failure(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:300]  # one line, whatever the library put in its message
    if type(exc).__name__ == "PdfiumError":
        if "page" in detail.lower():
            return "damaged PDF: a page could not be loaded (broken or looping page tree?)"
        return f"damaged PDF ({detail})"
    return f"could not be read ({type(exc).__name__}: {detail})"
