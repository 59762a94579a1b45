"""`slaextract diff`: changes matched by key, judged for the customer, policy flips, formats, exit codes."""

from __future__ import annotations

import json

import pytest
from conftest import VERSIONS, expected
from typer.testing import CliRunner

from slaextract.cli import app
from slaextract.model import Availability, ChannelItem, ClauseSummary, DocumentInfo, Evidence, ResponseTime
from slaextract.policy import load_preset
from slaextract.views.diff import diff_summaries
from slaextract.views.diff_render import render_github, render_markdown, render_text

runner = CliRunner()

PAIRS = {
    "en-streamcast": ("en-streamcast-sla-v1", "en-streamcast-sla-v2", "strict-enterprise"),
    "zh-yunshi": ("zh-yunshi-sla-v1", "zh-yunshi-sla-v2", "live-showroom"),
}


def structured(diff) -> dict:
    """What a reviewer reads off a diff, without the quotes (they are checked separately)."""
    changes = [
        [
            c.term,
            c.change,
            c.judgement,
            c.old and [c.old.value, c.old.page],
            c.new and [c.new.value, c.new.page],
            c.note,
        ]
        for c in diff.changes
    ]
    flips = [[f.requirement, f.old, f.new] for f in diff.policy.flips] if diff.policy else None
    return {"changes": changes, "unchanged": diff.unchanged, "flips": flips}


@pytest.mark.parametrize("pair", PAIRS)
def test_sample_pair_gives_the_expected_changes(pair, summary_of):
    old, new, preset = PAIRS[pair]
    diff = diff_summaries(summary_of(old), summary_of(new), load_preset(preset))
    assert structured(diff) == expected(f"{pair}.diff", structured(diff))


def test_english_draft_weakens_availability_and_doubles_the_downtime(summary_of):
    diff = diff_summaries(summary_of("en-streamcast-sla-v1"), summary_of("en-streamcast-sla-v2"))
    availability = next(c for c in diff.changes if c.field == "availability")
    assert (availability.old.value, availability.new.value, availability.judgement) == ("99.95%", "99.9%", "worse")
    assert "21.6 → 43.2 min" in availability.note
    assert diff.worse


def test_chinese_draft_strengthens_availability_and_gets_chinese_labels(summary_of):
    diff = diff_summaries(summary_of("zh-yunshi-sla-v1"), summary_of("zh-yunshi-sla-v2"))
    availability = next(c for c in diff.changes if c.field == "availability")
    assert availability.judgement == "better"
    assert diff.language == "zh"
    assert availability.term == "可用性"


def test_quotes_and_pages_come_from_each_version(summary_of):
    diff = diff_summaries(summary_of("en-streamcast-sla-v1"), summary_of("en-streamcast-sla-v2"))
    cap = next(c for c in diff.changes if c.field == "credit_cap")
    assert "50%" in cap.old.quote and "30%" in cap.new.quote
    assert cap.old.page == cap.new.page == 1


def _summary(name: str, **fields) -> ClauseSummary:
    return ClauseSummary(document=DocumentInfo(path=name, sha256="0" * 64, pages=1, language="en"), **fields)


def _ev(page: int, text: str = "clause") -> Evidence:
    return Evidence(page=page, text=text, bbox=None)


def _rt(rank: int, minutes: float, page: int = 1, kind: str = "response") -> ResponseTime:
    return ResponseTime(priority=f"P{rank}", rank=rank, kind=kind, minutes=minutes, evidence=_ev(page))


def test_items_are_matched_by_key_not_by_position():
    old = _summary("a", response_times=[_rt(1, 15), _rt(2, 60)])
    new = _summary("b", response_times=[_rt(2, 60, page=3), _rt(1, 15, page=3)])  # reordered, moved page
    diff = diff_summaries(old, new)
    assert diff.changes == [] and diff.unchanged == 2


def test_a_renamed_priority_with_the_same_time_is_unchanged():
    renamed = _rt(1, 15).model_copy(update={"priority": "Severity 1"})
    diff = diff_summaries(_summary("a", response_times=[_rt(1, 15)]), _summary("b", response_times=[renamed]))
    assert diff.changes == []


def test_removed_channel_is_worse_and_added_one_is_better():
    phone = ChannelItem(channel="phone", evidence=_ev(1))
    chat = ChannelItem(channel="chat", evidence=_ev(2))
    diff = diff_summaries(_summary("a", channels=[phone]), _summary("b", channels=[chat]))
    judged = {(c.term, c.change, c.judgement) for c in diff.changes}
    assert judged == {("phone", "removed", "worse"), ("chat", "added", "better")}


def test_business_time_for_the_same_figure_is_worse():
    business = _rt(1, 240).model_copy(update={"business_time": True})
    diff = diff_summaries(_summary("a", response_times=[_rt(1, 240)]), _summary("b", response_times=[business]))
    assert [(c.judgement, c.note) for c in diff.changes] == [("worse", "counted in business time now")]


def test_policy_flip_from_pass_to_fail():
    old = _summary("a", availability=[Availability(percent=99.99, evidence=_ev(1))])
    new = _summary("b", availability=[Availability(percent=99.5, evidence=_ev(1))])
    diff = diff_summaries(old, new, load_preset("strict-enterprise"))
    assert [(f.requirement, f.old, f.new) for f in diff.policy.flips] == [("availability.minimum", "pass", "fail")]


def test_text_fits_eighty_columns(summary_of):
    diff = diff_summaries(summary_of("en-streamcast-sla-v1"), summary_of("en-streamcast-sla-v2"))
    lines = render_text(diff, width=80).splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any("43.2" in line for line in lines)  # the derived figure survives the wrapping


def test_markdown_is_a_table_with_one_row_per_change(summary_of):
    diff = diff_summaries(summary_of("zh-yunshi-sla-v1"), summary_of("zh-yunshi-sla-v2"))
    rows = [line for line in render_markdown(diff).splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + len(diff.changes)
    assert all(row.count(" | ") == 3 for row in rows)


def test_github_format_warns_once_per_worse_change(summary_of):
    diff = diff_summaries(summary_of("en-streamcast-sla-v1"), summary_of("en-streamcast-sla-v2"))
    warnings = [line for line in render_github(diff).splitlines() if line.startswith("::warning ")]
    assert len(warnings) == diff.count("worse")


def test_cli_fail_on_worse_exits_1_and_json_parses():
    args = ["diff", str(VERSIONS / "en-streamcast-sla-v1.pdf"), str(VERSIONS / "en-streamcast-sla-v2.pdf")]
    result = runner.invoke(app, [*args, "--format", "json", "--fail-on", "worse"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["changes"]
    assert runner.invoke(app, [*args, "--format", "json"]).exit_code == 0


def test_cli_same_file_twice_has_no_change_and_exits_0():
    pdf = str(VERSIONS / "zh-yunshi-sla-v1.pdf")
    result = runner.invoke(app, ["diff", pdf, pdf, "--fail-on", "worse", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["changes"] == []


@pytest.mark.parametrize(
    "extra",
    [["--format", "yaml"], ["--fail-on", "better"], ["--preset", "no-such-preset"]],
)
def test_cli_bad_options_exit_2_with_one_line(extra):
    pdf = str(VERSIONS / "zh-yunshi-sla-v1.pdf")
    result = runner.invoke(app, ["diff", pdf, pdf, *extra])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_file_exits_2(tmp_path):
    result = runner.invoke(app, ["diff", str(tmp_path / "nope.pdf"), str(VERSIONS / "zh-yunshi-sla-v1.pdf")])
    assert result.exit_code == 2
    assert "nope.pdf" in result.stderr and "Traceback" not in result.stderr
