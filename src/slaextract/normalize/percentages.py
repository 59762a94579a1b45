"""Percentages written as 99.95%, 99.95 percent, ９９．９５％ (after folding) or 百分之九十九点九五."""

from __future__ import annotations

import regex

from ..limits import REGEX_TIMEOUT
from .numbers import parse_number

PERCENT = regex.compile(
    r"(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|(?i:\s?per\s?cent\b))|百分之(?P<zh>[零一二两三四五六七八九十百点]+)"
)


def percents(text: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of every percentage in text, in order."""
    out = []
    for m in PERCENT.finditer(text, timeout=REGEX_TIMEOUT):
        v = float(m.group("n")) if m.group("n") else parse_number(m.group("zh"))
        if v is not None:
            out.append((v, m.start(), m.end()))
    return out
