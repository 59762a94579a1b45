"""The progress bar appears only on a terminal outside CI; the summary names every failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaextract.batch.progress import Tally, wants_progress
from slaextract.batch.scheduler import Outcome
from slaextract.errors import LimitError


@pytest.mark.parametrize(("stdout", "stderr", "environ", "shown"), [
    (True, True, {}, True),
    (False, True, {}, False),  # results piped or redirected
    (True, False, {}, False),  # stderr captured in a log
    (True, True, {"CI": "true"}, False),
    (True, True, {"GITHUB_ACTIONS": "true"}, False),
])
def test_bar_only_on_a_terminal_outside_ci(stdout: bool, stderr: bool, environ: dict[str, str], shown: bool) -> None:
    assert wants_progress(stdout, stderr, environ) is shown


def test_summary_counts_documents_pages_and_failures(capsys: pytest.CaptureFixture[str]) -> None:
    tally = Tally(show=False)
    tally.begin(2)
    tally.finished(Outcome(0, Path("a.pdf"), LimitError("took longer than --timeout 1 s", "a.pdf")))
    tally.finished(Outcome(1, Path("b.pdf"), LimitError("x", "b.pdf"), reused=True))
    first, *failures = tally.summary()
    assert first.startswith("slaextract: 2 documents (1 reused), 0 pages read in ")
    assert first.endswith("; 2 failed")
    assert failures == ["  failed: a.pdf: took longer than --timeout 1 s", "  failed: b.pdf: x"]
    tally.close(summary=True)
    assert capsys.readouterr().err == ""  # no terminal, no summary: the output stays the results
