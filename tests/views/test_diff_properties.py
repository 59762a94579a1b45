"""Properties of the diff on generated summaries: a document against itself changes nothing, and
swapping the two versions swaps added/removed and better/worse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.model import (
    Availability,
    ChannelItem,
    ClauseSummary,
    DocumentInfo,
    Evidence,
    ResponseTime,
    ServiceCredit,
)
from slaextract.views.diff import diff_summaries

EVIDENCE = Evidence(page=1, text="clause", bbox=None)
FLIP = {
    "better": "worse",
    "worse": "better",
    "neutral": "neutral",
    "added": "removed",
    "removed": "added",
    "changed": "changed",
}

responses = st.lists(
    st.builds(
        ResponseTime,
        priority=st.none(),
        rank=st.integers(1, 3),
        kind=st.sampled_from(["response", "resolution"]),
        minutes=st.sampled_from([15.0, 30.0, 60.0, 240.0]),
        business_time=st.booleans(),
        evidence=st.just(EVIDENCE),
    ),
    max_size=4,
    unique_by=lambda r: (r.rank, r.kind),
)
availability = st.lists(
    st.builds(Availability, percent=st.sampled_from([99.0, 99.9, 99.95]), evidence=st.just(EVIDENCE)), max_size=1
)
channels = st.lists(
    st.builds(ChannelItem, channel=st.sampled_from(["phone", "email", "chat"]), evidence=st.just(EVIDENCE)),
    max_size=3,
    unique_by=lambda c: c.channel,
)
credits = st.lists(
    st.builds(
        ServiceCredit,
        below_percent=st.sampled_from([99.95, 99.9, 99.0]),
        credit_percent=st.sampled_from([5.0, 10.0, 25.0]),
        evidence=st.just(EVIDENCE),
    ),
    max_size=3,
    unique_by=lambda c: c.below_percent,
)
summaries = st.builds(
    ClauseSummary,
    document=st.just(DocumentInfo(path="x.pdf", sha256="0" * 64, pages=1, language="en")),
    response_times=responses,
    availability=availability,
    channels=channels,
    service_credits=credits,
    credit_cap_percent=st.sampled_from([None, 10.0, 30.0]),
    credit_cap_evidence=st.just(EVIDENCE),
)


def signature(diff) -> list[tuple[str, str, str]]:
    return sorted((c.term, c.change, c.judgement) for c in diff.changes)


@settings(max_examples=60, deadline=None)
@given(summaries)
def test_a_summary_against_itself_has_no_change(summary):
    assert diff_summaries(summary, summary).changes == []


@settings(max_examples=60, deadline=None)
@given(summaries, summaries)
def test_swapping_versions_swaps_the_judgements(old, new):
    forward = signature(diff_summaries(old, new))
    backward = signature(diff_summaries(new, old))
    assert sorted((term, FLIP[change], FLIP[judgement]) for term, change, judgement in forward) == backward
