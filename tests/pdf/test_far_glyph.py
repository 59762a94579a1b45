"""A glyph placed far off the page (x = 1e8 in a 1 KB PDF) costs what the page costs, not what its coordinates claim."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest

from slaextract import extract
from slaextract.pdf import layout

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))
from make_malformed import CONTRACT_LINES, assemble, page_content, stream

PAGE = (612, 792)


def far_glyph_pdf(x: float) -> bytes:
    """The short contract on one page, plus one word drawn at (x, 400) in a content stream of its own."""
    content = page_content(CONTRACT_LINES * 2) + b"\nBT /F1 12 Tf %.0f 400 Td (far) Tj ET" % x
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(content),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 4 0 R >>" % PAGE,
    ])


@pytest.fixture
def histogram_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every column-gap histogram find_gutter builds."""
    sizes: list[int] = []
    real = layout.crossings

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        sizes.append(len(out))
        return out

    monkeypatch.setattr(layout, "crossings", counting)
    return sizes


def test_a_glyph_at_x_1e8_is_clipped_to_the_page_and_said_so(tmp_path: Path, histogram_sizes: list[int]) -> None:
    path = tmp_path / "far.pdf"
    path.write_bytes(far_glyph_pdf(1e8))
    assert path.stat().st_size < 2048
    extract_rules_loaded(tmp_path)  # so that what is traced below is the document's own cost
    tracemalloc.start()
    try:
        summary = extract(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 << 20  # Python allocations; a histogram as wide as the glyph's x would take 320 MB
    assert histogram_sizes and max(histogram_sizes) <= PAGE[0]
    assert summary.warnings == ["text placed outside the page on page(s) 1; its boxes were clipped to the page"]
    # the contract around the stray glyph is read as before, every box on (or at the edge of) the page
    assert [(c.days_per_week, c.hours_per_day) for c in summary.coverage] == [(7, 24.0)]
    assert [rt.minutes for rt in summary.response_times] == [15.0]
    items = [*summary.coverage, *summary.response_times, *summary.channels, *summary.availability]
    for item in items:
        x0, top, x1, bottom = item.evidence.bbox
        assert -72 <= x0 <= x1 <= PAGE[0] + 72 and -72 <= top <= bottom <= PAGE[1] + 72


def extract_rules_loaded(tmp_path: Path):
    path = tmp_path / "near.pdf"
    path.write_bytes(far_glyph_pdf(300))
    return extract(path)


def test_a_word_on_the_page_gets_no_clipping_warning(tmp_path: Path) -> None:
    assert extract_rules_loaded(tmp_path).warnings == []


def test_the_gutter_histogram_is_bounded_whatever_the_coordinates(histogram_sizes: list[int]) -> None:
    """Two columns of prose, and a run that claims to end at x = 1e8 (no clipping upstream)."""
    lines = []
    for i in range(8):
        top = 100 + 14 * i
        lines.append(layout.Line("left column prose " * 3, 1, (50, top, 280, top + 10), ((50, top, 280, top + 10),)))
        lines.append(layout.Line("right column prose " * 3, 1, (320, top, 560, top + 10), ((320, top, 560, top + 10),)))
    lines.append(layout.Line("far", 1, (1e8, 300, 1e8 + 16, 310), ((1e8, 300, 1e8 + 16, 310),)))
    assert layout.find_gutter(lines[:-1], PAGE) is not None  # the two columns alone are found
    histogram_sizes.clear()
    layout.find_gutter(lines, PAGE)
    assert histogram_sizes and max(histogram_sizes) <= layout.MAX_BINS
