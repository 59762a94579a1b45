"""Waivers: an active one moves findings aside; an expired one no longer does (clock injected)."""

from __future__ import annotations

import datetime as dt

from policy_builders import ALL_CONSISTENCY_OFF, resp, summary

from slaextract.policy import Policy, check

SLOW = summary(response_times=[resp(1, 30), resp(2, 20)])


def policy(expires: str, requirement: str = "response.rank1") -> Policy:
    return Policy.model_validate(
        {
            "version": 1,
            "requirements": [{"id": "response.rank1", "type": "response_time", "rank": 1, "max_minutes": 15}],
            "consistency": {**ALL_CONSISTENCY_OFF, "rank-order": "error"},
            "waivers": [
                {"requirement": requirement, "reason": "renewal in June fixes it", "expires": expires}
            ],
        }
    )


def test_active_waiver_reports_the_finding_separately() -> None:
    verdict = check(SLOW, policy("2025-06-30"), today=dt.date(2025, 6, 1))
    assert [f.requirement for f in verdict.findings] == ["consistency.rank-order"]
    (waived,) = verdict.waived
    assert waived.requirement == "response.rank1" and waived.kind == "below_minimum"
    assert waived.waiver is not None and waived.waiver.reason == "renewal in June fixes it"
    assert verdict.expired_waivers == []


def test_waiver_applies_through_its_expiry_day() -> None:
    verdict = check(SLOW, policy("2025-06-30"), today=dt.date(2025, 6, 30))
    assert [f.requirement for f in verdict.waived] == ["response.rank1"]


def test_expired_waiver_no_longer_waives_and_is_reported() -> None:
    verdict = check(SLOW, policy("2025-06-30"), today=dt.date(2025, 7, 1))
    assert {f.requirement for f in verdict.findings} == {"response.rank1", "consistency.rank-order"}
    assert verdict.waived == []
    assert [str(w.expires) for w in verdict.expired_waivers] == ["2025-06-30"]
    assert not verdict.passed


def test_consistency_findings_can_be_waived() -> None:
    verdict = check(SLOW, policy("2099-01-01", "consistency.rank-order"), today=dt.date(2025, 1, 1))
    assert [f.requirement for f in verdict.waived] == ["consistency.rank-order"]
    assert [f.requirement for f in verdict.findings] == ["response.rank1"]


def test_waiver_for_a_passing_requirement_changes_nothing() -> None:
    fast = summary(response_times=[resp(1, 10)])
    verdict = check(fast, policy("2020-01-01"), today=dt.date(2025, 1, 1))
    assert verdict.findings == [] and verdict.waived == [] and verdict.expired_waivers == []
