"""Response-time tables: which rows are the header, and how a cell becomes minutes."""

from __future__ import annotations

import pytest

from slaextract.fields.response_parts import durations_in
from slaextract.fields.response_table import bare_number_in_unit_column, from_table
from slaextract.fields.tables import grid_of


def candidates(ctx) -> list[tuple[str, str, float, bool]]:
    return [(c.label.text, c.kind, c.minutes, c.business) for c in from_table(ctx, grid_of(ctx, 0))]


def test_the_header_row_names_each_columns_kind(context_of) -> None:
    ctx = context_of("Response targets", [
        ["Severity", "Initial response", "Resolution"],
        ["Severity 1", "15 minutes", "4 hours"],
        ["Severity 2", "1 hour", "2 business days"],
    ])
    assert candidates(ctx) == [
        ("Severity 1", "response", 15.0, False),
        ("Severity 1", "resolution", 240.0, False),
        ("Severity 2", "response", 60.0, False),
        ("Severity 2", "resolution", 2880.0, True),
    ]


def test_every_row_above_the_first_labelled_row_is_header(context_of) -> None:
    """A title row merged across the table, then the column names: both are header, neither a target."""
    ctx = context_of("Support targets", [
        ["Targets", None, None],
        ["Priority", "Response", "Restore"],
        ["P1", "30 min", "4 h"],
        ["P2", "2 h", "1 business day"],
    ])
    assert grid_of(ctx, 0).cells[0] == ["Targets", "Targets", "Targets"]  # the merged cell spans from the left
    assert candidates(ctx) == [
        ("P1", "response", 30.0, False),
        ("P1", "restoration", 240.0, False),
        ("P2", "response", 120.0, False),
        ("P2", "restoration", 1440.0, True),
    ]


def test_bare_numbers_take_the_unit_written_once_in_the_column_header(context_of) -> None:
    ctx = context_of("服务响应", [
        ["故障级别", "响应时限（分钟）", "解决时限（小时）"],
        ["一级", "15", "4"],
        ["二级", "30", "8"],
    ])
    assert candidates(ctx) == [
        ("一级", "response", 15.0, False),
        ("一级", "resolution", 240.0, False),
        ("二级", "response", 30.0, False),
        ("二级", "resolution", 480.0, False),
    ]


@pytest.mark.parametrize(("cell", "header", "minutes", "business"), [
    ("15", "响应时限(分钟)", 15.0, False),  # headers arrive as clean text: full-width brackets folded
    ("≤ 4", "Resolution (hours)", 240.0, False),
    ("2", "Resolution (business days)", 2880.0, True),
    ("0.5", "Response (h)", 30.0, False),
    ("240", "表4-2 首次响应时限(单位:分钟)", 240.0, False),  # a caption that labels its unit
    ("8", "Table 3. Restoration targets (in hours)", 480.0, False),
])
def test_a_bare_number_under_a_unit_header(cell: str, header: str, minutes: float, business: bool) -> None:
    ((_, _, got, got_business, rule),) = bare_number_in_unit_column(cell, header)
    assert (got, got_business, rule) == (minutes, business, "any.duration.header_unit")


@pytest.mark.parametrize(("cell", "header"), [
    ("15", "Response"),  # no unit anywhere
    ("about 15", "Response (min)"),  # not a bare number
    ("15 min", "Response (min)"),  # has its own unit: durations_in reads it
])
def test_no_duration_without_a_header_unit_and_a_bare_number(cell: str, header: str) -> None:
    assert bare_number_in_unit_column(cell, header) == []


def test_a_table_whose_columns_are_the_priorities_and_whose_rows_are_the_targets(context_of) -> None:
    ctx = context_of("Table 3. Support targets by priority", [
        ["Target", "P1", "P2"],
        ["Initial response", "15 minutes", "4 business hours"],
        ["Status updates", "every 30 minutes", "daily"],
    ])
    assert candidates(ctx) == [
        ("P1", "response", 15.0, False),
        ("P2", "response", 240.0, True),
        ("P1", "update", 30.0, False),
        ("P2", "update", 1440.0, False),
    ]


def test_a_caption_that_names_the_unit_and_the_kind_reads_a_table_of_bare_numbers(context_of) -> None:
    ctx = context_of("表4-2　首次响应时限（单位：分钟）", [
        ["类别", "标准托管", "高防托管"],
        ["C类", "—", "—"],
        ["B类", "30", "15"],
        ["A类", "15", "10"],
    ])
    assert candidates(ctx) == [
        ("B类", "response", 30.0, False),
        ("B类", "response", 15.0, False),
        ("A类", "response", 15.0, False),
        ("A类", "response", 10.0, False),
    ]
    scopes = {c.scope for c in from_table(ctx, grid_of(ctx, 0))}
    assert scopes == {"标准托管", "高防托管"}  # a row of dashes the header took in adds nothing to it


@pytest.mark.parametrize(("text", "minutes", "business"), [
    ("within 4 business hours", 240.0, True),
    ("within 1 Support Hour", 60.0, True),
    ("15–30 minutes", 30.0, False),  # a range takes its upper bound
    ("两小时内", 120.0, False),
    ("半小时", 30.0, False),
    ("1 working day", 1440.0, True),
])
def test_durations_in_a_cell_become_minutes(context_of, text: str, minutes: float, business: bool) -> None:
    ctx = context_of("Response targets")
    ((_, _, got, got_business, _),) = durations_in(ctx, text)
    assert (got, got_business) == (minutes, business)


@pytest.mark.parametrize("text", [
    "24 hours a day, 7 days a week",  # a staffing window, not a target
    "7×24小时",
    "Severity 1",
    "a year",
])
def test_no_target_duration(context_of, text: str) -> None:
    assert durations_in(context_of("Response targets"), text) == []
