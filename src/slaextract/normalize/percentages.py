"""Percentages written as 99.95%, 99.95 percent, full-width (after folding) or with a percent
prefix and numerals (numbers.yaml)."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from .numbers import numeral_chars, numerals, parse_number


def numeral_percent(group: bool = True) -> str:
    """A percentage written with a prefix and numerals (with `group`, the numerals in group `numerals`)."""
    prefix = numerals()["percent_prefix"]
    if not prefix:
        return "(?!)"
    return rf"{regex.escape(prefix)}({'?P<numerals>' if group else '?:'}[{regex.escape(numeral_chars())}]+)"


PERCENT = regex.compile(rf"(?P<n>\d{{1,3}}(?:\.\d+)?)\s*(?:%|(?i:{fragment('percent_word')}))|{numeral_percent()}")


@lru_cache(maxsize=4096)  # credit tables ask of the same cells once per column they test
def percents(text: str) -> tuple[tuple[float, int, int], ...]:
    """(value, start, end) of every percentage in text, in order."""
    out = []
    for m in PERCENT.finditer(text, timeout=REGEX_TIMEOUT):
        v = float(m.group("n")) if m.group("n") else parse_number(m.group("numerals"))
        if v is not None:
            out.append((v, m.start(), m.end()))
    return tuple(out)
