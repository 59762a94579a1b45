"""Every rule in patterns/ carries examples; each one is a test case (sqlfluff/semgrep style)."""

from __future__ import annotations

import pytest

from slaextract.rules import default_rules
from slaextract.selftest import cases, passes

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
    from slaextract.rules import Examples
    from slaextract.text.clean import clean

    # roles whose matches become items: every example of theirs, and every example of any rule
    # that names the item it must produce, has to pass its term's prefilter
    producing = {"channel", "all_day", "weekdays_all_day", "grid", "hours_days", "window", "fixed_duration"}
    for pre in [r for r in RULES.rules if r.role == "prefilter"]:
        for rule in RULES.rules:
            if rule.term != pre.term or rule.language not in (pre.language, "any") or rule.role == "prefilter":
                continue
            for example in map(Examples.as_example, rule.spec.examples.match):
                if example.value is None and rule.role not in producing:
                    continue
                text = clean(example.text).text
                assert pre.search(text), f"{pre.id} misses {rule.id}'s example {text!r}"
