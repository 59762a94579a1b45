"""The Context every field reads: sentences, table rows, language, and evidence back to the page."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.fields.context import detect_language, latin_letters, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_end_at_full_stops_but_not_in_numbers_abbreviations_or_clause_numbers() -> None:
    text = "Fees are due monthly. Support is 24x7! Uptime is 99.9% e.g. per month. 3.1 Credits apply."
    assert sentences(text) == [
        "Fees are due monthly.",
        "Support is 24x7!",
        "Uptime is 99.9% e.g. per month. 3.1 Credits apply.",
    ]


def test_chinese_sentences_end_at_chinese_stops() -> None:
    assert sentences("响应时间为15分钟。解决时间为4小时；其他按约定") == [
        "响应时间为15分钟。",
        "解决时间为4小时；",
        "其他按约定",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Support hours are 9 to 5.", "en"),
        ("支持时间为工作日", "zh"),
        ("Support 支持 hours 时间 are here 这里", "mixed"),
        ("123 456", "en"),  # no words at all: the default
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@given(st.text(alphabet=st.sampled_from("ab Z1.-é支时\u00a0\n"), max_size=60))
@settings(max_examples=300, deadline=None)
def test_latin_letters_count_the_letters_of_words_of_two_letters_or_more(text: str) -> None:
    # the byte-level count must agree with the obvious regex: non-ASCII characters are boundaries
    words = regex.findall(r"[A-Za-z]{2,}", text)
    assert latin_letters(text) == sum(len(w) for w in words)


def test_rows_and_sentences_become_units_with_evidence(context_of) -> None:
    ctx = context_of("Support", "Support is 24x7. Email is answered in 4 hours.", [["P1", "15 min"], ["P2", "1 h"]])
    assert [(u.text, u.is_row) for u in ctx.units] == [
        ("Support", False),
        ("Support is 24x7.", False),
        ("Email is answered in 4 hours.", False),
        ("P1 | 15 min", True),
        ("P2 | 1 h", True),
    ]
    evidence = ctx.unit_evidence(ctx.units[2])
    assert (evidence.page, evidence.text) == (1, "Email is answered in 4 hours.")


def test_drafting_notes_are_not_read(context_of) -> None:
    ctx = context_of("Support", "[Drafting note: confirm whether support is 24x7 before signature.]")
    assert [u.text for u in ctx.units] == ["Support"]


def sentences_by_full_search(text: str) -> list[tuple[int, int]]:
    """split_sentences as a search of every position would cut (what it did before it looked only
    after end marks)."""
    from slaextract.fields.context import SENTENCE_END

    cuts = [m.start() for m in SENTENCE_END.finditer(text)]
    spans, pos = [], 0
    for end in [*cuts, len(text)]:
        if end > pos and text[pos:end].strip():
            spans.append((pos + len(text[pos:end]) - len(text[pos:end].lstrip()), end))
        pos = end
    return spans


SENTENCE_PIECES = st.sampled_from(
    [
        "Support",
        " is",
        " e.g.",
        " U.S.",
        " 99.9%",
        ". ",
        "; ",
        "! ",
        "? ",
        "。",
        "；",
        "响应",
        " A",
        " (b)",
        " 3.1 ",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=20).map("".join))
def test_sentences_are_cut_where_a_full_search_cuts(text):
    assert split_sentences(text) == sentences_by_full_search(text)
