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
