"""Priority labels and the ladder that ranks them the way each document orders its own labels."""

from __future__ import annotations

import pytest

from slaextract.fields.priorities import Label, Ladder, find_labels, label_of
from slaextract.rules import default_rules


def label(family: str, key: str) -> Label:
    return Label(text=key, family=family, key=key, start=0, end=len(key))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Severity 1 and Severity 2", "en", [("Severity 1", "numbered", "1"), ("Severity 2", "numbered", "2")]),
    ("P0, P1 and P2", "en", [("P0", "p", "0"), ("P1", "p", "1"), ("P2", "p", "2")]),
    ("Priority A or B", "en", [("Priority A", "letter", "a")]),
    ("Severity II", "en", [("Severity II", "numbered", "ii")]),
    ("一级、二级故障", "zh", [("一级", "numbered", "一"), ("二级", "numbered", "二")]),
    ("page 1 of 3", "en", []),
    ("Section 2 applies", "en", []),
])
def test_labels_found_in_text(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_labels(text, default_rules(), lang)
    assert [(lab.text, lab.family, lab.key) for lab in found] == expected
    assert all(text[lab.start : lab.end].strip() == lab.text for lab in found)


def test_a_row_is_named_by_its_numbered_label_before_a_word() -> None:
    found = label_of("Severity 2 (High)", default_rules(), "en")
    assert found is not None and (found.family, found.key) == ("numbered", "2")


def test_p0_ladders_shift_by_one() -> None:
    labels = [label("p", "0"), label("p", "1"), label("p", "2")]
    ladder = Ladder(labels)
    assert [ladder.rank(lab) for lab in labels] == [1, 2, 3]


def test_p1_ladders_start_at_one() -> None:
    labels = [label("p", "1"), label("p", "2"), label("p", "4")]
    ladder = Ladder(labels)
    assert [ladder.rank(lab) for lab in labels] == [1, 2, 4]


def test_a_document_that_mentions_p0_elsewhere_shifts_its_p1() -> None:
    assert Ladder([label("p", "1")], zero_based=True).rank(label("p", "1")) == 2


@pytest.mark.parametrize(("key", "rank"), [("1", 1), ("3", 3), ("ii", 2), ("IV", 4), ("Ⅲ", 3), ("二", 2)])
def test_numbered_labels_rank_by_their_number(key: str, rank: int) -> None:
    lab = label("numbered", key)
    assert Ladder([lab]).rank(lab) == rank


def test_a_zero_level_above_level_one_shifts_the_numbered_ladder() -> None:
    """特级 above 一级: the special level ranks first, 一级 second."""
    special, first = label("numbered", "0"), label("numbered", "一")
    ladder = Ladder([special, first])
    assert (ladder.rank(special), ladder.rank(first)) == (1, 2)


def test_letters_rank_alphabetically() -> None:
    ladder = Ladder([])
    assert [ladder.rank(label("letter", k)) for k in "abc"] == [1, 2, 3]


def test_severity_words_rank_densely_among_the_words_the_document_uses() -> None:
    """Critical/High/Medium/Low rank 1–4; a document using only 紧急 and 一般 ranks them 1–2."""
    four = [label("word", w) for w in ("low", "critical", "medium", "high")]
    ladder = Ladder(four)
    assert {lab.key: ladder.rank(lab) for lab in four} == {"critical": 1, "high": 2, "medium": 3, "low": 4}
    two = [label("word", "一般"), label("word", "紧急")]
    ladder = Ladder(two)
    assert {lab.key: ladder.rank(lab) for lab in two} == {"紧急": 1, "一般": 2}


def test_words_of_one_tier_keep_the_documents_order() -> None:
    words = [label("word", "blocker"), label("word", "critical")]  # both tier 1
    ladder = Ladder(words)
    assert [ladder.rank(lab) for lab in words] == [1, 2]


def test_an_unknown_word_or_no_label_has_no_rank() -> None:
    ladder = Ladder([label("word", "critical")])
    assert ladder.rank(None) is None
    assert ladder.rank(label("word", "whenever")) is None
