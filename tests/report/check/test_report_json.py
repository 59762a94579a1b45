"""JSON: versioned, every verdict in full, and it round-trips into the same Verdict."""

from __future__ import annotations

import json

from slaextract.policy import Verdict
from slaextract.report.check import json as json_format
from slaextract.report.check.base import CheckReport, CheckResult


def test_round_trips_every_verdict(report: CheckReport) -> None:
    document = json.loads(json_format.render(report))
    assert (document["format"], document["format_version"], document["fail_on"]) == (
        "slaextract-check",
        "1",
        "error",
    )
    for original, item in zip(report.results, document["results"], strict=True):
        assert item["path"] == original.path
        if original.verdict is None:
            assert item["verdict"] is None and item["passed"] is None and item["error"] == original.error
        else:
            assert Verdict.model_validate(item["verdict"]) == original.verdict


def test_passed_follows_fail_on(results: list[CheckResult]) -> None:
    enterprise = [results[0]]  # one error finding, one warning, one waived
    assert json.loads(json_format.render(CheckReport(enterprise)))["results"][0]["passed"] is False
    verdict = results[0].verdict
    assert verdict is not None
    only_warning = verdict.model_copy(
        update={"findings": [f for f in verdict.findings if f.severity == "warning"]}
    )
    item = CheckResult("x.pdf", verdict=only_warning)
    assert json.loads(json_format.render(CheckReport([item])))["results"][0]["passed"] is True
    assert json.loads(json_format.render(CheckReport([item], fail_on="warning")))["results"][0]["passed"] is False


def test_chinese_stays_readable(report: CheckReport) -> None:
    assert "策略要求" in json_format.render(report)
