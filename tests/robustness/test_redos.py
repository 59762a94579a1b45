"""Rules are ReDoS-proof: every rule in patterns/ against adversarial strings, and the loader's guard.

Each rule's compiled pattern scans each 100k-character string to the end with a timeout of
BOUND seconds; running into it fails the rule. This bounds pathological (quadratic or worse)
behaviour; it is not a benchmark. Production matching stops each regex after
rules.MATCH_TIMEOUT anyway; this test keeps rules from leaning on that safety net.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from slaextract.errors import RuleError
from slaextract.pipeline import extract_text
from slaextract.rules import MATCH_TIMEOUT, default_rules, has_nested_unbounded, load_rules

BOUND = 2.0  # seconds per rule per string
N = 100_000

ADVERSARIAL = {
    "digits": "1" * N,
    "spaces": "x" + " " * N + "x",
    "one letter": "a" * N,
    "nested parentheses": "(" * N,
    "mixed CJK and digits": ("\uff11" + "2\u4e094") * (N // 4),  # １2三4
    "Chinese numerals": "\u4e00" * N,  # 一
    "dotted digits": "9." * (N // 2),
}

# Rules that are quadratic on some string today (each entry says where, and how to fix it).
# strict: a fixed rule turns its XPASS into a failure, so the entry is removed.
KNOWN_SLOW: dict[str, str] = {}


def rule_params() -> list:
    params = []
    for rule in default_rules().rules:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_SLOW[rule.id])] if rule.id in KNOWN_SLOW else []
        params.append(pytest.param(rule, id=rule.id, marks=marks))
    return params


@pytest.mark.parametrize("rule", rule_params())
def test_rule_scans_adversarial_strings_in_bounded_time(rule) -> None:
    if rule.pattern is None:  # a phrase rule (spaCy tokens): time the rule itself, once its pipeline is loaded
        list(rule.finditer("预热"))
    for name, text in ADVERSARIAL.items():
        start = time.perf_counter()
        try:
            for _ in (rule.pattern.finditer(text, timeout=BOUND) if rule.pattern else rule.finditer(text)):
                pass
        except TimeoutError:
            pytest.fail(f"{rule.id} ({rule.source}) took over {BOUND} s on {N // 1000}k {name}")
        assert time.perf_counter() - start < BOUND, f"{rule.id} on {N // 1000}k {name}"


def test_the_safety_net_bounds_even_a_slow_rule() -> None:
    """Rule.search / Rule.finditer give up after MATCH_TIMEOUT and report no match, never raise."""
    (rule,) = [r for r in default_rules().rules if r.id == "zh.channel.email"] or [None]
    if rule is None:
        pytest.skip("zh.channel.email is gone")
    text = ADVERSARIAL["one letter"]
    start = time.perf_counter()
    rule.search(text)
    list(rule.finditer(text))
    assert time.perf_counter() - start < 2 * MATCH_TIMEOUT + 1.0


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_a_whole_document_of_adversarial_text_is_summarised(name: str) -> None:
    """Through every field extractor: no exception, and well inside the default --timeout."""
    start = time.perf_counter()
    summary = extract_text(ADVERSARIAL[name])
    assert time.perf_counter() - start < 20
    assert summary.response_times == []


# ---------------------------------------------------------------- the loader's guard


@pytest.mark.parametrize("source", [
    r"(a+)+", r"(?:\w+\s*)*", r"(x*){2,}", r"(?P<n>\d+)+", r"([\w.]+)+@", r"(?:\d|\d+)+x", r"(?:\s*\w)+?$",
])
def test_nested_unbounded_quantifiers_are_found(source: str) -> None:
    assert has_nested_unbounded(source)


@pytest.mark.parametrize("source", [
    r"(?:\.[\w-]+)+", r"(?:ab)+", r"\d+(?:,\d{3})*", r"(?:\d{1,3})+", r"(?:-\d+)*", r"\w+\s*\w+", r"(?:a|b)+",
])
def test_safe_repetitions_are_allowed(source: str) -> None:
    assert not has_nested_unbounded(source)


@pytest.mark.parametrize("source", [r"(?:(?:\w+)\s?)+", r"(\w{1,})+", r"(?:a|\w+)+"])
def test_nested_unbounded_shapes_with_inner_groups_and_counted_repeats(source: str) -> None:
    assert has_nested_unbounded(source)


RULE_FILE = """\
language: en
term: channels
rules:
  - id: en.channel.fine
    role: channel
    regex: '\\bpager\\b'
    examples: {match: ["call the pager"], no_match: ["page 3"]}
  - id: en.channel.slow
    role: channel
    regex: '(?:\\w+\\s*)+pager'
    examples: {match: ["call the pager"], no_match: ["page 3"]}
"""


def test_loader_rejects_a_catastrophic_rule_naming_file_and_rule(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "slow.yaml").write_text(RULE_FILE, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(tmp_path)
    message = str(err.value)
    assert message.startswith(str(tmp_path / "en" / "slow.yaml") + ": ")
    assert "en.channel.slow" in message
    assert "nested unbounded quantifiers" in message


def test_loader_names_file_and_rule_for_a_regex_that_does_not_compile(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    broken = RULE_FILE.replace("(?:\\w+\\s*)+pager", "(pager")
    assert "(pager" in broken
    (tmp_path / "en" / "broken.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(tmp_path)
    assert "broken.yaml" in str(err.value) and "en.channel.slow" in str(err.value)
