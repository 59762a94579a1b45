"""Readers are chosen by content and give the same Document model: headings with levels, tables as cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaextract import extract
from slaextract.pdf import read_document
from slaextract.readers.sniff import kind_of

MARKDOWN = """# Support terms

## 1 Availability

The Service will be available 99.9% of the time in each calendar month.

## 2 Response times

| Priority | Response |
|---|---|
| P1 | 30 minutes |
| P2 | 4 hours |

- Customers may raise a ticket in the support portal.
"""

HTML = """<!doctype html><html><head><script>var s = "Support 24x7";</script></head><body>
<nav>Call us 24x7</nav><h1>Terms</h1><h2>Credits</h2>
<table><tr><th>Availability</th><th>Credit</th></tr><tr><td>Below 99.9%</td><td>10%</td></tr>
<tr><td>Below 99.0%</td><td>25%</td></tr></table><p style="display:none">Support 24x7</p></body></html>"""


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"PK\x03\x04rest", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf<html><body>", "html"),
        (b'<p align="center">logo</p>\n\n# Title\n', "markdown"),
        (b"# Title\n\nText", "markdown"),
        (b"Plain text.\n\nMore.", "text"),
        (b"\x00\x01\x02binary", "binary"),
        (b"", "empty"),
    ],
)
def test_kind_is_sniffed_from_content(head: bytes, kind: str) -> None:
    assert kind_of(head) == kind


def test_markdown_is_read_as_structure(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"  # the name says text; the content is Markdown
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_document(path)
    assert [(h.level, h.title) for h in doc.headings] == [(1, "Support terms"), (2, "1 Availability"),
                                                          (2, "2 Response times")]
    assert len(doc.tables) == 1 and doc.tables[0].header_rows == 1
    assert [doc.cell_text(c) for c in doc.tables[0].rows[1]] == ["P1", "30 minutes"]
    summary = extract(path)
    response = {(r.priority, r.minutes) for r in summary.response_times}
    assert response == {("P1", 30.0), ("P2", 240.0)}
    ev = summary.availability[0].evidence
    assert ev.page is None and ev.bbox is None
    assert ev.location == "Support terms › 1 Availability, ¶ 3"
    assert summary.response_times[0].evidence.location.endswith("table 1, row 2")


def test_html_drops_scripts_navigation_and_hidden_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"  # misnamed: read by its content
    path.write_text(HTML, encoding="utf-8")
    doc = read_document(path)
    assert "24x7" not in doc.text
    assert [(h.level, h.title) for h in doc.headings] == [(1, "Terms"), (2, "Credits")]
    summary = extract(path)
    assert summary.coverage == []
    assert {(c.below_percent, c.credit_percent) for c in summary.service_credits} == {(99.9, 10.0), (99.0, 25.0)}


def test_html_rowspan_repeats_and_colspan_leaves_a_merged_cell(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(
        "<html><body><table><tr><th rowspan=2>Severity</th><th colspan=2>Response</th></tr>"
        "<tr><th>Std</th><th>Premium</th></tr><tr><td>S1</td><td>1 hour</td><td>15 minutes</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    rows = [[None if c is None else doc.cell_text(c) for c in row] for row in doc.tables[0].rows]
    assert rows == [["Severity", "Response", None], ["Severity", "Std", "Premium"], ["S1", "1 hour", "15 minutes"]]
    assert doc.tables[0].header_rows == 2


def test_pdf_evidence_has_no_location_and_keeps_its_page(tmp_path: Path) -> None:
    from paths import ROOT

    summary = extract(ROOT / "samples" / "en-draft-missing-terms.pdf").model_dump(mode="json")
    for item in summary["channels"]:
        assert "location" not in item["evidence"] and "ocr" not in item["evidence"]
        assert item["evidence"]["page"] == 1
