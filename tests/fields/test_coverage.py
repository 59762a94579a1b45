"""Support coverage: clock windows ("8:00 to 18:00", 上午9点至下午6点) → hours per day."""

from __future__ import annotations

import pytest

from slaextract.fields.coverage import extract, windows_in
from slaextract.rules import default_rules


@pytest.mark.parametrize(("text", "lang", "hours"), [
    ("from 8:00 to 18:00", "en", 10.0),
    ("9am to 5pm", "en", 8.0),
    ("9 a.m. – 5:30 p.m.", "en", 8.5),
    ("22:00-06:00", "en", 8.0),  # over midnight
    ("上午9点至下午6点", "zh", 9.0),
    ("8点半到17点半", "zh", 9.0),
    ("9:00-12:00", "zh", 3.0),
])
def test_a_clock_window_gives_its_hours(text: str, lang: str, hours: float) -> None:
    assert [w.hours for w in windows_in(default_rules(), text, lang)] == [hours]


def test_two_bare_numbers_are_no_clock_window() -> None:
    """'between 5 and 10' could be anything: a window needs minutes, a.m./p.m. or a clock word."""
    assert windows_in(default_rules(), "between 5 and 10", "en") == []


def test_a_window_with_weekdays_is_five_days(context_of) -> None:
    ctx = context_of("Support hours", "Support is available from 8:00 to 18:00, Monday to Friday.")
    assert [(c.days_per_week, c.hours_per_day) for c in extract(ctx)] == [(5, 10.0)]


def test_round_the_clock_support(context_of) -> None:
    ctx = context_of("Support hours", "Severity 1 incidents are supported 24x7, every day of the year.")
    assert [(c.days_per_week, c.hours_per_day) for c in extract(ctx)] == [(7, 24.0)]


def test_a_time_window_that_is_not_about_support_is_no_coverage(context_of) -> None:
    ctx = context_of("Deliveries", "Goods are delivered from 8:00 to 18:00, Monday to Friday.")
    assert extract(ctx) == []


@pytest.mark.parametrize(
    "text",
    [
        "技术支持服务时间为5×8小时（工作日9:00–12:00、13:30–18:30）。",
        "Support hours are 5x8 (09:00–12:00 and 13:00–18:00, Monday to Friday).",
    ],
)
def test_windows_in_brackets_after_a_staffing_figure_spell_it_out(context_of, text: str) -> None:
    # the two half-day windows are the 8 hours' detail, not two more coverage items
    assert [(c.days_per_week, c.hours_per_day) for c in extract(context_of(text))] == [(5, 8.0)]
