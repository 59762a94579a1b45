"""Self-contradictions in a contract, found whatever the policy requires."""

from __future__ import annotations

from typing import Any

import pytest
from policy_builders import ALL_CONSISTENCY_OFF, avail, cov, credit, resp, summary

from slaextract.model import ClauseSummary
from slaextract.policy import Finding, Policy, check, load_policy_text
from slaextract.policy.consistency import CHECKS, CONSISTENCY_DESCRIPTIONS
from slaextract.policy.model import CONSISTENCY_CHECKS


def run(name: str, s: ClauseSummary, setting: str = "warning") -> list[Finding]:
    policy = Policy.model_validate({"version": 1, "consistency": {**ALL_CONSISTENCY_OFF, name: setting}})
    return check(s, policy).findings


def test_every_check_is_declared_described_and_implemented() -> None:
    assert set(CONSISTENCY_CHECKS) == set(CHECKS) == set(CONSISTENCY_DESCRIPTIONS)


# --- rank order -----------------------------------------------------------------------------------


def test_rank_one_slower_than_rank_two() -> None:
    s = summary(response_times=[resp(1, 60, page=3), resp(2, 30), resp(3, 240)])
    (f,) = run("rank-order", s)
    assert (f.requirement, f.kind, f.severity) == ("consistency.rank-order", "inconsistent", "warning")
    assert f.evidence is not None and f.evidence.page == 3
    assert (
        f.message == "Rank 1 (P1) has a slower response time (1 h) than the less severe rank 2 (P2, 30 min)."
    )


@pytest.mark.parametrize(
    "items",
    [
        [resp(1, 15), resp(2, 60), resp(3, 60)],  # equal times are not a contradiction
        [resp(1, 60, "resolution"), resp(2, 30)],  # different kinds
        [resp(1, 60, scope="Standard"), resp(2, 30, scope="Premier")],  # different plans
        [resp(1, 60, business_time=True), resp(2, 30)],  # business and calendar time do not compare
        [resp(None, 10), resp(1, 60)],  # a time tied to no priority has no rank to order
    ],
)
def test_rank_order_consistent(items: list) -> None:
    assert run("rank-order", summary(response_times=items)) == []


def test_rank_order_uses_the_fastest_item_per_rank() -> None:
    s = summary(response_times=[resp(1, 120), resp(1, 10), resp(2, 30)])
    assert run("rank-order", s) == []


# --- availability conflict ------------------------------------------------------------------------


def test_two_availability_figures_for_the_same_scope() -> None:
    (f,) = run("availability-conflict", summary(availability=[avail(99.9), avail(99.5, page=5)]))
    assert (f.kind, f.actual) == ("inconsistent", "99.9%")
    assert f.evidence is not None and f.evidence.page == 5
    assert "both 99.9% and 99.5%" in f.message


@pytest.mark.parametrize(
    "items",
    [
        [avail(99.9), avail(99.9)],
        [avail(99.9, scope="Compute"), avail(99.5, scope="Storage")],
        [avail(99.9, period="month"), avail(99.95, period="year")],
    ],
)
def test_availability_figures_that_do_not_conflict(items: list) -> None:
    assert run("availability-conflict", summary(availability=items)) == []


# --- availability without credit -----------------------------------------------------------------


def test_availability_without_any_credit() -> None:
    (f,) = run("availability-without-credit", summary(availability=[avail(99.9)]))
    assert f.requirement == "consistency.availability-without-credit" and f.actual == "99.9%"


@pytest.mark.parametrize(
    "fields",
    [
        {"availability": [avail(99.9)], "service_credits": [credit(99.9, 10)]},
        {"availability": [avail(99.9)], "credit_cap_percent": 50},
        {"availability": [avail(99.9)], "claim_window_days": 30},
        {},
    ],
)
def test_availability_with_a_remedy_or_none_promised(fields: dict[str, Any]) -> None:
    assert run("availability-without-credit", summary(**fields)) == []


# --- coverage vs response -------------------------------------------------------------------------


def test_business_hours_with_a_fast_rank_one_response() -> None:
    s = summary(coverage=[cov(5, 8)], response_times=[resp(1, 30, page=2)])
    (f,) = run("coverage-vs-response", s)
    assert (
        f.message == "A rank-1 response within 30 min is promised, but support hours are only 5×8 (no 7×24)."
    )
    assert f.evidence is not None and f.evidence.page == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"coverage": [cov(5, 8), cov(7, 24)], "response_times": [resp(1, 30)]},
        {"coverage": [cov(5, 8)], "response_times": [resp(1, 120)]},
        {"coverage": [cov(5, 8)], "response_times": [resp(1, 30, business_time=True)]},
        {"coverage": [cov(5, 8)], "response_times": [resp(1, 30, "update")]},
        {"coverage": [], "response_times": [resp(1, 30)]},  # no hours stated at all: nothing contradicts
    ],
)
def test_coverage_and_response_that_agree(fields: dict[str, Any]) -> None:
    assert run("coverage-vs-response", summary(**fields)) == []


# --- settings -------------------------------------------------------------------------------------

CONTRADICTORY = summary(response_times=[resp(1, 60), resp(2, 30)])


def test_checks_default_to_warning_and_can_be_raised_or_turned_off() -> None:
    default = check(CONTRADICTORY, Policy.model_validate({"version": 1}))
    assert [(f.requirement, f.severity) for f in default.findings] == [("consistency.rank-order", "warning")]
    assert default.passed and default.passed_at("error") and not default.passed_at("warning")
    assert [f.severity for f in run("rank-order", CONTRADICTORY, "error")] == ["error"]
    off = check(CONTRADICTORY, Policy.model_validate({"version": 1, "consistency": {"rank-order": "off"}}))
    assert off.findings == [] and "consistency.rank-order" not in [r.id for r in off.rules]


def test_unquoted_off_in_yaml_turns_a_check_off() -> None:
    policy = load_policy_text("version: 1\nconsistency:\n  rank-order: off\n", "p.yaml")
    assert policy.consistency_severity("rank-order") == "off"
    assert check(CONTRADICTORY, policy).findings == []
