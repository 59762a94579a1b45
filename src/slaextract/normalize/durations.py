"""Durations → minutes (with a business-time flag), from the unit table in patterns/units/durations.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..data import load_units
from .numbers import number_pattern, parse_number


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    minutes: float
    business: bool


@cache
def unit_forms() -> dict[str, Unit]:
    forms: dict[str, Unit] = {}
    for u in load_units("durations")["units"]:
        unit = Unit(u["name"], float(u["minutes"]), bool(u["business"]))
        for form in u["forms"]:
            forms[str(form).lower()] = unit
    return forms


@cache
def unit_pattern() -> str:
    """Longest form first, so 'business hours' wins over 'hours' and 个工作日 over 日."""
    forms = sorted(unit_forms(), key=len, reverse=True)
    alts = "|".join(regex.escape(f) for f in forms)
    # ASCII forms must end at a word boundary ('m' must not eat 'mo'); CJK forms need no boundary.
    return rf"(?:(?i:{alts})(?![A-Za-z]))"


@cache
def duration_pattern() -> str:
    """amount (or a range 'a–b', taking the upper bound) followed by a unit."""
    num = number_pattern()
    return (
        rf"(?:(?P<low>{num})\s*(?:-|–|—|~|～|to|至|到)\s*)?(?P<amount>{num})\s*(?:\(\d+\)\s*)?"
        rf"(?:(?i:more\s+)?)(?P<unit>{unit_pattern()})"
    )


def unit_of(text: str) -> Unit | None:
    return unit_forms().get(regex.sub(r"\s+", " ", text.strip().lower(), timeout=1.0))


def to_minutes(amount: str, unit: str) -> tuple[float, bool] | None:
    """('2', 'business days') → (2880.0, True); ('半', '小时') → (30.0, False)."""
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
        for m in _compiled().finditer(text, timeout=1.0):
            got = to_minutes(m.group("amount"), m.group("unit"))
            if got:
                return got[0], got[1], m.start(), m.end()
    except TimeoutError:  # e.g. 100k digits: the pattern is quadratic there; no duration (robustness, issue 6)
        return None
    return None
