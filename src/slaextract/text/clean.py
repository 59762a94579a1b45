"""Text as rules see it, with a map back to raw Document offsets.

Rules are written against clean text: ASCII digits and punctuation (full-width
forms folded), no soft hyphens, no line breaks or stray spaces between CJK
characters, one space for any other line break. Every change keeps a map from
each clean character to the raw character it came from, so a match turns back
into page, box and quote.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

import regex

from ..budgets import REGEX_TIMEOUT

# Full-width ASCII block (U+FF01–U+FF5E) → ASCII, ideographic space → space; same length, so 1:1.
FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
FOLD.update({0x2212: ord("-"), 0xFF0E: ord("."), 0x3002: 0x3002})


def compatibility_forms() -> dict[int, int]:
    """Look-alike ideographs that some PDF producers emit (Kangxi radicals ⼩ U+2F29 for 小, CJK
    radicals supplement, compatibility ideographs): Unicode's compatibility mapping names the
    ordinary character, one for one, so offsets stay put."""
    table: dict[int, int] = {}
    for lo, hi in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = ord(folded)
    return table


FOLD.update(compatibility_forms())

CJK = r"\p{Han}\u3000-\u303F\uFF00-\uFFEF"
# Removed outright: soft hyphens (pdfium reports U+FFFE), zero-width characters,
# and whitespace that PDF extraction put between two CJK characters.
# A figure that a line wrap split after its decimal point ("99." over "95%") is one figure again.
DROP = regex.compile(
    rf"[\u00AD\uFFFE\u200B\u200C\u200D\uFEFF]|(?<=[{CJK}])[ \t\r\n]+(?=[{CJK}])"
    r"|(?<=\d\.)[ \t]*[\r\n][ \t]*(?=\d+\s*%)"
)
# Any other line break inside a block reads as a space.
NEWLINE = regex.compile(r"[\r\n]")


@dataclass(frozen=True, slots=True)
class CleanText:
    """Clean text of one raw range, and where each clean character came from."""

    text: str
    raw_start: int
    _anchors: tuple[tuple[int, int], ...]  # (clean offset, raw offset) at the start of each unchanged run

    def to_raw(self, i: int) -> int:
        """Raw Document offset of clean offset i (i may equal len(text))."""
        k = bisect.bisect_right(self._anchors, (i, float("inf"))) - 1
        clean, raw = self._anchors[max(k, 0)]
        return raw + (i - clean)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.to_raw(start), self.to_raw(start)
        return self.to_raw(start), self.to_raw(end - 1) + 1


def clean(raw: str, raw_start: int = 0) -> CleanText:
    if raw.isascii() and "%" not in raw:
        # nothing to fold or drop (FOLD and DROP act on non-ASCII characters, and on a line break
        # inside a percentage), so line breaks are all there is to change, one for one
        return CleanText(raw.replace("\r", " ").replace("\n", " "), raw_start, ((0, raw_start),))
    return fold_and_drop(raw, raw_start)


def fold_and_drop(raw: str, raw_start: int = 0) -> CleanText:
    # line breaks read as spaces only after DROP has seen them (a wrap inside a figure is dropped)
    folded = raw.translate(FOLD)
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in DROP.finditer(folded, timeout=REGEX_TIMEOUT):
        if m.start() > pos:
            anchors.append((length, raw_start + pos))
            parts.append(folded[pos : m.start()])
            length += m.start() - pos
        pos = m.end()
    if pos < len(folded) or not anchors:
        anchors.append((length, raw_start + pos))
        parts.append(folded[pos:])
    return CleanText(NEWLINE.sub(" ", "".join(parts), timeout=REGEX_TIMEOUT), raw_start, tuple(anchors))
