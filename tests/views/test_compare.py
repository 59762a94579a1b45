"""`slaextract compare`: rows are terms matched across contracts, cells carry value, page and verdict."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import VERSIONS, expected
from paths import ROOT
from typer.testing import CliRunner

from slaextract import extract
from slaextract.cli import app
from slaextract.policy import load_preset
from slaextract.views.compare import build_comparison, render_csv, render_markdown, render_text

runner = CliRunner()

TRIPLES = {
    "en": (["en-streamcast-sla-v1", "en-streamcast-sla-v2"], "en-msa-sla-exhibit", "strict-enterprise"),
    "zh": (["zh-yunshi-sla-v1", "zh-yunshi-sla-v2"], "zh-tech-service-contract", "live-showroom"),
}


@pytest.fixture(scope="module")
def triples():
    out = {}
    for lang, (versions, sample, _preset) in TRIPLES.items():
        third = extract(ROOT / "samples" / f"{sample}.pdf")
        third = third.model_copy(update={"document": third.document.model_copy(update={"path": f"{sample}.pdf"})})
        out[lang] = versions, third
    return out


def comparison(lang, triples, summary_of, with_policy=True):
    versions, third = triples[lang]
    policy = load_preset(TRIPLES[lang][2]) if with_policy else None
    return build_comparison([*(summary_of(v) for v in versions), third], policy)


def structured(table) -> dict:
    rows = {row.term: [[c.value, c.page, c.verdict] for c in row.cells] for row in table.rows}
    requirements = {r.requirement: r.statuses for r in table.requirements}
    return {"contracts": table.contracts, "rows": rows, "requirements": requirements, "meets": table.meets_policy}


@pytest.mark.parametrize("lang", TRIPLES)
def test_triple_gives_the_expected_table(lang, triples, summary_of):
    table = comparison(lang, triples, summary_of)
    assert structured(table) == expected(f"{lang}.compare", structured(table))


def test_a_failing_finding_marks_the_cell_it_is_about_and_only_that(triples, summary_of):
    table = comparison("en", triples, summary_of)
    rows = {row.term: row for row in table.rows}
    assert [c.verdict for c in rows["rank 1 response"].cells] == [None, "fail", None]
    # the same table row states the resolution time, but no requirement judges resolution
    assert [c.verdict for c in rows["rank 1 resolution"].cells] == [None, None, None]
    assert table.meets_policy == [False, False, True]


def test_priorities_named_differently_share_a_row_by_rank(triples, summary_of):
    table = comparison("zh", triples, summary_of, with_policy=False)
    first = next(row for row in table.rows if row.field == "response_times")
    assert [c.value for c in first.cells] == ["30分钟 (P1)", "15分钟 (P1)", "15分钟 (P0)"]
    assert table.meets_policy is None and table.language == "zh"


def test_text_fits_eighty_columns_and_ends_with_the_policy_row(triples, summary_of):
    lines = render_text(comparison("en", triples, summary_of), width=80).splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "meets" in "".join(lines[-4:]) and "strict-enterprise" in "".join(lines[-4:])


def test_markdown_and_csv_have_one_line_per_row(triples, summary_of):
    table = comparison("en", triples, summary_of)
    policy_lines = len(table.requirements) + 1
    md_rows = [line for line in render_markdown(table).splitlines() if line.startswith("| ")]
    assert len(md_rows) == 1 + len(table.rows) + policy_lines
    records = list(csv.reader(io.StringIO(render_csv(table))))
    assert len(records) == 1 + len(table.rows) + policy_lines
    assert records[-1][2::3] == ["", "", ""] and records[-1][4::3] == ["fail", "fail", "pass"]


def test_cli_json_and_bad_input():
    files = [str(VERSIONS / "en-streamcast-sla-v1.pdf"), str(VERSIONS / "zh-yunshi-sla-v1.pdf")]
    result = runner.invoke(app, ["compare", *files, "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["contracts"] == ["en-streamcast-sla-v1.pdf", "zh-yunshi-sla-v1.pdf"]
    assert runner.invoke(app, ["compare", files[0]]).exit_code == 2
    assert runner.invoke(app, ["compare", *files, "--format", "xlsx"]).exit_code == 2


def test_html_is_one_self_contained_table(triples, summary_of):
    from reportcheck import elements, external_references

    from slaextract.views.compare import render_html

    table = comparison("zh", triples, summary_of)
    page = render_html(table)
    assert external_references(page) == []
    body_rows = [a for t, a in elements(page) if t == "tr"]
    assert len(body_rows) == 1 + len(table.rows) + len(table.requirements) + 1
    assert '<html lang="zh">' in page
