"""Durations → minutes from the unit table (patterns/units/durations.yaml), business time flagged."""

from __future__ import annotations

import pytest

from slaextract.normalize.durations import DurationUnit, find_duration, to_minutes, unit_of


@pytest.mark.parametrize(("form", "minutes", "business"), [
    ("minutes", 1.0, False),
    ("hrs", 60.0, False),
    ("business days", 1440.0, True),
    ("个工作日", 1440.0, True),
    ("小时", 60.0, False),
    ("Business  Hours", 60.0, True),  # case and spacing do not matter
])
def test_unit_forms(form: str, minutes: float, business: bool) -> None:
    unit = unit_of(form)
    assert isinstance(unit, DurationUnit)
    assert (unit.minutes, unit.business) == (minutes, business)


@pytest.mark.parametrize("form", ["fortnights", "", "mo"])
def test_unknown_units(form: str) -> None:
    assert unit_of(form) is None


@pytest.mark.parametrize(("amount", "unit", "expected"), [
    ("2", "business days", (2880.0, True)),
    ("半", "小时", (30.0, False)),
    ("两", "小时", (120.0, False)),
    ("0", "hours", None),  # no target is zero
    ("x", "hours", None),
])
def test_to_minutes(amount: str, unit: str, expected: tuple[float, bool] | None) -> None:
    assert to_minutes(amount, unit) == expected


def test_find_duration_gives_the_first_with_its_span() -> None:
    text = "Respond within 15 minutes and restore within 4 hours."
    minutes, business, start, end = find_duration(text)
    assert (minutes, business, text[start:end]) == (15.0, False, "15 minutes")
    assert find_duration("no duration here") is None
