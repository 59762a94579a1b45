"""`--format text` fits the terminal, and counts read as English."""

from __future__ import annotations

import pytest

from slaextract import extract_text
from slaextract.report.summary.text import render

CONTRACT = (
    "Support is available 24 hours a day, 7 days a week. The Provider will respond to Priority 1 incidents "
    "within 15 minutes and to Priority 2 incidents within 4 hours. Claims for service credits must be made "
    "within 1 day of the end of the month in which the incident occurred."
)


@pytest.mark.parametrize("width", [60, 80, 140])
def test_no_line_is_wider_than_the_terminal(width):
    text = render(extract_text(CONTRACT), width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_the_width_comes_from_the_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "64")
    assert max(len(line) for line in render(extract_text(CONTRACT)).splitlines()) <= 64


def test_one_page_is_singular():
    first = render(extract_text(CONTRACT), width=100).splitlines()[0]
    assert "1 page," in first and "1 pages" not in first
