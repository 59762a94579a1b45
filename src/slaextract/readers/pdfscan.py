"""PDF → Document: the text layer, and OCR for the pages that have none (extra ``ocr``).

With ``--ocr auto`` (the default) OCR runs only where a page has no usable text, and only if
the extra is installed: without it a scanned page is reported as before, the message naming
the extra. ``--ocr always`` re-reads every page from its image (and needs the extra).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..pdf.document import Document
from ..pdf.ingest import read_pdf
from .ocr import PageOcr, load_engine, ocr_available

if TYPE_CHECKING:
    from . import ReadOptions


def read_pdf_with_ocr(path: Path, options: ReadOptions) -> Document:
    ocr = page_ocr(options.ocr)
    doc = read_pdf(path, options.password, options.max_pages, options.table_hint, ocr=ocr)  # type: ignore[arg-type]
    if ocr is not None and ocr.pages:
        doc.ocr_pages = set(ocr.pages)
        # the OCR note goes first; a page OCR could not read either stays in the "no text" warning
        doc.warnings[:0] = ocr.warnings()
    return doc


def page_ocr(mode: str) -> PageOcr | None:
    if mode == "always":
        return PageOcr(mode, load_engine())  # asked for: a missing extra is an error
    if mode == "auto" and not ocr_available():
        return None
    return PageOcr(mode)
