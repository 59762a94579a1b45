"""Rules are ReDoS-proof: every rule in patterns/ against adversarial strings, and the loader's guard.

Nothing here reads a clock. A rule cannot hang a run because every regex runs under the
`regex` package's timeout, which turns into "no match" (proven below on a pattern that is
exponential by construction); each rule must scan each 100k-character string to the end
without needing that net, under a generous internal timeout (GENEROUS, far above the few
milliseconds a linear scan takes even on a loaded machine, far below what a quadratic scan of
100k characters needs). Phrase rules are counted instead: one tokenization per text, shared by
every phrase rule of the language. How fast each rule scans is measured by
benchmarks/bench_redos.py, not asserted here.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import regex

from slaextract import timeouts
from slaextract.errors import RuleError
from slaextract.pipeline import extract_text
from slaextract.rules import default_rules, has_nested_unbounded, load_rules
from slaextract.text import phrases

GENEROUS = 10.0  # seconds the regex engine may spend on one scan before the test calls the rule pathological
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


def rule_params(kind: str) -> list:
    params = []
    for rule in default_rules().rules:
        if (rule.pattern is None) != (kind == "phrases"):
            continue
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_SLOW[rule.id])] if rule.id in KNOWN_SLOW else []
        params.append(pytest.param(rule, id=rule.id, marks=marks))
    return params


@pytest.mark.parametrize("rule", rule_params("regex"))
def test_regex_rule_scans_adversarial_strings_without_its_safety_net(rule) -> None:
    for name, text in ADVERSARIAL.items():
        try:
            spans = [m.span() for m in rule.pattern.finditer(text, timeout=GENEROUS)]
        except TimeoutError:
            pytest.fail(f"{rule.id} ({rule.source}) is pathological on {N // 1000}k {name}")
        assert all(0 <= start <= end <= len(text) for start, end in spans)


PHRASE_RULES = rule_params("phrases")


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_phrase_rules_tokenize_each_text_once(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every phrase rule of a language reads the same tokens: the text is segmented once, and the
    PhraseMatcher then does one lookup per token, so the work grows with the text and not with it
    times the number of rules."""
    # a text no other test has tokenized (tokens are cached per text), with a phrase of every rule,
    # so that no rule's phrase gate spares it the matcher
    every_phrase = " ".join(param.values[0].spec.phrases[0] for param in PHRASE_RULES)
    text = f"{ADVERSARIAL[name]} (counted) {every_phrase}"
    languages = sorted({param.values[0].language for param in PHRASE_RULES})
    for param in PHRASE_RULES:  # build each language's matcher first: building it tokenizes every phrase
        list(param.values[0].finditer(every_phrase))
    calls = 0
    real = phrases.make_doc

    def counted(piece: str):
        nonlocal calls
        calls += piece == text
        return real(piece)

    monkeypatch.setattr(phrases, "make_doc", counted)
    for param in PHRASE_RULES:
        for match in param.values[0].finditer(text):
            assert 0 <= match.start() <= match.end() <= len(text)
    assert calls == len(languages)  # once per language, however many phrase rules it has


def test_the_safety_net_turns_a_runaway_regex_into_no_match() -> None:
    """Rule.search / Rule.finditer stop a regex at MATCH_TIMEOUT and report no match, never raise.

    `^(?:a|aa)+$` backtracks through Fibonacci(60) ways to split the a's before failing on the
    "!", which no machine finishes; the second alternative would then match the first "a". So a
    rule that answers "no match" was stopped by its timeout, not by its pattern.
    """
    rule = copy.copy(next(r for r in default_rules().rules if r.pattern is not None))
    rule.expanded = r"^(?:a|aa)+$|a"
    rule._pattern, rule._gate = regex.compile(rule.expanded), None  # compiled, and no literal gate in front
    rule._first, rule._every = {}, {}  # a copy must not share the original's memory of matches
    assert rule.pattern.search("a!").span() == (0, 1)  # what it finds once it has time
    text = "a" * 60 + "!"
    with timeouts.collect() as timed_out:
        assert rule.search(text) is None
        assert list(rule.finditer(text)) == []
        assert rule.search(text) is None  # asked again: a timeout is not remembered as "no match"
    assert timed_out == [text] * 3  # so every asker hears of it, and the page gets its warning


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_a_whole_document_of_adversarial_text_is_summarised(name: str) -> None:
    """Through every field extractor: no exception, and no term read into noise."""
    summary = extract_text(ADVERSARIAL[name])
    assert summary.response_times == []
    assert summary.availability == []
    assert summary.service_credits == []


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
