"""Text: grouped by requirement, with page references; colour only when asked."""

from __future__ import annotations

from slaextract.report.check import text
from slaextract.report.check.base import CheckReport, CheckResult


def test_groups_findings_under_their_requirement_with_pages(report: CheckReport) -> None:
    out = text.render(report)
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("contracts/enterprise msa.pdf")))
    assert "FAIL" in lines[start]
    rule_line = next(i for i, line in enumerate(lines) if "✗ response.rank1" in line)
    assert "p.4: The rank-1 response time is 15 min" in lines[rule_line + 1]
    assert "“Severity 1 | 15 minutes | 4 hours”" in lines[rule_line + 2]
    assert any("✓ coverage.24x7" in line for line in lines[start:rule_line])


def test_waived_and_unreadable_and_summary(report: CheckReport) -> None:
    out = text.render(report)
    assert "~ channels.chat" in out
    assert "waived until 2025-12-31: chat is on the vendor's roadmap" in out
    assert "contracts/broken.pdf: cannot check: not a PDF" in out
    assert out.rstrip().endswith("4 file(s): 0 passed, 3 failed, 1 not checked")


def test_expired_waiver_is_mentioned(results: list[CheckResult]) -> None:
    verdict = results[0].verdict
    assert verdict is not None
    waived = verdict.waived[0]
    expired = verdict.model_copy(update={"waived": [], "expired_waivers": [waived.waiver]})
    out = text.render(CheckReport([CheckResult("x.pdf", verdict=expired)]))
    assert "waiver for channels.chat expired on 2025-12-31; it no longer applies" in out


def test_colour_only_when_asked(results: list[CheckResult]) -> None:
    assert "\x1b[" not in text.render(CheckReport(results))
    assert "\x1b[" in text.render(CheckReport(results, color=True))
