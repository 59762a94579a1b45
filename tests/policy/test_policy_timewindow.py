"""Daily windows read from evidence text: cases that must match, and cases that must not."""

from __future__ import annotations

import pytest

from slaextract.policy.timewindow import TimeWindow, find_windows, parse_window


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:00-24:00", [(1140, 1440)]),
        ("19:00–24:00", [(1140, 1440)]),
        ("直播高峰时段每日19:00至24:00安排专人值守", [(1140, 1440)]),
        ("每日9:00-24:00受理", [(540, 1440)]),
        ("工作日９：００－１８：００（法定节假日除外）", [(540, 1080)]),
        ("8:00 a.m. to 8:00 p.m., Monday through Friday", [(480, 1200)]),
        ("from 6 a.m. to 6 p.m. Pacific Time", [(360, 1080)]),
        ("工作日8:30-17:00在线", [(510, 1020)]),
        ("晚上7点到12点", [(1140, 1440)]),
        ("night shift 20:00-02:00", [(1200, 1560)]),
        ("5×8（工作日9:00-17:00） 7×12（每日8:00-20:00）", [(540, 1020), (480, 1200)]),
    ],
)
def test_finds_windows(text: str, expected: list[tuple[int, int]]) -> None:
    assert [(w.start, w.end) for w in find_windows(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Severity 1-4 issues",  # a range of numbers, not of hours
        "within 2-4 business days",
        "credits of 10-25%",
        "valid for 5 months",
        "25:00-26:00",
    ],
)
def test_no_window(text: str) -> None:
    assert find_windows(text) == []


def test_parse_window_needs_the_whole_text() -> None:
    assert parse_window(" 19:00-24:00 ") == TimeWindow(1140, 1440)
    assert parse_window("daily 19:00-24:00") is None
    assert parse_window("19:00") is None


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
