"""SARIF 2.1.0: valid against the official schema, one rule per requirement, one result per finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from slaextract.report.check import sarif
from slaextract.report.check.base import CheckReport, CheckResult

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def render(report: CheckReport) -> dict[str, Any]:
    return json.loads(sarif.render(report))


def results_for(run: dict[str, Any], uri: str) -> list[dict[str, Any]]:
    return [
        r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
    ]


def test_validates_against_the_official_schema(report: CheckReport, validator: jsonschema.Draft4Validator) -> None:
    document = render(report)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    assert document["version"] == "2.1.0"


def test_an_invalid_document_fails_the_schema(validator: jsonschema.Draft4Validator) -> None:
    # Guard against a schema check that passes everything.
    assert list(validator.iter_errors({"version": "2.1.0", "runs": [{"results": []}]}))


def test_rules_are_the_requirements_and_consistency_checks(report: CheckReport) -> None:
    rules = render(report)["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids[:4] == ["coverage.24x7", "response.rank1", "availability.minimum", "channels.chat"]
    assert "consistency.rank-order" in ids
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["availability.minimum"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["response.rank1"]["shortDescription"]["text"] == "Rank-1 response time at most 10 minutes"


def test_result_points_at_the_page_with_evidence_in_properties(report: CheckReport) -> None:
    run = render(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (slow,) = [
        r for r in results_for(run, "contracts/enterprise%20msa.pdf") if r["ruleId"] == "response.rank1"
    ]
    assert rules[slow["ruleIndex"]]["id"] == "response.rank1"
    assert slow["level"] == "error"
    assert slow["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}
    props = slow["properties"]
    assert props["page"] == 4 and props["bbox"] == [72.0, 200.0, 523.5, 214.2]
    assert props["quote"] == "Severity 1 | 15 minutes | 4 hours"
    assert (props["finding"], props["actual"], props["required"]) == ("below_minimum", "15 min", "10 min")


def test_missing_term_points_at_the_first_page(report: CheckReport) -> None:
    run = render(report)["runs"][0]
    draft = results_for(run, "contracts/draft.pdf")
    assert {r["ruleId"] for r in draft} >= {"coverage.24x7", "response.rank1", "availability.minimum"}
    coverage = next(r for r in draft if r["ruleId"] == "coverage.24x7")
    assert coverage["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert coverage["properties"]["page"] is None and coverage["properties"]["finding"] == "missing"


def test_waived_finding_is_suppressed_with_its_reason(report: CheckReport) -> None:
    run = render(report)["runs"][0]
    (chat,) = [
        r for r in results_for(run, "contracts/enterprise%20msa.pdf") if r["ruleId"] == "channels.chat"
    ]
    (suppression,) = chat["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["justification"] == "chat is on the vendor's roadmap (waived until 2025-12-31)"


def test_unreadable_file_is_a_tool_notification(report: CheckReport) -> None:
    (invocation,) = render(report)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("not a PDF")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "contracts/broken.pdf"


def test_chinese_messages_pass_through(report: CheckReport) -> None:
    run = render(report)["runs"][0]
    texts = [r["message"]["text"] for r in results_for(run, "contracts/zh-live.pdf")]
    assert any("策略要求" in text for text in texts)


def test_fingerprint_is_stable_when_the_page_moves(report: CheckReport) -> None:
    first = render(report)["runs"][0]["results"][0]
    again = render(report)["runs"][0]["results"][0]
    assert first["partialFingerprints"] == again["partialFingerprints"]


def test_paths_inside_the_working_directory_become_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, results: list[CheckResult]
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = CheckResult(str(tmp_path / "a" / "x.pdf"), verdict=results[1].verdict)
    outside = CheckResult("/elsewhere/y.pdf", verdict=results[1].verdict)
    run = render(CheckReport([inside, outside]))["runs"][0]
    uris = [artifact["location"]["uri"] for artifact in run["artifacts"]]
    assert uris == ["a/x.pdf", "file:///elsewhere/y.pdf"]
