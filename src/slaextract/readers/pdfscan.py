"""PDF → Document: the text layer, and OCR for the pages that have none (extra ``ocr``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..pdf.document import Document
from ..pdf.ingest import read_pdf

if TYPE_CHECKING:
    from . import ReadOptions


def read_pdf_with_ocr(path: Path, options: ReadOptions) -> Document:
    return read_pdf(path, options.password, options.max_pages)
