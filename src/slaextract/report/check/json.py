"""JSON: every verdict in full, versioned so scripts can rely on its shape."""

from __future__ import annotations

import json
from typing import Any

from .base import CheckReport, CheckResult, tool_version

FORMAT_VERSION = "1"


def _result(result: CheckResult, report: CheckReport) -> dict[str, Any]:
    verdict = result.verdict
    return {
        "path": result.path,
        "error": result.error,
        "passed": verdict.passed_at(report.fail_on) if verdict else None,
        "verdict": verdict.model_dump(mode="json") if verdict else None,
    }


def render(report: CheckReport) -> str:
    document = {
        "format": "slaextract-check",
        "format_version": FORMAT_VERSION,
        "tool_version": tool_version(),
        "fail_on": report.fail_on,
        "results": [_result(result, report) for result in report.results],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
