"""Boxes on a page, in one convention: ``(x0, top, x1, bottom)`` in points from the displayed page's top-left.

That is pdfplumber's convention. pdfium reports boxes in PDF user space
(origin bottom-left, y up, before the page's /Rotate is applied), so every
pdfium box passes through ``to_display`` first.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import BBox


def to_display(
    left: float, bottom: float, right: float, top: float, width: float, height: float, rotation: int
) -> BBox:
    """A pdfium rect (user space of a ``width`` × ``height`` media box) as shown after /Rotate ``rotation``.

    Rotation is clockwise, as in the PDF spec: at 90° the media box's left edge becomes the top edge.
    """
    if rotation == 90:
        return (bottom, left, top, right)
    if rotation == 180:
        return (width - right, bottom, width - left, top)
    if rotation == 270:
        return (height - top, width - right, height - bottom, width - left)
    return (left, height - top, right, height - bottom)


def display_size(width: float, height: float, rotation: int) -> tuple[float, float]:
    return (height, width) if rotation in (90, 270) else (width, height)


def union(boxes: Iterable[BBox]) -> BBox:
    x0 = top = float("inf")
    x1 = bottom = float("-inf")
    for b in boxes:
        x0, top, x1, bottom = min(x0, b[0]), min(top, b[1]), max(x1, b[2]), max(bottom, b[3])
    return (x0, top, x1, bottom)


def height(box: BBox) -> float:
    return box[3] - box[1]


def width(box: BBox) -> float:
    return box[2] - box[0]


def v_overlap(a: BBox, b: BBox) -> float:
    """How much the two boxes share vertically, in points (0 when apart)."""
    return max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def h_overlap(a: BBox, b: BBox) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))


def center_inside(box: BBox, outer: BBox, slack: float = 1.0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] - slack <= cx <= outer[2] + slack and outer[1] - slack <= cy <= outer[3] + slack


def same_baseline(a: BBox, b: BBox) -> bool:
    """Two glyph runs on one printed line: they share at least half the smaller one's height."""
    ha, hb = height(a), height(b)
    if ha <= 0 or hb <= 0:
        return abs(a[1] - b[1]) < 2
    return v_overlap(a, b) >= 0.5 * min(ha, hb)


# How far past the page's edge a glyph may sit before its box is clipped: bleed and sloppy
# typesetting stay as they are; a glyph placed at x = 1e8 by a broken or hostile content
# stream gets a box on the page, so nothing downstream scales with its coordinates.
CLIP_SLACK = 72.0


class PageClip:
    """pdfium rects (user space) → display boxes clipped to the page; counts the boxes that lay wholly off it."""

    def __init__(self, bounds: BBox, width: float, height: float, rotation: int) -> None:
        left, bottom, right, top = bounds
        self.limits = (left - CLIP_SLACK, bottom - CLIP_SLACK, right + CLIP_SLACK, top + CLIP_SLACK)
        self.width, self.height, self.rotation = width, height, rotation
        self.clipped = 0

    def __call__(self, left: float, bottom: float, right: float, top: float) -> BBox:
        x0, y0, x1, y1 = self.limits
        if x0 <= left <= x1 and x0 <= right <= x1 and y0 <= bottom <= y1 and y0 <= top <= y1:
            # on the page, as nearly every glyph is: nothing to clip (a page reads thousands)
            if self.rotation == 0:
                return (left, self.height - top, right, self.height - bottom)
            return to_display(left, bottom, right, top, self.width, self.height, self.rotation)
        rect = (min(max(left, x0), x1), min(max(bottom, y0), y1), min(max(right, x0), x1), min(max(top, y0), y1))
        if left > x1 or right < x0 or bottom > y1 or top < y0:
            self.clipped += 1  # wholly off the page (a watermark that runs over the edge is no news)
        return to_display(*rect, self.width, self.height, self.rotation)
