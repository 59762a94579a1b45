"""A PDF's error names its own cause, whatever document the same process read before it.

PDFium's last-error code is process-wide and never reset; a batch reads document after document
in one worker, so an error read at the wrong moment names the previous file's problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from make_malformed import CASES, make
from sequential_worker import Worker

from slaextract.errors import SlaError
from slaextract.pdf import read_document

# every kind of PDF the malformed corpus holds but the slow ones (a 1 GB bomb, 2,000 pages)
PDF_KINDS = [n for n in CASES if n.endswith(".pdf") and n not in ("inflate-bomb.pdf", "two-thousand-pages.pdf")]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make(tmp_path_factory.mktemp("stale"), PDF_KINDS)


def outcome(path: Path) -> str:
    """What reading the file in this process gives (the reader is where PDFium's state lives)."""
    try:
        read_document(path)
    except SlaError as exc:
        return exc.message
    return "summary"


def alone(path: Path) -> str:
    """The outcome in a fresh worker that has read nothing before."""
    worker = Worker()
    try:
        result = worker.run(path, None, None, 30)
    finally:
        worker.stop(kill=True)
    return result.message if isinstance(result, SlaError) else "summary"


def test_a_pdf_without_pages_is_not_reported_as_encrypted_after_an_encrypted_one(files: dict[str, Path]) -> None:
    assert outcome(files["encrypted.pdf"]) == "PDF is encrypted; pass --password"
    assert outcome(files["zero-pages.pdf"]) == "PDF has no pages"


# the files PDFium refuses (the others are read, their damage repaired)
REFUSED = [
    n for n in PDF_KINDS if n not in ("valid.pdf", "broken-xref.pdf", "bad-startxref.pdf", "broken-xref-with-table.pdf")
]


@pytest.mark.parametrize("name", REFUSED)
def test_the_same_bad_file_gets_the_same_message_after_every_other_kind(files: dict[str, Path], name: str) -> None:
    expected = alone(files[name])
    after = {before: (outcome(files[before]), outcome(files[name]))[1] for before in PDF_KINDS if before != name}
    assert after == dict.fromkeys(after, expected)
