"""GitHub Actions annotations: one workflow command per finding, escaped by the runner's rules."""

from __future__ import annotations

import re

import pytest

from slaextract.report.check import github
from slaextract.report.check.base import CheckReport, CheckResult

LINE = re.compile(r"^::(error|warning|notice) (?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*::.*$")


def test_every_line_is_a_workflow_command(report: CheckReport) -> None:
    lines = github.render(report).splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines


def test_finding_with_evidence_points_at_its_page(report: CheckReport) -> None:
    lines = github.render(report).splitlines()
    assert (
        "::error file=contracts/enterprise msa.pdf,line=4,title=response.rank1 (below minimum)::"
        "The rank-1 response time is 15 min; the policy requires at most 10 min." in lines
    )
    assert any(
        line.startswith("::warning file=contracts/enterprise msa.pdf,line=6,title=availability.minimum")
        for line in lines
    )


def test_missing_term_is_a_file_level_annotation(report: CheckReport) -> None:
    lines = github.render(report).splitlines()
    assert (
        "::error file=contracts/draft.pdf,title=coverage.24x7 (missing)::"
        + ("No support hours are stated; the policy requires at least 7×24.")
        in lines
    )


def test_waived_finding_is_a_notice_and_unreadable_file_an_error(report: CheckReport) -> None:
    lines = github.render(report).splitlines()
    assert any(
        line.startswith(
            "::notice file=contracts/enterprise msa.pdf,title=channels.chat (waived until 2025-12-31)"
        )
        for line in lines
    )
    assert (
        "::error file=contracts/broken.pdf,title=slaextract%3A cannot check this file::not a PDF (no %25PDF header) nor a .txt/.md file"
        in lines
    )


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("p: 1, 2", "p: 1, 2", "p%3A 1%2C 2"),
        ("%0A", "%250A", "%250A"),  # an already-escaped look-alike is escaped again
    ],
)
def test_escaping(value: str, data: str, prop: str) -> None:
    assert github.escape_data(value) == data
    assert github.escape_property(value) == prop


def test_properties_with_commas_and_colons_are_escaped(results: list[CheckResult]) -> None:
    odd = CheckResult("a,b:c.pdf", verdict=results[1].verdict)
    first = github.render(CheckReport([odd])).splitlines()[0]
    assert first.startswith("::error file=a%2Cb%3Ac.pdf,title=")
