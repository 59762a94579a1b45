"""Daily windows read at extraction: the coverage rules find them, the one clock parser reads
them, and each coverage item carries the window its text states."""

from __future__ import annotations

import pytest

from slaextract.fields.coverage import stated_window, windows_in
from slaextract.model import TimeWindow
from slaextract.pipeline import extract_text
from slaextract.rules import default_rules
from slaextract.text.clean import clean


def windows(text: str) -> list[tuple[int, int]]:
    return [(w.start, w.end) for w in windows_in(default_rules(), clean(text).text)]


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
    assert windows(text) == expected


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
    assert windows(text) == []


def test_an_item_carries_the_window_of_its_own_length() -> None:
    text = "5×8（工作日9:00-17:00） 7×12（每日8:00-20:00）"
    assert stated_window(default_rules(), clean(text).text, 12) == TimeWindow(480, 1200)
    assert stated_window(default_rules(), clean(text).text, 8.5) == TimeWindow(540, 1020)
    assert stated_window(default_rules(), clean(text).text, 10) is None


def test_extraction_gives_coverage_its_window_but_json_does_not_show_it() -> None:
    summary = extract_text("Support is available Monday through Friday, 9:00 to 17:00.")
    (item,) = summary.coverage
    assert (item.days_per_week, item.hours_per_day, item.window) == (5, 8, TimeWindow(540, 1020))
    assert "window" not in summary.model_dump(mode="json")["coverage"][0]
