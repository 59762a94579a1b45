"""Fuzz targets shared by the quick run in the test suite (tests/fuzz) and the long runs (fuzz/README.md).

text_to_summary: any string → extract_text → the JSON renderer; nothing may raise, and the
    output must be standard JSON (no NaN/Infinity) whose evidence quotes come from the text.
bytes_to_document: any bytes, saved as a .pdf (or .txt) file → read_document; only SlaError may
    escape, and a Document that comes back must be self-consistent.
Seeds for the bytes target are small PDFs from tests/robustness/make_malformed.py.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

import make_malformed

from slaextract.errors import SlaError
from slaextract.pdf import Document, read_document
from slaextract.pipeline import extract_text
from slaextract.report.summary.json import render
from slaextract.text.clean import clean


def reject_constant(name: str) -> None:
    raise ValueError(f"not standard JSON: {name}")


def text_to_summary(text: str) -> None:
    summary = extract_text(text)
    data = json.loads(render(summary), parse_constant=reject_constant)
    assert data["schema_version"] == "1"
    quotes = [item["evidence"]["text"] for field in ("coverage", "response_times", "channels", "availability",
                                                     "service_credits") for item in data[field]]
    # Evidence quotes the document as rules see it (match.text.clean), whitespace and the '#' of
    # Markdown headings aside.
    def squeeze(s: str) -> str:
        return "".join(s.split()).replace("#", "")

    flat = squeeze(clean(text).text)
    for quote in quotes:
        assert squeeze(quote) in flat, quote


def seeds() -> dict[str, bytes]:
    """Small, valid and nearly valid PDFs that mutations start from."""
    return {
        "valid": make_malformed.valid_pdf(),
        "encrypted": make_malformed.encrypted(),
        "image-only": make_malformed.image_only(),
        "pages": make_malformed.many_pages(5),
        "loop": make_malformed.looping_page_tree(),
        "broken-xref": make_malformed.broken_xref(),
        "bomb": make_malformed.inflate_bomb(1),  # 1 MiB: the flate path, not the memory cap
    }


def check_document(doc: Document) -> None:
    assert doc.pages >= 1
    n = len(doc.text)
    for seg in doc.segments:
        assert 0 <= seg.start <= seg.end <= n and 1 <= seg.page <= doc.pages
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n and 1 <= block.page <= doc.pages
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                assert cell is None or 0 <= cell.start <= cell.end <= n


def bytes_to_document(data: bytes, suffix: str = ".pdf", password: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path, password=password, max_pages=50)
        except SlaError as exc:
            assert exc.path == str(path) and exc.message and "\n" not in exc.message
            return
        check_document(doc)
