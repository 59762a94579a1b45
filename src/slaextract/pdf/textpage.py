"""Boxes from pdfium's text page, asked of pdfium directly.

pypdfium2's `get_charbox` and `get_rect` allocate four ctypes doubles on every call; a page of
prose asks for hundreds of line rectangles and a table page for thousands of character boxes.
These reuse four doubles, and turn each box into display coordinates with `to_display` (a
geometry.PageClip). A box pdfium cannot give is left out: it is no worse than a blank.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterable

from ..model import BBox

ToDisplay = Callable[[float, float, float, float], BBox]


def char_boxes(textpage, indexes: Iterable[int], to_display: ToDisplay) -> dict[int, BBox]:
    """Character index → its tight box, for each index pdfium can place."""
    from pypdfium2 import raw  # noqa: PLC0415

    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    get, handle = raw.FPDFText_GetCharBox, textpage.raw
    out = {}
    for i in indexes:
        if get(handle, i, left, right, bottom, top):  # pdfium's order: left, right, bottom, top
            out[i] = to_display(left.value, bottom.value, right.value, top.value)
    return out


def line_rects(textpage, first: int, count: int, to_display: ToDisplay) -> list[BBox]:
    """The glyph-run rectangles pdfium gives for `count` characters from `first`."""
    from pypdfium2 import raw  # noqa: PLC0415

    left, top, right, bottom = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    handle = textpage.raw
    get = raw.FPDFText_GetRect
    out = []
    for k in range(max(raw.FPDFText_CountRects(handle, first, count), 0)):
        if get(handle, k, left, top, right, bottom):  # pdfium's order: left, top, right, bottom
            out.append(to_display(left.value, bottom.value, right.value, top.value))
    return out
