"""Numbers written as digits, English words or Chinese numerals → float."""

from __future__ import annotations

import math
from functools import cache

import regex

from ..data import load_units

# The whole full-width ASCII block (digits, '，', '．', '（２）', 'ｔｗｏ'), so full- and half-width text give
# the same number; it was digits and '．' only, and '１，０００' gave None (robustness, issue 6).
FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
REGEX_TIMEOUT = 1.0  # seconds; these patterns are linear, the timeout is a backstop (robustness, issue 6)


@cache
def _zh() -> dict:
    return load_units("numbers")["zh"]


@cache
def _en_words() -> dict[str, float]:
    return {k.lower(): float(v) for k, v in load_units("numbers")["en"]["words"].items()}


@cache
def zh_numeral_chars() -> str:
    zh = _zh()
    return "".join(zh["digits"]) + "".join(zh["units"]) + zh["half"] + zh["point"]


@cache
def number_pattern() -> str:
    """A regex fragment matching one number in any supported language (no capture groups)."""
    words = sorted(_en_words(), key=len, reverse=True)
    en = "|".join(regex.escape(w) for w in words if len(w) > 2)
    zh = regex.escape(zh_numeral_chars())
    # A number starts where its run of digits (or numerals) starts. Without the lookbehinds every
    # position inside a run of 100k digits is tried as a start, each scanning to the run's end:
    # quadratic, and rules with {num} time out (robustness, issue 6).
    return rf"(?:(?<!\d)\d+(?:,\d{{3}})*(?:\.\d+)?|(?i:\b(?:{en})\b)|(?<![{zh}])[{zh}]+(?:个半)?)"


def parse_zh(text: str) -> float | None:
    """十五 → 15, 两 → 2, 二十四 → 24, 一百 → 100, 九十九点九 → 99.9, 半 → 0.5, 一个半 → 1.5."""
    zh = _zh()
    digits, units = zh["digits"], zh["units"]
    text = text.replace("个", "")
    if not text:
        return None
    half = 0.0
    if text.endswith(zh["half"]):
        half, text = 0.5, text[: -len(zh["half"])]
        if not text:
            return half
    whole, _, frac = text.partition(zh["point"])
    total, current = 0, 0
    section = 0
    for ch in whole:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            unit = units[ch]
            if unit == 10000:
                section = (section + total + current) * unit
                total, current = 0, 0
            else:
                total += (current or 1) * unit
                current = 0
        elif ch.isdecimal():  # isdecimal, not isdigit: int() rejects '²' (robustness, issue 6)
            current = current * 10 + int(ch)
        else:
            return None
    try:
        value = float(section + total + current)
    except OverflowError:  # '万' repeated hundreds of times (robustness, issue 6)
        return None
    if frac:
        if not all(c in digits for c in frac):
            return None
        value += float("0." + "".join(str(digits[c]) for c in frac))
    return value + half


def parse_number(text: str) -> float | None:
    """Parse one number token: '15', '1,000', '99.95', 'fifteen', 'two (2)', '十五', '１５'."""
    t = text.strip().translate(FULL_WIDTH)
    paren = regex.search(r"\((\d+(?:\.\d+)?)\)", t, timeout=REGEX_TIMEOUT)  # "two (2)": the digits are authoritative
    if paren:
        return finite(float(paren.group(1)))
    if regex.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", t, timeout=REGEX_TIMEOUT):
        return finite(float(t.replace(",", "")))
    word = _en_words().get(t.lower())
    if word is not None:
        return word
    if t and all(c in zh_numeral_chars() or c == "个" or c.isdecimal() for c in t):
        return parse_zh(t)
    return None


def finite(value: float) -> float | None:
    """A 400-digit number reads as inf, which JSON cannot carry: treat it as no number (robustness, issue 6)."""
    return value if math.isfinite(value) else None
