"""The literal gate in front of each regex rule: what it requires, and that it never hides a match."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.rules import default_rules
from slaextract.rules.gate import literal_gate, may_match

ROOT = Path(__file__).resolve().parents[2]
REGEX_RULES = [r for r in default_rules().rules if r.pattern is not None]


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        # one set: any literal lets a text through; a shared leading \b is no obstacle
        (r"\bcredits?\b(?!\s+cards?)|\brefund\b", (("credit", "refund"), ())),
        # an alternative that needs two literals keeps both, in order of appearance
        (r"\bnot\s+(?:a\s+)?support\b|x", (("x",), ((("not",), ("support",)),))),
        # short exact runs are multiplied out
        (r"(ab|cd)e?f", (("abef", "abf", "cdef", "cdf"), ())),
        # case-folded: the text is folded too
        (r"\bSLA\b", (("sla",), ())),
        (r"\d+\s*hours", (("hours",), ())),
        (r"响应|回复", (("响应", "回复"), ())),
        # the regex package's own syntax: a Unicode property is some character, a group name
        # used twice and a back-reference to it are read as plain groups and unknown text
        (r"\bhigh\b(?=\s*(?:\(|\p{Han}))", (("high",), ())),
        (r"[\p{Han}a]x", (("x",), ())),
        (r"(?P<n>\d+)%|不足(?P<n>\d+)%", (("%",), (((("不足",), ("%",))),))),
        (r"(?P<w>ab)\s(?P=w)c", ((), (((("ab",), ("c",))),))),
    ],
)
def test_the_gate_of_a_pattern(pattern, gate):
    assert literal_gate(pattern) == gate


@pytest.mark.parametrize(
    "pattern", [r"\d+", r"a|", r"x*", r"[A-Z]{2}\d", r"\p{Han}+", r".+", r"\\\p{Han}x", r"[^\P{Han}]"]
)
def test_a_pattern_that_needs_no_literal_has_no_gate(pattern):
    assert literal_gate(pattern) is None


def test_a_gate_lets_through_only_texts_with_its_literals():
    gate = literal_gate(r"\bnot\s+(?:a\s+)?support\b|\bretired\b")
    assert may_match(gate, "We RETIRED it")
    assert may_match(gate, "this is not a support line")
    assert not may_match(gate, "support is available")  # "not" missing: that alternative cannot match
    assert not may_match(gate, "nothing here")


def test_most_rules_have_a_gate():
    gated = [r for r in REGEX_RULES if r.gate is not None]
    assert len(gated) >= 0.9 * len(REGEX_RULES)


@pytest.mark.parametrize("rule", REGEX_RULES, ids=lambda r: r.id)
def test_every_match_example_passes_its_rules_gate(rule):
    for example in rule.spec.examples.match + rule.spec.examples.todo_match:
        text = example if isinstance(example, str) else example.text
        if rule.pattern.search(text):
            assert may_match(rule.gate, text), text


def corpus_sentences() -> list[str]:
    """Every line of the test contracts' sources (HTML with its tags dropped) and the samples' texts."""
    texts = []
    paths = [*ROOT.glob("tests/contracts*/*/*.html"), *ROOT.glob("samples/**/*.md"), *ROOT.glob("samples/**/*.txt")]
    for path in sorted(paths):
        text = html.unescape(re.sub(r"<[^>]+>", "\n", path.read_text(encoding="utf-8", errors="replace")))
        texts += [line.strip() for line in text.splitlines() if len(line.strip()) > 20]
    return texts


def test_no_gate_hides_a_match_in_the_test_contracts():
    sentences = corpus_sentences()
    assert len(sentences) > 2000
    hidden = [
        (rule.id, text)
        for rule in REGEX_RULES
        if rule.gate is not None
        for text in sentences
        if not may_match(rule.gate, text) and rule.pattern.search(text)
    ]
    assert hidden == []


LETTERS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,%:-/@+()"))


@st.composite
def texts_near_a_rule(draw):
    """Text built from one rule's own literals and example words, shuffled with noise: the texts
    most likely to find a gate that is too strict."""
    rule = draw(st.sampled_from([r for r in REGEX_RULES if r.gate is not None]))
    words = [w for ex in rule.spec.examples.match for w in (ex if isinstance(ex, str) else ex.text).split()]
    literals = [s for s in rule.gate[0]] + [s for sets in rule.gate[1] for strings in sets for s in strings]
    pieces = st.one_of(
        st.sampled_from(words or ["x"]), st.sampled_from(literals or ["x"]), st.text(LETTERS, max_size=3)
    )
    return rule, " ".join(draw(st.lists(pieces, max_size=12)))


@settings(max_examples=400, deadline=None)
@given(texts_near_a_rule())
def test_no_gate_hides_a_match_in_generated_text(case):
    rule, text = case
    if rule.pattern.search(text):
        assert may_match(rule.gate, text)
