"""JUnit XML: one testsuite per file, one testcase per requirement; parsed back with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from slaextract.policy import Finding, Verdict
from slaextract.report.check import junit
from slaextract.report.check.base import CheckReport, CheckResult


def parse(report: CheckReport) -> ET.Element:
    return ET.fromstring(junit.render(report))


def suite(root: ET.Element, name: str) -> ET.Element:
    (found,) = [s for s in root.findall("testsuite") if s.get("name") == name]
    return found


def case(testsuite: ET.Element, name: str) -> ET.Element:
    (found,) = [c for c in testsuite.findall("testcase") if c.get("name") == name]
    return found


def test_one_testcase_per_requirement_per_file(report: CheckReport) -> None:
    root = parse(report)
    assert [s.get("name") for s in root.findall("testsuite")] == [
        "contracts/enterprise msa.pdf",
        "contracts/draft.pdf",
        "contracts/zh-live.pdf",
        "contracts/broken.pdf",
    ]
    enterprise = suite(root, "contracts/enterprise msa.pdf")
    names = [c.get("name") for c in enterprise.findall("testcase")]
    assert names[:4] == ["coverage.24x7", "response.rank1", "availability.minimum", "channels.chat"]
    assert all(c.get("classname") == "contracts/enterprise msa.pdf" for c in enterprise)


def test_failing_requirement_has_a_failure_with_page_and_quote(report: CheckReport) -> None:
    enterprise = suite(parse(report), "contracts/enterprise msa.pdf")
    failure = case(enterprise, "response.rank1").find("failure")
    assert failure is not None
    assert failure.get("type") == "below_minimum"
    assert failure.get("message") == "The rank-1 response time is 15 min; the policy requires at most 10 min."
    assert "page 4" in (failure.text or "") and "Severity 1 | 15 minutes" in (failure.text or "")
    assert case(enterprise, "coverage.24x7").find("failure") is None


def test_warning_fails_only_when_fail_on_is_warning(report: CheckReport, results: list[CheckResult]) -> None:
    default = case(suite(parse(report), "contracts/enterprise msa.pdf"), "availability.minimum")
    assert default.find("failure") is None
    assert "99.95%" in (default.findtext("system-out") or "")
    strict = case(
        suite(parse(CheckReport(results, fail_on="warning")), "contracts/enterprise msa.pdf"),
        "availability.minimum",
    )
    assert strict.find("failure") is not None


def test_waived_requirement_is_skipped(report: CheckReport) -> None:
    skipped = case(suite(parse(report), "contracts/enterprise msa.pdf"), "channels.chat").find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "waived until 2025-12-31: chat is on the vendor's roadmap"


def test_unreadable_file_is_an_error_testcase(report: CheckReport) -> None:
    broken = suite(parse(report), "contracts/broken.pdf")
    error = case(broken, "read").find("error")
    assert error is not None and (error.get("message") or "").startswith("not a PDF")
    assert broken.get("errors") == "1"


def test_counts_add_up(report: CheckReport) -> None:
    root = parse(report)
    for testsuite in root.findall("testsuite"):
        cases = testsuite.findall("testcase")
        assert testsuite.get("tests") == str(len(cases))
        assert testsuite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
    draft = suite(root, "contracts/draft.pdf")
    # coverage and response fail; availability is only a warning; chat is waived in every file
    assert (draft.get("failures"), draft.get("skipped")) == ("2", "1")
    assert root.get("tests") == str(sum(int(s.get("tests") or 0) for s in root.findall("testsuite")))


def test_control_characters_from_pdf_text_do_not_break_the_xml(report: CheckReport) -> None:
    verdict = report.results[0].verdict
    assert verdict is not None
    bad: Finding = verdict.findings[0].model_copy(update={"message": "form\x0cfeed \x00 here"})
    patched: Verdict = verdict.model_copy(update={"findings": [bad, *verdict.findings[1:]]})
    root = parse(CheckReport([CheckResult("x.pdf", verdict=patched)]))
    assert root.find(".//failure") is not None
