"""Text output follows the terminal: COLUMNS (or the terminal's own width) decides the table width."""

from __future__ import annotations

from slaextract.report.summary.text import render
from slaextract.views.textout import terminal_width


def test_columns_sets_the_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert terminal_width() == 80
    monkeypatch.setenv("COLUMNS", "12")
    assert terminal_width() == 40  # narrower than a table can be read: 40 at least


def test_extract_text_fits_eighty_columns(monkeypatch, summary_of):
    monkeypatch.setenv("COLUMNS", "80")
    lines = render(summary_of("en-streamcast-sla-v1")).splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any("Streamcast will make the Platform" in line for line in lines)  # quotes fold, not vanish
