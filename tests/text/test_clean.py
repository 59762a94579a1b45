"""Clean text for rules, and the map from every clean character back to the raw one it came from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slaextract.text.clean import FOLD, clean, fold_and_drop


def test_full_width_forms_fold_one_to_one() -> None:
    raw = "响应：１５分钟，可用性９９．９％"
    mt = clean(raw)
    assert mt.text == "响应:15分钟,可用性99.9%"
    assert len(mt.text) == len(raw)
    assert all(mt.to_raw(i) == i for i in range(len(raw) + 1))


@pytest.mark.parametrize(("raw", "text"), [
    ("avail\u00adability", "availability"),  # soft hyphen
    ("avail\ufffeability", "availability"),  # pdfium's soft hyphen
    ("zero\u200bwidth", "zerowidth"),
    ("响应\n时间", "响应时间"),  # a line break between CJK characters is an artefact of layout
    ("响应 时间", "响应时间"),
    ("response\ntime", "response time"),  # between words it reads as a space
    ("four\u3000hours", "four hours"),  # ideographic space
])
def test_clean_text(raw: str, text: str) -> None:
    assert clean(raw).text == text


def test_offsets_map_back_across_dropped_characters() -> None:
    raw = "Severity 1: avail\u00adability 99.9%"
    mt = clean(raw)
    start = mt.text.index("availability")
    raw_start, raw_end = mt.raw_span(start, start + len("availability"))
    assert raw[raw_start:raw_end] == "avail\u00adability"
    at = mt.text.index("99.9%")
    assert raw[slice(*mt.raw_span(at, at + 5))] == "99.9%"


def test_offsets_are_document_offsets_when_the_block_does_not_start_the_document() -> None:
    document = "Heading\n\n响应\n时间为15分钟"
    block_start = document.index("响应")
    mt = clean(document[block_start:], block_start)
    at = mt.text.index("15")
    assert document[slice(*mt.raw_span(at, at + 2))] == "15"
    assert mt.raw_span(0, len(mt.text)) == (block_start, len(document))


def test_an_empty_span_maps_to_a_point() -> None:
    mt = clean("a\u00adb")
    assert mt.raw_span(1, 1) == (mt.to_raw(1), mt.to_raw(1))


def test_the_fold_table_keeps_length() -> None:
    """Every folded character is one character: clean offsets before any drop equal raw offsets."""
    assert all(isinstance(target, int) for target in FOLD.values())
    assert chr(FOLD[ord("１")]) == "1" and chr(FOLD[0x3000]) == " "


ascii_text = st.one_of(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
    st.text(alphabet=st.sampled_from("99.5%\r\n \t"), max_size=12),  # a percentage wrapped over a line
)


@given(ascii_text, st.integers(0, 99))
@settings(max_examples=400, deadline=None)
def test_plain_ascii_takes_the_short_way_to_the_same_clean_text(raw: str, start: int) -> None:
    assert clean(raw, start) == fold_and_drop(raw, start)
