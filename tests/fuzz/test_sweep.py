"""fuzz/sweep.py sorts every outcome of a CLI run into one class (the runs themselves are the sweep's job)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from fuzz.sweep import Outcome, classify, json_values, summary_digest, table

SUMMARY = json.dumps({"schema_version": "1", "document": {"path": "a.pdf", "pages": 1}, "channels": []})


@pytest.mark.parametrize(
    ("code", "out", "err", "kind", "message"),
    [
        (0, SUMMARY, "", "json", None),
        (2, "", "slaextract: a.pdf: PDF has no pages\n", "clean error", "PDF has no pages"),
        (2, "", "Traceback (most recent call last):\n  ...\nValueError: x\n", "traceback", None),
        (2, "", "slaextract: a.pdf: one\nslaextract: a.pdf: two\n", "traceback", None),
        (None, "", "", "hang", ""),
        (2, "", "slaextract: a.pdf: ran out of memory reading this document\n", "out of memory", None),
        (-9, "", "", "out of memory", "killed (exit -9)"),
        (1, "", "slaextract: a.pdf: odd\n", "wrong exit", None),
        (0, "not json", "", "wrong exit", "exit 0 without a JSON summary"),
    ],
)
def test_every_outcome_has_one_class(code, out, err, kind, message) -> None:
    got = classify("a.pdf", code, out, err)
    assert got.kind == kind
    if message is not None:
        assert got.message == message


def test_a_summary_compares_without_its_path() -> None:
    moved = SUMMARY.replace('"a.pdf"', '"elsewhere/a.pdf"')
    assert summary_digest(SUMMARY) == summary_digest(moved)


def test_json_values_splits_json_lines_an_indented_value_and_junk() -> None:
    text = '{"a": 1}\n{"b": 2}\n' + json.dumps({"c": [1, 2]}, indent=2) + "\nnot json\n"
    expected = ['{"a": 1}', '{"b": 2}', json.dumps({"c": [1, 2]}, indent=2), "not json"]
    expected = ['{"a": 1}', '{"b": 2}', json.dumps({"c": [1, 2]}, indent=2), "not json"]
    assert [v.strip() for v in json_values(text)] == expected


def test_the_table_counts_classes_and_differences() -> None:
    batch = [Outcome("a", "json", "x"), Outcome("b", "clean error", "PDF is encrypted; pass --password")]
    alone = [Outcome("a", "json", "x", 40.0), Outcome("b", "clean error", "PDF has no pages", 42.0)]
    text = table(batch, alone, 3.0)
    assert "batch vs alone: 1 identical, 1 differ" in text
    assert "  differs: b" in text
    assert text.splitlines()[1].split() == ["json", "1", "1"]
