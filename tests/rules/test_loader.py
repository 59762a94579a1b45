from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.errors import RuleError
from slaextract.rules import has_nested_unbounded, load_rules

GOOD_RULE = """
language: en
term: channels
rules:
  - id: en.channel.pager
    role: channel
    value: {channel: phone}
    regex: '\\bpager\\b'
    examples:
      match: ["call the pager"]
      no_match: ["page 3"]
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "en").mkdir(exist_ok=True)
    path = tmp_path / "en" / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_rule_file_loads(tmp_path):
    write(tmp_path, GOOD_RULE)
    rules = load_rules(tmp_path)
    assert [r.id for r in rules.get("channels", "channel")] == ["en.channel.pager"]


def test_unknown_key_is_rejected_naming_file_and_rule(tmp_path):
    write(tmp_path, GOOD_RULE.replace("    role: channel", "    role: channel\n    colour: red"))
    with pytest.raises(RuleError) as err:
        load_rules(tmp_path)
    assert "x.yaml" in str(err.value) and "en.channel.pager" in str(err.value)


def test_missing_no_match_examples_are_rejected(tmp_path):
    write(tmp_path, GOOD_RULE.replace('      no_match: ["page 3"]\n', ""))
    with pytest.raises(RuleError, match="no_match"):
        load_rules(tmp_path)


def test_catastrophic_regex_is_rejected(tmp_path):
    write(tmp_path, GOOD_RULE.replace("'\\bpager\\b'", "'(\\w+\\s*)+pager'"))
    with pytest.raises(RuleError, match="nested unbounded"):
        load_rules(tmp_path)


def test_broken_regex_names_the_rule(tmp_path):
    write(tmp_path, GOOD_RULE.replace("'\\bpager\\b'", "'(pager'"))
    with pytest.raises(RuleError, match="en.channel.pager"):
        load_rules(tmp_path)


@pytest.mark.parametrize("source,nested", [
    (r"(a+)+", True), (r"(?:\w+\s*)*", True), (r"(x*){2,}", True),
    (r"(?:\.[\w-]+)+", False), (r"(?:ab)+", False), (r"\d+(?:,\d{3})*", False),
])
def test_nested_quantifier_detection(source, nested):
    assert has_nested_unbounded(source) is nested


def test_unknown_role_is_rejected_naming_file_and_rule(tmp_path):
    write(tmp_path, GOOD_RULE.replace("role: channel", "role: chanel"))
    with pytest.raises(RuleError) as err:
        load_rules(tmp_path)
    assert "x.yaml" in str(err.value) and "en.channel.pager" in str(err.value) and "'chanel'" in str(err.value)


def test_unknown_term_is_rejected(tmp_path):
    write(tmp_path, GOOD_RULE.replace("term: channels", "term: chanels"))
    with pytest.raises(RuleError, match="unknown term 'chanels'"):
        load_rules(tmp_path)


def test_rule_id_follows_language_area_name(tmp_path):
    write(tmp_path, GOOD_RULE.replace("id: en.channel.pager", "id: zh.channel.pager"))
    with pytest.raises(RuleError, match="file's language"):
        load_rules(tmp_path)
    write(tmp_path, GOOD_RULE.replace("id: en.channel.pager", "id: en.coverage.pager"))
    with pytest.raises(RuleError, match="area must be one of channel"):
        load_rules(tmp_path)


def test_every_declared_role_is_used_and_documented():
    from slaextract.fields.registry import declared_roles
    from slaextract.lexicon import lexicon
    from slaextract.resources import patterns_dir
    from slaextract.rules import default_rules

    used = {(r.term, r.role) for r in default_rules().rules}
    declared = {(t, role) for t, roles in declared_roles().items() for role in roles}
    assert declared - used == set()  # a role no rule fills is a field reading nothing
    readme = (patterns_dir() / "README.md").read_text(encoding="utf-8")
    missing = [f"{t}/{role}" for t, role in sorted(declared) if f"`{role}`" not in readme]
    missing += [f"{{{name}}}" for name in sorted(lexicon().names()) if f"`{name}`" not in readme]
    assert missing == [], "patterns/README.md does not document " + ", ".join(missing)


def test_every_built_in_rule_is_free_of_nested_unbounded_quantifiers():
    # the loader trusts the built-in rules (it checks only a user's patterns folder on each run)
    from slaextract.rules import default_rules

    risky = [r.id for r in default_rules().rules if r.spec.regex and has_nested_unbounded(r.spec.regex)]
    assert risky == []


def test_an_english_document_compiles_no_chinese_rule():
    from slaextract.pdf.textfile import document_from_text
    from slaextract.pipeline import summarize

    rules = load_rules()  # the built-in rules, compiled on first use
    summary = summarize(document_from_text("Support: 24x7. Priority 1 incidents: response within 15 minutes."), rules)
    assert summary.response_times and summary.document.language == "en"
    compiled = {r.language for r in rules.rules if r._pattern is not None}
    assert "en" in compiled and "zh" not in compiled


class CountingPattern:
    """A compiled pattern that counts the scans it is asked for."""

    def __init__(self, pattern) -> None:
        self.pattern, self.scans = pattern, 0

    def search(self, text, **kw):
        self.scans += 1
        return self.pattern.search(text, **kw)

    def finditer(self, text, **kw):
        self.scans += 1
        return self.pattern.finditer(text, **kw)


def test_a_rule_scans_a_text_once_however_often_it_is_asked(tmp_path):
    write(tmp_path, GOOD_RULE)
    rule = load_rules(tmp_path).get("channels", "channel")[0]
    counting = rule._pattern = CountingPattern(rule.pattern)
    text = "call the pager, or the pager's backup"
    first = [rule.search(text) for _ in range(3)]
    every = [list(rule.finditer(text)) for _ in range(3)]
    assert counting.scans == 2  # one search (it may stop at the first match), one full scan
    assert {m.span() for m in first} == {(9, 14)}
    assert [[m.span() for m in ms] for ms in every] == [[(9, 14), (23, 28)]] * 3
    assert rule.search(text + " ") is not None and counting.scans == 3  # another text is scanned


@cache
def pager_rule():
    folder = Path(tempfile.mkdtemp())  # hypothesis runs many examples: one rule for all of them
    write(folder, GOOD_RULE)
    return load_rules(folder).get("channels", "channel")[0]


@given(st.lists(st.sampled_from(["pager", "page", " ", "x", "PAGER"]), max_size=8))
@settings(max_examples=100, deadline=None)
def test_remembered_matches_are_the_patterns_own(words):
    rule = pager_rule()
    text = "".join(words)
    for _ in range(2):  # asked again: from memory
        assert [m.span() for m in rule.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)]
        found = rule.search(text)
        expected = rule.pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_a_summary_leaves_no_text_remembered_by_its_rules():
    from slaextract.pdf.textfile import document_from_text
    from slaextract.pipeline import summarize

    rules = load_rules()
    summary = summarize(document_from_text("Support: 24x7. Priority 1 incidents: response within 15 minutes."), rules)
    assert summary.response_times  # the rules were asked, and answered
    assert not any(r._first or r._every for r in rules.rules)  # a worker reading thousands keeps none
