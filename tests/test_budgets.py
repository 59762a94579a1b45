"""The default --timeout grows with the document's length; an explicit one is kept."""

from __future__ import annotations

from pathlib import Path

from slaextract.budgets import BASE_SECONDS, default_timeout, estimated_pages, timeout_for


def fake_pdf(tmp_path: Path, pages: int) -> Path:
    body = b"".join(b"%d 0 obj << /Type /Page /Parent 1 0 R >> endobj\n" % (k + 2) for k in range(pages))
    path = tmp_path / f"p{pages}.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Count " + str(pages).encode() + b" >> endobj\n" + body)
    return path


def test_page_objects_are_counted_and_the_pages_tree_is_not(tmp_path):
    assert estimated_pages(fake_pdf(tmp_path, 7)) == 7


def test_a_long_document_gets_more_time_than_a_short_one(tmp_path):
    short, long = default_timeout(fake_pdf(tmp_path, 10)), default_timeout(fake_pdf(tmp_path, 3000))
    assert BASE_SECONDS <= short < long
    assert long >= BASE_SECONDS + 3000 * 0.05


def test_an_explicit_timeout_wins(tmp_path):
    assert timeout_for(fake_pdf(tmp_path, 3000), 5.0) == 5.0


def test_a_text_file_and_a_missing_file_get_the_base(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("x" * 100_000)
    assert estimated_pages(text) == 1
    assert estimated_pages(tmp_path / "missing.pdf") == 1
