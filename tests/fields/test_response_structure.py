"""Response targets whose meaning lives in the document's structure: ladders the document
defines, plan lines in a cell, units in headers, shares of cases, Chinese verbs after the time."""

from __future__ import annotations

from slaextract import extract_text
from slaextract.fields.priorities import defined_ladder, tier_of
from slaextract.fields.response_table import cell_entries
from slaextract.rules import default_rules


def keys(text: str) -> set[tuple]:
    return {(r.rank, r.kind, r.minutes) for r in extract_text(text).response_times}


def test_sibling_headings_define_a_ladder_most_severe_first():
    text = (
        "# Corrective procedures\n\n## Critical\n\nNothing works.\n\nInitial response within 30 minutes.\n\n"
        "## Serious\n\nA function is impaired.\n\nInitial response within 2 hours.\n\n"
        "## Low\n\nA question.\n\nInitial response within 1 business day."
    )
    assert {(1, "response", 30.0), (2, "response", 120.0), (3, "response", 1440.0)} <= keys(text)


def test_a_ladder_listed_least_severe_first_is_ranked_by_its_severity_words():
    ladder = defined_ladder(["Question", "Degraded", "System down"], default_rules(), "en", named=True)
    assert ladder is not None
    assert [lab.key for lab in ladder] == ["3", "2", "1"]


def test_titles_without_severity_words_are_no_ladder():
    assert defined_ladder(["Support hours", "Maintenance"], default_rules(), "en") is None


def test_tiers_from_words_and_descriptions():
    assert tier_of("Critical") == 1
    assert tier_of("Fault class A", "total loss of service") == 1
    assert tier_of("业务中断") == 1
    assert tier_of("Widgets") is None


def test_impact_column_ranks_its_rows():
    text = (
        "| Impact | What it means | Initial response |\n| --- | --- | --- |\n"
        "| Question | How-to questions | 2 business days |\n"
        "| Degraded | Slow or partly failing | 4 business hours |\n"
        "| System down | Nobody can work | 30 minutes |"
    )
    assert keys(text) == {(3, "response", 2880.0), (2, "response", 240.0), (1, "response", 30.0)}


def test_bare_numbers_under_a_ladder_column_and_units_in_headers():
    text = (
        "| 级别 | 名称 | 响应时间（分钟） | 恢复时间（小时） |\n| --- | --- | --- | --- |\n"
        "| 1 | 业务中断 | 15 | 2 |\n| 2 | 功能受损 | 30 | 6 |"
    )
    assert keys(text) == {
        (1, "response", 15.0),
        (1, "restoration", 120.0),
        (2, "response", 30.0),
        (2, "restoration", 360.0),
    }


def test_plan_rows_without_a_ladder_have_no_rank():
    text = "| Plan | Maximum response |\n| --- | --- |\n| Basic | 2 business days |\n| Pro | 4 hours |"
    assert keys(text) == {(None, "response", 2880.0), (None, "response", 240.0)}


def test_cell_entries_one_per_plan_line():
    assert cell_entries("Gold: 1 hour\nSilver: 2 hours\nBronze: n/a") == [
        ("Gold", " 1 hour"),
        ("Silver", " 2 hours"),
        ("Bronze", " n/a"),
    ]
    assert cell_entries("Within 4 hours") == []


def test_the_time_for_a_share_of_cases_is_not_the_target():
    text = "Severity 3: resolution of 80% of the cases within 5 business days, the remainder within 10 business days."
    assert keys(text) == {(3, "resolution", 14400.0)}


def test_chinese_verb_after_its_time():
    assert keys("一级故障2小时内响应、4小时内恢复。") == {(1, "response", 120.0), (1, "restoration", 240.0)}


def test_a_later_labelled_sentence_takes_over_the_paragraph():
    text = "一级故障：全部中断。30分钟内响应。二级故障：部分受损。2小时内响应。"
    assert keys(text) == {(1, "response", 30.0), (2, "response", 120.0)}


def test_two_figures_in_prose_are_two_scopes_not_a_conflict():
    text = (
        "Each single instance will be available at least 99.5% of each month. "
        "Each multi-zone deployment will be available at least 99.99% of each month."
    )
    items = extract_text(text).availability
    assert {a.percent for a in items} == {99.5, 99.99}
    assert len({a.scope for a in items}) == 2 and None not in {a.scope for a in items}
