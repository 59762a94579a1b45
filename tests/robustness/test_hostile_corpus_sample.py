"""A sample of ../shared/corpus/hostile (PDFs from PDF libraries' own test suites) read one after
another by one worker, as a batch reads them, and each by a fresh worker, as a run on its own
does: the same summary or the same error message either way. `python -m fuzz.sweep` does this for
the whole corpus through the CLI (README, Robustness)."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import SHARED
from sequential_worker import Worker

from slaextract.errors import SlaError
from slaextract.rules import default_rules

HOSTILE = SHARED / "corpus" / "hostile"
# Files with no pages, each read after an encrypted or a damaged one (a batch once reported them
# as encrypted or damaged: PDFium's stale last error), and a spread of the rest to make ten
NAMED = [
    "jsvine+pdfplumber__tests_pdfs_password-example.pdf",  # encrypted
    "mozilla+pdf.js__test_pdfs_REDHAT-1531897-0.pdf",  # damaged
    "mozilla+pdf.js__test_pdfs_issue19484_2.pdf",  # no pages
    "py-pdf+pypdf__resources_encrypted-file.pdf",  # encrypted
    "qpdf+qpdf__qpdf_qtest_qpdf_bad7.pdf",  # damaged
    "qpdf+qpdf__qpdf_qtest_qpdf_c-empty.pdf",  # no pages
    "qpdf+qpdf__qpdf_qtest_qpdf_empty.pdf",  # no pages
]
SAMPLE = 10
SMALL_BYTES = 16_000

pytestmark = pytest.mark.skipif(not HOSTILE.is_dir(), reason="../shared/corpus/hostile is absent")


def sample() -> list[Path]:
    files = sorted(HOSTILE.glob("*.pdf"))
    picked = [f for f in files if f.name in NAMED]
    small = [f for f in files if f.stat().st_size < SMALL_BYTES and f not in picked]  # keeps the suite fast
    step = max(len(small) // (SAMPLE - len(picked)), 1)
    return sorted({*picked, *small[::step][: SAMPLE - len(picked)]})


def outcome(worker: Worker, path: Path) -> str:
    result = worker.run(path, None, None, 60)
    if isinstance(result, SlaError):
        return "error: " + result.message
    return result.model_dump_json(exclude={"document": {"path"}})


def test_a_sample_of_hostile_pdfs_reads_the_same_in_a_batch_and_alone() -> None:
    files = sample()
    default_rules()  # compiled once here and inherited by every worker, as batch.run_in_worker does
    batch = Worker()
    try:
        in_batch = [outcome(batch, f) for f in files]
    finally:
        batch.stop(kill=True)
    alone = []
    for f in files:
        worker = Worker()
        try:
            alone.append(outcome(worker, f))
        finally:
            worker.stop(kill=True)
    assert {f.name: o for f, o in zip(files, in_batch, strict=True)} == {
        f.name: o for f, o in zip(files, alone, strict=True)
    }
