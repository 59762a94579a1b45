"""Text input costs work in proportion to its size, whatever its lines look like.

A .txt exported one clause per line has no full stop to end a sentence: 800 lines of
"Priority 1 incidents: response within 15 minutes, restoration within 4 hours" used to be one
unit, and fields rescanned it for every hit (22.5 s). Work is counted, never timed: the calls
to the rule matcher and the characters it is handed, every Python call (cProfile), and the
peak of Python allocations (tracemalloc). Four times the lines may cost about four times as
much, never sixteen.
"""

from __future__ import annotations

import cProfile
import pstats
import tracemalloc
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from slaextract.fields import context
from slaextract.fields.context import build_context
from slaextract.pdf.textfile import document_from_text
from slaextract.pipeline import extract_text
from slaextract.rules import Rule, default_rules

LINES = [
    "Priority 1 incidents: response within {n} minutes, restoration within 4 hours",
    "7x24 7x24 support",
    # right-to-left words (Hebrew, Arabic) around the terms
    "\u05ea\u05de\u05d9\u05db\u05d4 7x24 \u05d1\u05d8\u05dc\u05e4\u05d5\u05df "
    "Priority {n} response {n} minutes \u0627\u0644\u062f\u0639\u0645",
    "P{n} P{n} P{n} response response within {n} hours, 99.9% availability, credit 10%",
]
SMALL, FACTOR = 12, 4
SLACK = 1.25  # four times the lines may cost up to five times the work (fixed costs, rounding)
# Units are capped at context.MAX_UNIT characters; the test lowers the cap so that both of its
# sizes are past it and stay small (the cap is what makes the cost per unit a constant).
TEST_UNIT = 150


@dataclass
class Work:
    matcher_calls: int = 0
    matcher_chars: int = 0
    python_calls: int = 0
    peak_bytes: int = 0


@pytest.fixture
def measure(monkeypatch: pytest.MonkeyPatch):
    """extract_text(text) → the Work it took."""
    extract_text("Warm-up: Severity 1 response within 15 minutes, support 24x7 by phone.")  # rules, lazy loads
    monkeypatch.setattr(context, "MAX_UNIT", TEST_UNIT, raising=False)
    work = Work()
    finditer, search = Rule.finditer, Rule.search

    def counted(real):
        def call(self, text):
            work.matcher_calls += 1
            work.matcher_chars += len(text)
            return real(self, text)

        return call

    monkeypatch.setattr(Rule, "finditer", counted(finditer))
    monkeypatch.setattr(Rule, "search", counted(search))

    def run(text: str) -> Work:
        work.__init__()
        profile = cProfile.Profile()
        tracemalloc.start()
        profile.enable()
        try:
            extract_text(text)
        finally:
            profile.disable()
            work.peak_bytes = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        work.python_calls = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
        return Work(**vars(work))

    return run


@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure prints its example; shrinking re-runs big inputs
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(template=st.sampled_from(LINES), n=st.integers(1, 99))
def test_work_grows_linearly_with_the_number_of_lines(measure, template: str, n: int) -> None:
    line = template.format(n=n)
    small = measure("\n".join([line] * SMALL))
    large = measure("\n".join([line] * (SMALL * FACTOR)))
    for field in ("matcher_calls", "matcher_chars", "python_calls", "peak_bytes"):
        a, b = getattr(small, field), getattr(large, field)
        assert b <= FACTOR * SLACK * a, f"{field}: {a} for {SMALL} lines, {b} for {SMALL * FACTOR}"


def test_a_paragraph_without_full_stops_is_cut_at_its_line_ends() -> None:
    line = LINES[0].format(n=15)
    doc = document_from_text("\n".join([line] * 800))
    units = build_context(doc, default_rules()).units
    assert len(units) == 800
    assert all(u.text == line for u in units)


def test_a_line_longer_than_the_limit_is_cut_at_spaces() -> None:
    words = " ".join(f"word{i}" for i in range(3000))  # one line of ~26,000 characters
    units = build_context(document_from_text(words + "."), default_rules()).units
    assert len(units) > 1
    assert all(len(u.text) <= context.MAX_UNIT for u in units)
    assert " ".join(u.text for u in units) == words + "."


def test_a_paragraph_under_the_limit_keeps_its_sentences_whole() -> None:
    text = "Severity 1 incidents are answered within 15 minutes\nand restored within 4 hours. Support is 24x7."
    units = build_context(document_from_text(text), default_rules()).units
    assert [u.text for u in units] == [
        "Severity 1 incidents are answered within 15 minutes and restored within 4 hours.",
        "Support is 24x7.",
    ]


def test_one_clause_per_line_gives_each_line_its_own_target() -> None:
    lines = [f"Priority {p} incidents: response within {m} minutes" for p, m in ((1, 15), (2, 30), (3, 60))] * 40
    summary = extract_text("\n".join(lines))
    got = {(rt.priority, rt.minutes) for rt in summary.response_times}
    assert got == {("Priority 1", 15.0), ("Priority 2", 30.0), ("Priority 3", 60.0)}
