"""A report over four files, as `slaextract check` would build it: findings of every kind, a waiver,
a Chinese document and a file that could not be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from slaextract.model import ClauseSummary
from slaextract.policy import Policy, check, load_policy_text
from slaextract.report.check.base import CheckReport, CheckResult

SUMMARIES = Path(__file__).resolve().parents[2] / "policy" / "data"
TODAY = dt.date(2025, 3, 1)

POLICY = """\
version: 1
name: report-test
requirements:
  - {id: coverage.24x7, type: coverage, min_days_per_week: 7, min_hours_per_day: 24}
  - {id: response.rank1, type: response_time, rank: 1, max_minutes: 10}
  - {id: availability.minimum, type: availability, min_percent: 99.99, severity: warning}
  - {id: channels.chat, type: channels, all_of: [chat]}
waivers:
  - {requirement: channels.chat, reason: "chat is on the vendor's roadmap", expires: 2025-12-31}
"""


def summary(name: str) -> ClauseSummary:
    return ClauseSummary.model_validate_json((SUMMARIES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def policy() -> Policy:
    return load_policy_text(POLICY, "policy.yaml")


@pytest.fixture
def results(policy: Policy) -> list[CheckResult]:
    return [
        CheckResult("contracts/enterprise msa.pdf", verdict=check(summary("enterprise-msa"), policy, TODAY)),
        CheckResult("contracts/draft.pdf", verdict=check(summary("draft-missing"), policy, TODAY)),
        CheckResult("contracts/zh-live.pdf", verdict=check(summary("zh-live"), policy, TODAY)),
        CheckResult("contracts/broken.pdf", error="not a PDF (no %PDF header) nor a .txt/.md file"),
    ]


@pytest.fixture
def report(results: list[CheckResult]) -> CheckReport:
    return CheckReport(results)
