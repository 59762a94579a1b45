"""Numbers written as digits, English words or Chinese numerals → float."""

from __future__ import annotations

from functools import cache

import regex

from ..data import load_units


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
    return rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|(?i:\b(?:{en})\b)|[{zh}]+)"


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
        elif ch.isdigit():
            current = current * 10 + int(ch)
        else:
            return None
    value = float(section + total + current)
    if frac:
        if not all(c in digits for c in frac):
            return None
        value += float("0." + "".join(str(digits[c]) for c in frac))
    return value + half


def parse_number(text: str) -> float | None:
    """Parse one number token: '15', '1,000', '99.95', 'fifteen', 'two (2)', '十五', '１５'."""
    t = text.strip().translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}).replace("．", ".")
    paren = regex.search(r"\((\d+(?:\.\d+)?)\)", t)  # "two (2)": the digits are authoritative
    if paren:
        return float(paren.group(1))
    if regex.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    word = _en_words().get(t.lower())
    if word is not None:
        return word
    if t and all(c in zh_numeral_chars() or c == "个" or c.isdigit() for c in t):
        return parse_zh(t)
    return None
