"""Phrase rules on tokens: a phrase is found as a whole token run, with character offsets."""

from __future__ import annotations

import pytest

from slaextract.rules import default_rules
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
