"""Phrase rules on tokens: a phrase is found as a whole token run, with character offsets."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.rules import default_rules
from slaextract.rules.gate import may_match
from slaextract.text.phrases import TokenMatch

PHRASE_RULES = [rule for rule in default_rules().rules if rule.pattern is None]


@pytest.mark.parametrize("rule", PHRASE_RULES, ids=[rule.id for rule in PHRASE_RULES])
def test_each_phrase_is_found_where_it_stands(rule) -> None:
    for phrase in rule.spec.phrases:
        text = f"客户可以通过{phrase}联系我们。"
        spans = [m.span() for m in rule.finditer(text)]
        at = text.index(phrase)
        assert (at, at + len(phrase)) in spans, (rule.id, phrase, spans)


@pytest.mark.parametrize("rule", PHRASE_RULES, ids=[rule.id for rule in PHRASE_RULES])
def test_no_phrase_in_unrelated_text(rule) -> None:
    assert list(rule.finditer("付款应在收到发票后30日内完成。")) == []
    assert rule.search("") is None


def test_a_token_match_behaves_like_a_regex_match() -> None:
    match = TokenMatch("call the hotline now", 9, 16)
    assert (match.start(), match.end(), match.span()) == (9, 16, (9, 16))
    assert match.group(0) == match.group() == "hotline"
    assert match.groupdict() == {}
    with pytest.raises(IndexError):
        match.group("amount")


PHRASE_CHARS = sorted({ch for rule in PHRASE_RULES for p in rule.spec.phrases for ch in p} | set(" 的和。"))


@pytest.mark.parametrize("rule", PHRASE_RULES, ids=[rule.id for rule in PHRASE_RULES])
@given(text=st.text(alphabet=st.sampled_from(PHRASE_CHARS), max_size=30))
@settings(max_examples=150, deadline=None)
def test_the_phrase_gate_hides_no_match(rule, text) -> None:
    # text built from the phrases' own characters: often all of a phrase's tokens, in any order
    matches = rule.book.find(rule.language, rule.id, text)  # the matcher itself, with no gate before it
    if matches:
        assert may_match(rule.gate, text), (rule.id, text)
    assert [m.span() for m in rule.finditer(text)] == [m.span() for m in matches]


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    return done.stdout.strip()


def test_a_text_without_the_phrases_tokens_never_imports_spacy() -> None:
    code = (
        "import sys\n"
        "from slaextract.pipeline import extract_text\n"
        "s = extract_text('付款应在收到发票后30日内完成。故障响应时间为15分钟。')\n"
        "print(s.document.language, 'spacy' in sys.modules)\n"
    )
    assert run_python(code) == "zh False"


def test_spacy_imports_without_its_command_line_and_stays_whole() -> None:
    code = (
        "import sys\n"
        "from slaextract.pipeline import extract_text\n"
        "s = extract_text('客户可加入企业微信群获取支持。')\n"
        "print([c.channel for c in s.channels], 'spacy' in sys.modules, 'spacy.cli' in sys.modules)\n"
        "import spacy\n"
        "print('spacy_version' in spacy.info(silent=True), 'spacy.cli' in sys.modules)\n"  # the real CLI, on demand
    )
    assert run_python(code).splitlines() == ["['chat'] True False", "True True"]
