"""A policy's daily window: its notation, containment and how it prints."""

from __future__ import annotations

import pytest

from slaextract.model import TimeWindow
from slaextract.policy.timewindow import parse_window


def test_parse_window_needs_the_whole_text() -> None:
    assert parse_window(" 19:00-24:00 ") == TimeWindow(1140, 1440)
    assert parse_window("daily 19:00-24:00") is None
    assert parse_window("19:00") is None
    assert parse_window("1-4") is None  # numbers, not clock times
    assert parse_window("８ a.m. to ８ p.m.") == TimeWindow(480, 1200)
    assert parse_window("晚上7点到12点") == TimeWindow(1140, 1440)  # the evening's twelve is midnight


@pytest.mark.parametrize(
    ("outer", "inner", "contains"),
    [
        ("09:00-24:00", "19:00-24:00", True),
        ("09:00-21:00", "19:00-24:00", False),
        ("18:00-02:00", "19:00-24:00", True),
        ("18:00-02:00", "23:00-01:00", True),
        ("20:00-02:00", "19:00-24:00", False),
        (
            "00:00-24:00",
            "22:00-02:00",
            False,
        ),  # one calendar day cannot contain a window that crosses midnight
    ],
)
def test_contains(outer: str, inner: str, contains: bool) -> None:
    a, b = parse_window(outer), parse_window(inner)
    assert a is not None and b is not None
    assert a.contains(b) is contains


def test_str_shows_clock_times() -> None:
    assert str(parse_window("20:00-02:00")) == "20:00–02:00"
    assert str(parse_window("19:00-24:00")) == "19:00–24:00"
