"""Durations → minutes (with a business-time flag), from the unit table in patterns/units/durations.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from ..resources import load_units
from .numbers import number_pattern, parse_number


@dataclass(frozen=True, slots=True)
class DurationUnit:
    name: str
    minutes: float
    business: bool


@cache
def unit_forms() -> dict[str, DurationUnit]:
    forms: dict[str, DurationUnit] = {}
    for u in load_units("durations")["units"]:
        unit = DurationUnit(u["name"], float(u["minutes"]), bool(u["business"]))
        for form in u["forms"]:
            forms[str(form).lower()] = unit
    return forms


@cache
def unit_pattern() -> str:
    """Longest form first, so 'business hours' wins over 'hours' and 'business day' over 'day'."""
    forms = sorted(unit_forms(), key=len, reverse=True)
    alts = "|".join(regex.escape(f) for f in forms)
    # ASCII forms must end at a word boundary ('m' must not eat 'mo'); CJK forms need no boundary.
    return rf"(?:(?i:{alts})(?![A-Za-z]))"


@cache
def duration_pattern() -> str:
    """amount (or a range 'a–b', taking the upper bound) followed by a unit."""
    num = number_pattern()
    return (
        rf"(?:(?P<low>{num})\s*(?:-|–|—|~|{fragment('range_word')})\s*)?(?P<amount>{num})\s*(?:\(\d+\)\s*)?"
        rf"(?:(?i:{fragment('duration_filler')})?)(?P<unit>{unit_pattern()})"
    )


def unit_of(text: str) -> DurationUnit | None:
    return unit_forms().get(regex.sub(r"\s+", " ", text.strip().lower(), timeout=REGEX_TIMEOUT))


def to_minutes(amount: str, unit: str) -> tuple[float, bool] | None:
    """('2', 'business days') → (2880.0, True); ('half an', 'hour') → (30.0, False)."""
    value = parse_number(amount)
    u = unit_of(unit)
    if value is None or u is None or value <= 0:
        return None
    return value * u.minutes, u.business


@cache
def _compiled() -> regex.Pattern:
    return regex.compile(duration_pattern())


def find_duration(text: str) -> tuple[float, bool, int, int] | None:
    """The first duration in text: (minutes, business, start, end)."""
    try:
        for m in _compiled().finditer(text, timeout=REGEX_TIMEOUT):
            got = to_minutes(m.group("amount"), m.group("unit"))
            if got:
                return got[0], got[1], m.start(), m.end()
    except TimeoutError:  # e.g. 100k digits: the pattern is quadratic there; no duration (robustness, issue 6)
        return None
    return None
