"""The shipped presets: each loads, passes a contract that meets it, and fails one that does not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from policy_builders import avail, chan, cov, fixture_summary, resp, summary

from slaextract.errors import PolicyError
from slaextract.model import ClauseSummary
from slaextract.policy import check, list_presets, load_preset, preset_text

PRESETS = [
    "live-showroom",
    "online-education",
    "overseas",
    "smart-hardware",
    "social-1v1",
    "strict-enterprise",
]

PASSING: dict[str, ClauseSummary] = {
    "live-showroom": summary(
        language="zh",
        coverage=[cov(7, 15, text="每日9:00-24:00受理")],
        response_times=[resp(1, 30)],
    ),
    "online-education": summary(coverage=[cov(5, 8)], response_times=[resp(1, 120, business_time=True)]),
    "overseas": summary(
        language="zh",
        coverage=[cov(7, 24)],
        response_times=[resp(1, 30)],
        channels=[chan("phone", "7×24小时中英文双语服务热线")],
    ),
    "smart-hardware": summary(
        coverage=[cov(7, 24)], response_times=[resp(1, 20)], channels=[chan("dedicated_manager")]
    ),
    "social-1v1": summary(coverage=[cov(7, 24)], response_times=[resp(1, 15)], availability=[avail(99.9)]),
    "strict-enterprise": fixture_summary("enterprise-msa"),
}

# Each failing summary misses exactly the requirements listed beside it.
FAILING: dict[str, tuple[ClauseSummary, set[str]]] = {
    "live-showroom": (
        summary(coverage=[cov(7, 12, text="daily 08:00-20:00")], response_times=[resp(1, 30)]),
        {"coverage.evening-peak"},
    ),
    "online-education": (summary(coverage=[cov(5, 8)], response_times=[resp(1, 240)]), {"response.rank1"}),
    "overseas": (
        summary(language="zh", coverage=[cov(7, 24)], response_times=[resp(1, 30)]),
        {"language.english"},
    ),
    "smart-hardware": (
        summary(
            coverage=[cov(7, 24)], response_times=[resp(1, 20)], channels=[chan("email"), chan("ticket")]
        ),
        {"channels.reachable-person"},
    ),
    "social-1v1": (
        summary(coverage=[cov(7, 24)], response_times=[resp(1, 15)], availability=[avail(99.5)]),
        {"availability.minimum"},
    ),
    "strict-enterprise": (
        fixture_summary("enterprise-msa").model_copy(update={"credit_cap_percent": 20}),
        {"credits.required"},
    ),
}


def test_list_presets_names_and_describes_each() -> None:
    infos = list_presets()
    assert [info.name for info in infos] == PRESETS
    assert all(info.description for info in infos)


@pytest.mark.parametrize("name", PRESETS)
def test_preset_passes_a_contract_that_meets_it(name: str) -> None:
    verdict = check(PASSING[name], load_preset(name))
    assert verdict.failing() == [], [f.message for f in verdict.failing()]


@pytest.mark.parametrize("name", PRESETS)
def test_preset_fails_a_contract_that_does_not(name: str) -> None:
    s, expected = FAILING[name]
    verdict = check(s, load_preset(name))
    assert {f.requirement for f in verdict.failing()} == expected


@pytest.mark.parametrize("name", PRESETS)
def test_draft_with_no_terms_fails_every_preset_with_missing_findings(name: str) -> None:
    verdict = check(fixture_summary("draft-missing"), load_preset(name))
    assert verdict.failing() and all(f.kind == "missing" for f in verdict.failing())


@pytest.mark.parametrize("name", PRESETS)
def test_preset_text_is_the_policy_with_its_comments(name: str) -> None:
    text = preset_text(name)
    assert text.startswith(f"# {name}:")
    assert yaml.safe_load(text)["name"] == name


def test_presets_state_what_their_names_promise() -> None:
    strict = load_preset("strict-enterprise")
    by_id = {r.id: r for r in strict.requirements}
    assert by_id["availability.minimum"].min_percent == 99.95  # type: ignore[union-attr]
    assert by_id["response.rank1"].max_minutes == 15  # type: ignore[union-attr]
    assert by_id["channels.phone-and-ticket"].all_of == ["phone", "ticket"]  # type: ignore[union-attr]
    assert by_id["credits.required"].min_cap_percent == 25  # type: ignore[union-attr]
    live = {r.id: r for r in load_preset("live-showroom").requirements}
    assert live["coverage.evening-peak"].window == "19:00-24:00"  # type: ignore[union-attr]


def test_unknown_preset() -> None:
    with pytest.raises(PolicyError, match="unknown preset 'nope' .*strict-enterprise"):
        load_preset("nope")


def test_zh_live_fixture_passes_live_showroom_through_its_peak_hours_item() -> None:
    # 7×12 alone (09:00–21:00) would not cover the evening; the scoped 19:00至24:00 item does.
    s = fixture_summary("zh-live")
    assert check(s, load_preset("live-showroom")).passed
    without_peak = s.model_copy(update={"coverage": s.coverage[:1]})
    failing = check(without_peak, load_preset("live-showroom")).failing()
    assert [f.requirement for f in failing] == ["coverage.evening-peak"]


DOCS = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.skipif(not DOCS.exists(), reason="README.md is not beside the tests")
def test_docs_table_lists_every_preset() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert [name for name in PRESETS if f"| `{name}` |" not in text] == []
