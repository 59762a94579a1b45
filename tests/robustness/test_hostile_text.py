"""Hostile text input: binary data named .txt, text read under the worker's memory cap, a regex
that times out on one passage, and words that only look like a support channel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slaextract import batch, pdf
from slaextract.errors import InputError, LimitError
from slaextract.model import ClauseSummary
from slaextract.pipeline import extract_text
from slaextract.rules import RuleSet

CONTRACT = (
    "Support is available 24x7 by phone and email.\n\n"
    "SLOWPOKE the service desk takes questions.\n\n"
    "Severity 1 incidents: initial response within 15 minutes.\n"
)


def test_a_file_of_nul_bytes_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "zeros.txt"
    path.write_bytes(bytes(1 << 20))
    result = batch.run_one(path, isolate=False)
    assert isinstance(result, InputError)
    assert result.message == "binary data (NUL bytes), not a text file"


def test_utf16_text_with_a_byte_order_mark_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(CONTRACT.encode("utf-16"))
    result = batch.run_one(path, isolate=False)
    assert isinstance(result, ClauseSummary)
    assert {c.channel for c in result.channels} == {"phone", "email"}


@pytest.fixture
def fresh_worker(monkeypatch: pytest.MonkeyPatch):
    """A worker forked from this test (so it inherits the test's patches), stopped afterwards."""
    batch.stop_worker()  # the next document forks a new worker, after the test's patches
    yield
    batch.stop_worker()


def test_text_files_are_read_in_the_worker_not_in_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_worker: None
) -> None:
    path, seen = tmp_path / "contract.txt", tmp_path / "reader-pid"
    path.write_text(CONTRACT, encoding="utf-8")
    real = pdf.read_text

    def spy(p: Path):
        seen.write_text(str(os.getpid()))
        return real(p)

    monkeypatch.setattr(pdf, "read_text", spy)
    assert isinstance(batch.run_one(path), ClauseSummary)
    assert int(seen.read_text()) != os.getpid()


def test_a_text_file_past_the_memory_cap_ends_that_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_worker: None
) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * (24 << 20))
    monkeypatch.setenv("SLAEXTRACT_MAX_MEMORY_MB", "16")
    result = batch.run_one(path)
    assert isinstance(result, LimitError)
    assert "memory" in result.message


def test_a_regex_timeout_skips_its_passage_with_a_warning_naming_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    real = RuleSet.may_match

    def slow_on_one_passage(self, term, text, lang=None):
        if "SLOWPOKE" in text:
            raise TimeoutError("regex timed out")
        return real(self, term, text, lang)

    monkeypatch.setattr(RuleSet, "may_match", slow_on_one_passage)
    summary = extract_text(CONTRACT)
    assert summary.warnings == [
        "page 1: a passage took too long to match and was skipped: "
        "SLOWPOKE the service desk takes questions."
    ]
    assert [rt.minutes for rt in summary.response_times] == [15.0]
    assert {c.channel for c in summary.channels} == {"phone", "email"}  # not the service desk's ticket


def test_a_document_that_keeps_timing_out_stops_with_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def always_slow(self, term, text, lang=None):
        raise TimeoutError("regex timed out")

    monkeypatch.setattr(RuleSet, "may_match", always_slow)
    with pytest.raises(LimitError, match="regex timed out"):
        extract_text(CONTRACT * 3)


@pytest.mark.parametrize(
    "text",
    [
        "Support questions about what we call the Core Services go to your administrator.",
        "乙方负责协调施工单位，配合甲方处理故障问题。",
        "技术支持人员的人工单价按附件计算，故障问题另行约定。",
    ],
)
def test_words_that_only_look_like_a_channel_are_not_one(text: str) -> None:
    assert extract_text(text).channels == []
