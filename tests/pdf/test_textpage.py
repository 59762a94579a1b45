"""Boxes asked of pdfium directly must be the boxes pypdfium2's own wrappers give."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from slaextract.pdf.geometry import PageClip
from slaextract.pdf.textpage import char_boxes, line_rects

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "name", ["two_column_interleaved.pdf", "table_split_no_header.pdf", "landscape.pdf", "hyphenated.pdf"]
)
def test_direct_boxes_match_pypdfium2(name):
    pdf = pdfium.PdfDocument(str(FIXTURES / name))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            clip = PageClip(page.get_bbox(), page.get_width(), page.get_height(), page.get_rotation() % 360)
            text = textpage.get_text_range()
            indexes = [i for i, ch in enumerate(text) if not ch.isspace()]
            assert indexes  # a page with text: the comparison below is not empty
            assert char_boxes(textpage, indexes, clip) == {i: clip(*textpage.get_charbox(i)) for i in indexes}
            start, count = 0, len(text)
            expected = [clip(*textpage.get_rect(k)) for k in range(textpage.count_rects(start, count))]
            assert line_rects(textpage, start, count, clip) == expected and expected
            textpage.close()
            page.close()
    finally:
        pdf.close()


def test_a_character_pdfium_cannot_place_is_left_out():
    pdf = pdfium.PdfDocument(str(FIXTURES / "two_column_interleaved.pdf"))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        clip = PageClip(page.get_bbox(), page.get_width(), page.get_height(), 0)
        assert char_boxes(textpage, [10**6], clip) == {}  # no such character: no box, no exception
        textpage.close()
        page.close()
    finally:
        pdf.close()
