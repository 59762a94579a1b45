"""Each requirement type against summaries built by hand: passes, missing, below the minimum."""

from __future__ import annotations

from typing import Any

import pytest
from policy_builders import avail, chan, cov, credit, ev, only, resp, summary

from slaextract.model import ClauseSummary
from slaextract.policy import Finding, check


def findings(requirement: dict[str, Any], s: ClauseSummary) -> list[Finding]:
    return check(s, only(requirement)).findings


def kinds(requirement: dict[str, Any], s: ClauseSummary) -> list[tuple[str, str]]:
    return [(f.check, f.kind) for f in findings(requirement, s)]


# --- coverage -------------------------------------------------------------------------------------

MIN_7X24 = {"type": "coverage", "min_days_per_week": 7, "min_hours_per_day": 24}
EVENING = {"type": "coverage", "window": "19:00-24:00", "days": "daily"}


def test_coverage_met() -> None:
    assert findings(MIN_7X24, summary(coverage=[cov(5, 8), cov(7, 24)])) == []


def test_coverage_missing() -> None:
    (f,) = findings(MIN_7X24, summary())
    assert (f.kind, f.evidence, f.required) == ("missing", None, "at least 7×24")
    assert f.message == "No support hours are stated; the policy requires at least 7×24."


def test_coverage_below_minimum_reports_the_largest_item() -> None:
    (f,) = findings(MIN_7X24, summary(coverage=[cov(5, 8, page=2), cov(7, 12, page=3)]))
    assert (f.kind, f.actual, f.required) == ("below_minimum", "7×12", "7×24")
    assert f.evidence is not None and f.evidence.page == 3
    assert f.severity == "error" and f.requirement == "req"


def test_coverage_days_and_hours_both_count() -> None:
    # 5×24 has the hours but not the days; 7×12 the days but not the hours.
    assert kinds(MIN_7X24, summary(coverage=[cov(5, 24), cov(7, 12)])) == [
        ("coverage.minimum", "below_minimum")
    ]


@pytest.mark.parametrize(
    ("item_text", "days", "hours", "covered"),
    [
        ("7×24 support", 7, 24, True),
        ("每日9:00-24:00受理", 7, 15, True),
        ("直播高峰时段每日19:00至24:00安排专人值守", 7, 5, True),
        ("7x12 support (09:00-21:00)", 7, 12, False),  # the window is stated and misses the peak
        ("7x12 support", 7, 12, False),  # no window stated: 7×12 does not prove 19:00–24:00
        ("Monday to Friday 12:00-24:00", 5, 12, False),  # not every day
        ("daily 8:00-24:00 (5×8 plan)", 7, 8, False),  # the window is longer than the item: not its window
    ],
)
def test_coverage_window(item_text: str, days: int, hours: float, covered: bool) -> None:
    result = kinds(EVENING, summary(coverage=[cov(days, hours, text=item_text)]))
    assert result == ([] if covered else [("coverage.window", "below_minimum")])


def test_window_on_weekends_only_needs_a_seven_day_item() -> None:
    weekend = {**EVENING, "days": ["sat", "sun"]}
    assert kinds(weekend, summary(coverage=[cov(6, 24)])) == [("coverage.window", "below_minimum")]
    assert kinds(weekend, summary(coverage=[cov(7, 24)])) == []
    weekdays = {**EVENING, "days": "weekdays"}
    assert kinds(weekdays, summary(coverage=[cov(5, 12, text="Mon-Fri 12:00-24:00")])) == []


def test_window_finding_shows_what_the_contract_says() -> None:
    (f,) = findings(EVENING, summary(coverage=[cov(7, 12, text="7×12（每日9:00-21:00）")]))
    assert f.actual == "7×12 (09:00–21:00)"
    assert f.required == "19:00–24:00 (every day)"


def test_minimum_and_window_are_separate_findings() -> None:
    both = {**MIN_7X24, "min_days_per_week": 7, "min_hours_per_day": 12, "window": "19:00-24:00"}
    assert kinds(both, summary(coverage=[cov(5, 8)])) == [
        ("coverage.minimum", "below_minimum"),
        ("coverage.window", "below_minimum"),
    ]


def test_coverage_scope() -> None:
    s = summary(coverage=[cov(7, 24, scope="Premier Support"), cov(5, 8, scope="Standard Support")])
    assert kinds({**MIN_7X24, "scope": "standard"}, s) == [("coverage.minimum", "below_minimum")]
    assert kinds({**MIN_7X24, "scope": "premier"}, s) == []


# --- response times -------------------------------------------------------------------------------

RANK1 = {"type": "response_time", "rank": 1, "kind": "response", "max_minutes": 15}


def test_response_met_and_missing() -> None:
    assert findings(RANK1, summary(response_times=[resp(1, 15)])) == []
    (f,) = findings(RANK1, summary(response_times=[resp(2, 10), resp(1, 5, "resolution")]))
    assert (f.kind, f.required) == ("missing", "15 min")
    assert f.message == "No rank-1 response time is stated; the policy requires at most 15 min."


def test_response_below_minimum_carries_values_and_evidence() -> None:
    (f,) = findings(RANK1, summary(response_times=[resp(1, 30, page=4)]))
    assert (f.kind, f.actual, f.required) == ("below_minimum", "30 min", "15 min")
    assert f.evidence is not None and f.evidence.page == 4 and f.evidence.bbox is not None
    assert f.message == "The rank-1 response time is 30 min; the policy requires at most 15 min."


def test_restoration_is_its_own_kind() -> None:
    restore = {**RANK1, "kind": "restoration", "max_minutes": 240}
    s = summary(response_times=[resp(1, 15), resp(1, 480, "restoration")])
    assert [(f.actual, f.required) for f in findings(restore, s)] == [("8 h", "4 h")]


def test_best_plan_counts_unless_a_scope_is_named() -> None:
    s = summary(response_times=[resp(1, 60, scope="Standard"), resp(1, 15, scope="Premier")])
    assert findings(RANK1, s) == []
    (f,) = findings({**RANK1, "scope": "standard"}, s)
    assert f.actual == "1 h"
    assert f.message.endswith("(scope: standard); the policy requires at most 15 min.")


def test_named_scope_falls_back_to_unscoped_items() -> None:
    s = summary(response_times=[resp(1, 10)])
    assert findings({**RANK1, "scope": "Enterprise"}, s) == []


def test_a_time_for_every_request_binds_rank_one() -> None:
    s = summary(response_times=[resp(None, 240)])
    (f,) = findings(RANK1, s)
    assert (f.kind, f.actual) == ("below_minimum", "4 h")


def test_business_time_is_marked_and_can_be_refused() -> None:
    s = summary(response_times=[resp(1, 15, business_time=True)])
    assert findings(RANK1, s) == []
    (f,) = findings({**RANK1, "allow_business_time": False}, s)
    assert (f.kind, f.actual) == ("below_minimum", "15 min (business time)")


# --- availability ---------------------------------------------------------------------------------

AVAIL = {"type": "availability", "min_percent": 99.9}


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([avail(99.95)], []),
        ([avail(99.9)], []),
        ([avail(99.5), avail(99.9, scope="Compute")], []),
        ([avail(99.5)], [("availability.low", "below_minimum", "99.5%")]),
        ([], [("availability.missing", "missing", None)]),
    ],
)
def test_availability(items: list, expected: list) -> None:
    result = findings(AVAIL, summary(availability=items))
    assert [(f.check, f.kind, f.actual) for f in result] == expected


# --- channels -------------------------------------------------------------------------------------


def test_channels_all_of_lists_what_is_absent_and_what_is_offered() -> None:
    s = summary(channels=[chan("email"), chan("ticket"), chan("email")])
    (f,) = findings({"type": "channels", "all_of": ["phone", "ticket", "dedicated_manager"]}, s)
    assert (f.check, f.kind) == ("channels.all_of", "missing")
    assert f.message == "Not offered as a support channel: phone, dedicated manager (offered: email, ticket)."


def test_channels_any_of() -> None:
    requirement = {"type": "channels", "any_of": ["phone", "dedicated_manager"]}
    assert findings(requirement, summary(channels=[chan("dedicated_manager")])) == []
    (f,) = findings(requirement, summary())
    assert f.actual == "none" and f.check == "channels.any_of"


def test_channels_both_lists_checked() -> None:
    requirement = {"type": "channels", "all_of": ["ticket"], "any_of": ["phone", "chat"]}
    assert kinds(requirement, summary(channels=[chan("email")])) == [
        ("channels.all_of", "missing"),
        ("channels.any_of", "missing"),
    ]


# --- service credits ------------------------------------------------------------------------------

CREDITS = {
    "type": "service_credits",
    "min_first_tier_percent": 10,
    "min_cap_percent": 25,
    "min_claim_window_days": 30,
}


def full_credits(**overrides: Any) -> ClauseSummary:
    fields: dict[str, Any] = {
        "service_credits": [credit(99.0, 25), credit(99.9, 10)],
        "credit_cap_percent": 50,
        "credit_cap_evidence": ev("capped at 50%", page=6),
        "claim_window_days": 30,
        "claim_window_evidence": ev("claim within 30 days", page=7),
    }
    return summary(**{**fields, **overrides})


def test_credits_met() -> None:
    assert findings(CREDITS, full_credits()) == []


def test_nothing_about_credits_is_one_missing_finding() -> None:
    (f,) = findings(CREDITS, summary())
    assert (f.check, f.kind) == ("credits.missing", "missing")


def test_first_tier_is_the_highest_threshold() -> None:
    (f,) = findings(CREDITS, full_credits(service_credits=[credit(99.9, 5), credit(99.0, 50)]))
    assert (f.check, f.actual, f.required) == ("credits.first_tier", "5%", "10%")


def test_cap_and_claim_window_below_and_missing() -> None:
    low = full_credits(credit_cap_percent=10, claim_window_days=14)
    result = findings(CREDITS, low)
    assert [(f.check, f.kind, f.actual) for f in result] == [
        ("credits.cap", "below_minimum", "10%"),
        ("credits.claim", "below_minimum", "14 days"),
    ]
    assert [f.evidence.page for f in result if f.evidence] == [6, 7]
    absent = full_credits(
        credit_cap_percent=None, credit_cap_evidence=None, claim_window_days=None, claim_window_evidence=None
    )
    assert kinds(CREDITS, absent) == [
        ("credits.cap_missing", "missing"),
        ("credits.claim_missing", "missing"),
    ]


def test_a_cap_without_tiers_still_reports_missing_tiers() -> None:
    s = summary(credit_cap_percent=50, credit_cap_evidence=ev("capped at 50%"))
    assert kinds({"type": "service_credits"}, s) == [("credits.missing", "missing")]


# --- language (heuristic) -------------------------------------------------------------------------

ENGLISH = {"type": "language", "language": "en"}


def test_english_contract_counts_as_english_support() -> None:
    assert findings(ENGLISH, summary(language="en")) == []


def test_english_named_in_evidence_counts() -> None:
    s = summary(language="zh", channels=[chan("phone", "7×24小时中英文服务热线")])
    assert findings(ENGLISH, s) == []


def test_chinese_contract_without_english_is_missing() -> None:
    s = summary(language="zh", channels=[chan("phone", "7×24小时服务热线")])
    (f,) = findings(ENGLISH, s)
    assert (f.kind, f.required, f.actual) == ("missing", "英文", "中文")
    assert "启发式" in f.message


def test_mixed_document_is_not_proof_of_english_support() -> None:
    assert len(findings(ENGLISH, summary(language="mixed"))) == 1
