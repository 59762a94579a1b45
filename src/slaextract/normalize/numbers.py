"""Numbers written as digits, English words or Chinese numerals → float."""

from __future__ import annotations

import math
from functools import cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import languages
from ..resources import load_units
from ..text.clean import FOLD

NUMERAL_KEYS = ("digits", "units", "half", "point", "measure", "percent_prefix")


def by_language() -> list[dict]:
    """numbers.yaml's section of each language in patterns/languages.yaml."""
    data = load_units("numbers")
    return [data.get(code) or {} for code in languages()]


@cache
def numerals() -> dict:
    """The numeral system of numbers.yaml (digits, units such as ten and hundred, the words for a
    half, a decimal point, a measure word and the prefix of a percentage), every language's merged."""
    merged: dict = {"digits": {}, "units": {}, "half": "", "point": "", "measure": "", "percent_prefix": ""}
    for lang in by_language():
        for key in NUMERAL_KEYS:
            if key in lang:
                if isinstance(lang[key], dict):
                    merged[key].update(lang[key])
                else:
                    merged[key] = lang[key]
    return merged


@cache
def number_words() -> dict[str, float]:
    """Number words of every language ('fifteen', 'half an')."""
    out: dict[str, float] = {}
    for lang in by_language():
        out.update({str(k).lower(): float(v) for k, v in lang.get("words", {}).items()})
    return out


@cache
def numeral_chars() -> str:
    n = numerals()
    return "".join(n["digits"]) + "".join(n["units"]) + n["half"] + n["point"]


@cache
def number_pattern() -> str:
    """A regex fragment matching one number in any supported language (no capture groups)."""
    words = sorted(number_words(), key=len, reverse=True)
    en = "|".join(regex.escape(w) for w in words if len(w) > 2)
    zh = regex.escape(numeral_chars())
    n = numerals()
    and_a_half = f"(?:{regex.escape(n['measure'] + n['half'])})?" if n["half"] else ""
    # A number starts where its run of digits (or numerals) starts. Without the lookbehinds every
    # position inside a run of 100k digits is tried as a start, each scanning to the run's end:
    # quadratic, and rules with {num} time out (robustness, issue 6).
    return rf"(?:(?<!\d)\d+(?:,\d{{3}})*(?:\.\d+)?|(?i:\b(?:{en})\b)|(?<![{zh}])[{zh}]+{and_a_half})"


def parse_numerals(text: str) -> float | None:
    """Numerals with ten/hundred units: 十五 → 15, 两 → 2, 二十四 → 24, 一百 → 100, 九十九点九 → 99.9,
    半 → 0.5, 一个半 → 1.5 (the characters come from numbers.yaml)."""
    n = numerals()
    digits, units = n["digits"], n["units"]
    if n["measure"]:
        text = text.replace(n["measure"], "")
    if not text:
        return None
    half = 0.0
    if n["half"] and text.endswith(n["half"]):
        half, text = 0.5, text[: -len(n["half"])]
        if not text:
            return half
    whole, _, frac = text.partition(n["point"]) if n["point"] else (text, "", "")
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
    except OverflowError:  # ten thousand's numeral repeated hundreds of times (robustness, issue 6)
        return None
    if frac:
        if not all(c in digits for c in frac):
            return None
        value += float("0." + "".join(str(digits[c]) for c in frac))
    return value + half


def parse_number(text: str) -> float | None:
    """Parse one number token: '15', '1,000', '99.95', 'fifteen', 'two (2)', Chinese numerals, full-width digits."""
    t = text.strip().translate(FOLD)
    paren = regex.search(r"\((\d+(?:\.\d+)?)\)", t, timeout=REGEX_TIMEOUT)  # "two (2)": the digits are authoritative
    if paren:
        return finite(float(paren.group(1)))
    if regex.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", t, timeout=REGEX_TIMEOUT):
        return finite(float(t.replace(",", "")))
    word = number_words().get(t.lower())
    if word is not None:
        return word
    if t and all(c in numeral_chars() or c == numerals()["measure"] or c.isdecimal() for c in t):
        return parse_numerals(t)
    return None


def finite(value: float) -> float | None:
    """A 400-digit number reads as inf, which JSON cannot carry: treat it as no number (robustness, issue 6)."""
    return value if math.isfinite(value) else None
