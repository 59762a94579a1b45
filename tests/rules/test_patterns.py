"""Every rule in patterns/ carries examples; each one is a test case (sqlfluff/semgrep style)."""

from __future__ import annotations

import pytest

from slaextract.rules import default_rules
from slaextract.rules.selftest import cases, passes

RULES = default_rules()
CASES = cases(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_example(case):
    assert passes(case, RULES), f"{case.rule.id}: {case.kind} example failed: {case.text!r} {case.value or ''}"


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES.rules:
        assert rule.spec.examples.match and rule.spec.examples.no_match, rule.id


def test_rule_ids_are_unique_and_namespaced_by_language():
    ids = [r.id for r in RULES.rules]
    assert len(ids) == len(set(ids))
    for rule in RULES.rules:
        assert rule.id.split(".")[0] in (rule.language, "any"), rule.id


def test_prefilters_let_every_positive_example_through():
    """A prefilter that misses a phrasing its term's rules know would silently drop it."""
    from slaextract.match.text import clean
    from slaextract.rules import Examples

    for pre in [r for r in RULES.rules if r.role == "prefilter"]:
        for rule in RULES.rules:
            if rule.term != pre.term or rule.language not in (pre.language, "any") or rule.role in (
                    "prefilter", "negative", "context", "days"):
                continue
            for example in rule.spec.examples.match:
                text = clean(Examples.as_example(example).text).text
                assert pre.search(text), f"{pre.id} misses {rule.id}'s example {text!r}"
