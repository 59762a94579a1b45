"""The web-page and scanned samples give the summaries their .expected.json files record.

A scanned sample's expected summary is its text layer's (scripts/build_samples_inputs.py): OCR must
find the same terms. The OCR tests need the ``ocr`` extra and skip only where it is not installed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT
from scoring import FIELDS, keys

from slaextract import extract
from slaextract.readers.ocr import ocr_available

WEB = ROOT / "samples" / "web" / "en-support-web-page.html"
SCANNED = sorted((ROOT / "samples" / "scanned").glob("*.pdf"))
needs_ocr = pytest.mark.skipif(not ocr_available(), reason="the ocr extra (rapidocr-onnxruntime) is not installed")


def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


def test_web_page_sample_matches_expected() -> None:
    got = extract(WEB).model_dump(mode="json")
    for field in FIELDS:
        assert keys(got, field) == keys(expected(WEB), field), field
    # the navigation's, the script's, the hidden promotion's and the footer's figures are not terms
    assert [a["percent"] for a in got["availability"]] == [99.95]
    assert all(c["credit_percent"] < 100 for c in got["service_credits"])
    assert {c["channel"] for c in got["channels"]} == {"ticket", "email", "phone"}
    assert got["coverage"][0]["evidence"]["location"].endswith("3. Support › 3.2 Support hours, ¶ 17")


@pytest.fixture(scope="module")
def scanned() -> dict[str, dict]:
    """Read through the CLI: OCR's large buffers stay out of the test process (whose freed heap
    would otherwise let a later forked worker grow without touching its memory cap)."""
    if not ocr_available():
        return {}
    runs = [
        subprocess.run([sys.executable, "-m", "slaextract", "extract", str(p), "--timeout", "600"], capture_output=True,
                       text=True, check=True)
        for p in SCANNED
    ]  # fmt: skip
    return {path.name: json.loads(run.stdout) for path, run in zip(SCANNED, runs, strict=True)}


@needs_ocr
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_scanned_sample_reads_like_its_text_layer(path: Path, scanned: dict[str, dict]) -> None:
    got = scanned[path.name]
    for field in FIELDS:
        assert keys(got, field) == keys(expected(path), field), field
    assert re.match(r"read by OCR: page\(s\) 1 \(mean confidence (0\.9\d|1\.00)\)", got["warnings"][0])


@needs_ocr
def test_ocr_evidence_points_at_the_scanned_line(scanned: dict[str, dict]) -> None:
    got = scanned["en-msa-sla-exhibit-scanned.pdf"]
    row = next(r for r in got["response_times"] if r["priority"] == "Severity 1" and r["kind"] == "response")
    assert row["evidence"]["ocr"] is True and row["evidence"]["page"] == 1
    assert row["evidence"]["text"] == "Severity 1 | 15 minutes | 4 hours | every 30 minutes"  # a table row, cell by cell
    # the same row in the text-layer PDF sits within a few points of where OCR found it
    x0, top, x1, bottom = row["evidence"]["bbox"]
    tx0, ttop, tx1, tbottom = expected(SCANNED[0])["response_times"][0]["evidence"]["bbox"]
    assert abs(x0 - tx0) < 8 and abs(top - ttop) < 8 and abs(bottom - tbottom) < 8


def test_ocr_never_on_a_scan_says_how_to_read_it() -> None:
    from slaextract.errors import NoTextError
    from slaextract.pdf import read_document

    with pytest.raises(NoTextError, match="run with --ocr auto"):
        read_document(SCANNED[0], ocr="never")


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from slaextract.errors import InputError, NoTextError
    from slaextract.pdf import read_document
    from slaextract.readers import ocr, pdfscan

    monkeypatch.setattr(pdfscan, "ocr_available", lambda: False)
    with pytest.raises(NoTextError, match=r"pip install 'slaextract\[ocr\]'"):
        read_document(SCANNED[0], ocr="auto")
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setitem(__import__("sys").modules, "rapidocr_onnxruntime", None)  # import fails
    with pytest.raises(InputError, match=r"OCR needs the ocr extra: pip install 'slaextract\[ocr\]'"):
        read_document(SCANNED[0], ocr="always")
