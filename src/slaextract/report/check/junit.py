"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One testsuite per file, one testcase per requirement: it fails when a finding reaches
--fail-on, is skipped when all its findings are waived, and passes otherwise (findings below
the threshold go to system-out). A file that could not be read is a testcase with an <error>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...policy.findings import Finding, RuleInfo, Verdict
from .base import CheckReport, CheckResult, artifact_path, page_of, quote

# Characters XML 1.0 cannot carry at all, even escaped; PDF text sometimes has them (form feeds).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _describe(finding: Finding) -> str:
    page = page_of(finding)
    where = f"page {page}: " if page else ""
    lines = [f"[{finding.severity}] {finding.kind}: {where}{finding.message}"]
    if text := quote(finding):
        lines.append(f"    “{text}”")
    return clean("\n".join(lines))


def _testcase(rule: RuleInfo, verdict: Verdict, file: str, report: CheckReport) -> ET.Element:
    case = ET.Element("testcase", name=rule.id, classname=file, file=file, time="0")
    findings = verdict.findings_for(rule.id)
    failing = [f for f in findings if f.fails_at(report.fail_on)]
    waived = verdict.waived_for(rule.id)
    if failing:
        failure = ET.SubElement(case, "failure", message=clean(failing[0].message), type=failing[0].kind)
        failure.text = "\n".join(_describe(f) for f in failing)
    elif waived and not findings:
        assert waived[0].waiver is not None
        waiver = waived[0].waiver
        ET.SubElement(case, "skipped", message=clean(f"waived until {waiver.expires}: {waiver.reason}"))
    quiet = [f for f in findings if not f.fails_at(report.fail_on)] + waived
    if quiet:
        ET.SubElement(case, "system-out").text = "\n".join(_describe(f) for f in quiet)
    return case


def _suite(result: CheckResult, report: CheckReport) -> ET.Element:
    file = artifact_path(result.path)
    suite = ET.Element("testsuite", name=file)
    if result.verdict is None:
        case = ET.SubElement(suite, "testcase", name="read", classname=file, file=file, time="0")
        ET.SubElement(case, "error", message=clean(result.error or "cannot be checked"), type="input")
    else:
        suite.extend(_testcase(rule, result.verdict, file, report) for rule in result.verdict.rules)
    cases = list(suite)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
    suite.set("errors", str(sum(case.find("error") is not None for case in cases)))
    suite.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))
    suite.set("time", "0")
    return suite


def render(report: CheckReport) -> str:
    root = ET.Element("testsuites", name="slaextract check")
    root.extend(_suite(result, report) for result in report.results)
    for counter in ("tests", "failures", "errors", "skipped"):
        root.set(counter, str(sum(int(suite.get(counter, "0")) for suite in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
