"""Service-credit bands: the top of each availability band, the credit, and the tiers of a table."""

from __future__ import annotations

import pytest

from slaextract.fields.credit_tiers import (
    PROMISED_LEVEL,
    closed_band_top,
    credit_value,
    extract_tiers,
    resolve_commitment,
    threshold_of,
)


@pytest.mark.parametrize(("cell", "top"), [
    ("< 99.9% but ≥ 99%", 99.9),
    ("99.0% – < 99.9%", 99.9),
    ("99.00% – 99.89%", 99.9),  # a closed band ends just under the next band's figure
    ("Below 99.95% but at least 99.5%", 99.95),
    ("below the Availability Commitment", PROMISED_LEVEL),
])
def test_the_top_of_an_availability_band(context_of, cell: str, top: float) -> None:
    assert threshold_of(context_of("Service credits"), cell) == top


@pytest.mark.parametrize("cell", ["Monthly fee", "5%", "Tier 2", ""])
def test_a_cell_that_is_no_band(context_of, cell: str) -> None:
    assert threshold_of(context_of("Service credits"), cell) is None


def test_a_chinese_band_below_the_commitment(context_of) -> None:
    ctx = context_of("服务赔偿标准", "月度服务可用性低于承诺值时，乙方按下表赔偿。")
    assert ctx.language == "zh"
    assert threshold_of(ctx, "低于承诺值") == PROMISED_LEVEL


@pytest.mark.parametrize(("value", "top"), [(99.89, 99.9), (99.94, 99.95), (99.49, 99.5), (99.0, 99.0), (99.5, 99.5)])
def test_closed_band_top(value: float, top: float) -> None:
    assert closed_band_top(value) == top


@pytest.mark.parametrize(("cell", "credit"), [
    ("10%", 10.0), ("10", 10.0), ("5% of the monthly fee", 5.0), ("n/a", None), ("150%", None), ("0%", None),
])
def test_credit_value(cell: str, credit: float | None) -> None:
    assert credit_value(cell) == credit


def test_below_the_commitment_becomes_the_promised_availability() -> None:
    assert resolve_commitment([PROMISED_LEVEL], [99.95], 0, 1) == [99.95]
    assert resolve_commitment([PROMISED_LEVEL, 99.0], [], 0, 1) == [99.0]  # nothing promised: nothing to put in
    # one promise per credit column (one per service): each column takes its own
    assert resolve_commitment([PROMISED_LEVEL], [99.9, 99.5], 1, 2) == [99.5]
    assert resolve_commitment([PROMISED_LEVEL], [99.9, 99.5], 0, 3) == [99.9, 99.5]


def test_tiers_of_a_credit_table(context_of) -> None:
    ctx = context_of("Service credits", [
        ["Monthly availability", "Service credit"],
        ["< 99.95% but ≥ 99.5%", "5%"],
        ["99.00% – 99.49%", "10%"],
        ["< 99.0%", "25%"],
    ])
    tiers = extract_tiers(ctx, [99.95])
    assert [(t.below_percent, t.credit_percent) for t in tiers] == [(99.95, 5.0), (99.5, 10.0), (99.0, 25.0)]
    assert tiers[0].evidence.text == "< 99.95% but ≥ 99.5% | 5%"


def test_a_table_of_bands_without_credits_gives_no_tiers(context_of) -> None:
    ctx = context_of("Availability history", [
        ["Month", "Availability"],
        ["January", "99.2%"],
        ["February", "99.97%"],
    ])
    assert extract_tiers(ctx, [99.95]) == []


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (["产品", "月度服务可用性承诺值", "2025年实测可用性", "数据持久性（设计值）"],
         [["CDN加速", "99.9%", "99.982%", "—"], ["对象存储", "99.95%", "99.991%", "99.9999999999%"]]),
        (["Service", "Committed availability", "Measured availability (2025)"],
         [["CDN", "99.9%", "99.982%"], ["Object storage", "99.95%", "99.991%"]]),
    ],
)
def test_beside_a_committed_column_a_measured_one_promises_nothing(context_of, header, rows) -> None:
    from slaextract.fields.availability import extract as availability

    ctx = context_of("Service levels", [header, *rows])
    assert sorted(a.percent for a in availability(ctx)) == [99.9, 99.95]
