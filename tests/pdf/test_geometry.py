"""PageClip: pdfium rects to display boxes, clipped to the page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.pdf.geometry import CLIP_SLACK, PageClip, to_display

coordinate = st.floats(min_value=-500, max_value=1500, allow_nan=False)


@given(coordinate, coordinate, coordinate, coordinate, st.sampled_from([0, 90, 180, 270]))
@settings(max_examples=400, deadline=None)
def test_a_box_is_clipped_to_the_page_with_slack_then_shown_rotated(left, bottom, right, top, rotation):
    clip = PageClip((0.0, 0.0, 612.0, 792.0), 612.0, 792.0, rotation)
    lo_x, lo_y, hi_x, hi_y = -CLIP_SLACK, -CLIP_SLACK, 612.0 + CLIP_SLACK, 792.0 + CLIP_SLACK

    def within(v, lo, hi):
        return min(max(v, lo), hi)

    clipped = (within(left, lo_x, hi_x), within(bottom, lo_y, hi_y), within(right, lo_x, hi_x), within(top, lo_y, hi_y))
    assert clip(left, bottom, right, top) == to_display(*clipped, 612.0, 792.0, rotation)
    wholly_off = left > hi_x or right < lo_x or bottom > hi_y or top < lo_y
    assert clip.clipped == int(wholly_off)
