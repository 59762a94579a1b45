"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

A PDF has no lines, so a result's region.startLine is the page: viewers then point at the
right page, and the page, box and quote sit in the result's properties for tools that want
more. Waived findings are kept, marked with an external suppression carrying the reason.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote as url_quote

from ...policy.findings import Finding, RuleInfo
from .base import TOOL_NAME, CheckReport, CheckResult, artifact_path, page_of, quote, tool_version

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    posix = artifact_path(path)
    if PurePosixPath(posix).is_absolute():
        return "file://" + url_quote(posix)
    return url_quote(posix)


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": f"{rule.description} ({rule.type} requirement)"},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"requirementType": rule.type},
    }


def _region(finding: Finding) -> dict[str, Any]:
    # GitHub code scanning places a result only with a startLine; a term the contract lacks
    # has no page, so it points at the document's first page.
    return {"startLine": page_of(finding) or 1}


def _fingerprint(uri: str, finding: Finding) -> str:
    # Stable across runs while the same term of the same file stays wrong, even when its page moves.
    key = f"{uri}\x1f{finding.requirement}\x1f{finding.check}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _properties(finding: Finding) -> dict[str, Any]:
    evidence = finding.evidence
    return {
        "finding": finding.kind,
        "check": finding.check,
        "requirementId": finding.requirement,
        "page": evidence.page if evidence else None,
        "bbox": list(evidence.bbox) if evidence and evidence.bbox else None,
        "quote": quote(finding, limit=1000),
        "actual": finding.actual,
        "required": finding.required,
    }


def _result(finding: Finding, uri: str, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.requirement,
        "ruleIndex": rule_index[finding.requirement],
        "level": finding.severity,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding)}}],
        "partialFingerprints": {"slaextractFinding/v1": _fingerprint(uri, finding)},
        "properties": _properties(finding),
    }
    if finding.waiver is not None:
        justification = f"{finding.waiver.reason} (waived until {finding.waiver.expires})"
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return result


def _results(check: CheckResult, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    if check.verdict is None:
        return []
    uri = artifact_uri(check.path)
    return [_result(f, uri, rule_index) for f in [*check.verdict.findings, *check.verdict.waived]]


def _notifications(report: CheckReport) -> list[dict[str, Any]]:
    return [
        {
            "level": "error",
            "message": {"text": result.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)}}}],
        }
        for result in report.results
        if result.error is not None
    ]


def render(report: CheckReport) -> str:
    rules = report.rules
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    notifications = _notifications(report)
    run = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": tool_version(),
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications},
        ],
        "artifacts": [{"location": {"uri": artifact_uri(r.path)}} for r in report.results],
        "results": [item for check in report.results for item in _results(check, rule_index)],
    }
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
