"""Word files: tracked changes, comments, footnotes, merged cells, and the packages refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx_parts import DOCM_MAIN, W_NS, body, para, write_docx
from paths import ROOT
from scoring import FIELDS, keys

from slaextract import extract
from slaextract.errors import EncryptedError, InputError, LimitError
from slaextract.pdf import read_document

DOCX = ROOT / "samples" / "docx"
WEAK_TO_STRONG = DOCX / "en-draft-weak-to-strong.docx"
STRONG_TO_WEAK = DOCX / "en-draft-strong-to-weak.docx"


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [WEAK_TO_STRONG, STRONG_TO_WEAK], ids=lambda p: p.name)
def test_draft_reads_as_its_changes_accepted(path: Path) -> None:
    got = extract(path).model_dump(mode="json")
    for field in FIELDS:
        assert keys(got, field) == keys(expected(path), field), field
    for item in got["response_times"] + got["availability"] + got["channels"]:
        assert item["evidence"]["page"] is None and item["evidence"]["bbox"] is None
        assert item["evidence"]["location"].startswith("Exhibit B - Support and Service Levels › B")


def test_rejecting_the_changes_reads_the_original() -> None:
    """Weak-to-strong with its changes rejected is the weak draft: the other file, accepted."""
    rejected = extract_with(WEAK_TO_STRONG, "reject")
    for field in FIELDS:
        assert keys(rejected, field) == keys(expected(STRONG_TO_WEAK), field), field


def extract_with(path: Path, changes: str) -> dict:
    from slaextract.pipeline import summarize

    return summarize(read_document(path, changes=changes), path=str(path)).model_dump(mode="json")


def test_deleted_text_never_yields_a_term() -> None:
    doc = read_document(WEAK_TO_STRONG)
    for deleted in ("9:00 to 17:00", "99.0% of the time", "10 business days", "within 5 days"):
        assert deleted not in doc.text
    strong = extract(WEAK_TO_STRONG)
    assert [a.percent for a in strong.availability] == [99.9]
    assert strong.claim_window_days == 30.0


def test_comments_are_warnings_and_headers_stay_out() -> None:
    doc = read_document(WEAK_TO_STRONG)
    assert "Confidential draft" not in doc.text  # the running header
    assert "agreed on the call" not in doc.text  # the comment
    comment = next(w for w in doc.warnings if w.startswith("comment by"))
    assert "R. Okafor" in comment and "¶ 9" in comment
    assert any(w.startswith("tracked changes:") for w in doc.warnings)
    assert [(h.level, h.title) for h in doc.headings][:2] == [
        (1, "Exhibit B - Support and Service Levels"),
        (2, "B1 Support hours"),
    ]


def test_footnotes_follow_their_paragraph_and_merged_cells(tmp_path: Path) -> None:
    ref = '<w:r><w:footnoteReference w:id="2"/></w:r>'
    cell = '<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'
    restart, span = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>'
    rows = [
        cell.format(pr=restart, text="Severity 1") + cell.format(pr="", text="Response"),
        cell.format(pr="<w:vMerge/>", text="") + cell.format(pr="", text="30 minutes"),
        cell.format(pr=span, text="Both columns"),
    ]
    table = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    document = body(para("Support is available 24x7.").replace("</w:p>", ref + "</w:p>") + table)
    footnotes = (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:t>--</w:t></w:r></w:p>'
        '</w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Excluding planned maintenance.</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    doc = read_document(write_docx(tmp_path / "f.docx", document, {"word/footnotes.xml": footnotes}))
    assert doc.text.startswith("Support is available 24x7.\n\nExcluding planned maintenance.\n\n")
    rows = [[None if c is None else doc.cell_text(c) for c in row] for row in doc.tables[0].rows]
    assert rows == [["Severity 1", "Response"], ["Severity 1", "30 minutes"], ["Both columns", None]]


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", body(para("x")))
        z.writestr("word/media/filler.bin", b"\0" * (65 << 20))  # inflates 65 MB from ~64 KB
    return path


@pytest.mark.parametrize(
    ("make", "error", "phrase"),
    [
        (lambda p: write_docx(p, body(para("x")), main=DOCM_MAIN), InputError, "macro-enabled Word file (.docm)"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
         and p, EncryptedError, "password-protected Word file"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600) and p, InputError, "legacy Office"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x14\x00" * 40) and p, InputError, "damaged or truncated Word"),
        (lambda p: write_docx(p, "<w:document><unclosed"), InputError, "not well-formed XML"),
        (zip_bomb, LimitError, "zip bomb"),
    ],
    ids=["docm", "encrypted", "legacy-doc", "corrupt-zip", "bad-xml", "zip-bomb"],
)
def test_refused_word_files_say_why(make, error: type, phrase: str, tmp_path: Path) -> None:
    path = tmp_path / "contract.docx"
    make(path)
    with pytest.raises(error) as raised:
        read_document(path)
    assert phrase in str(raised.value) and "\n" not in str(raised.value)


def test_cli_refuses_a_docm_in_one_line_with_exit_2(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "draft.docx", body(para("Support 24x7.")), main=DOCM_MAIN)
    done = subprocess.run([sys.executable, "-m", "slaextract", "extract", str(path)], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "macro-enabled" in done.stderr


def test_cli_rejects_an_unknown_changes_mode() -> None:
    from typer.testing import CliRunner

    from slaextract.cli import app

    done = CliRunner().invoke(app, ["extract", str(WEAK_TO_STRONG), "--changes", "merge"])
    assert done.exit_code == 2 and "unknown --changes 'merge'" in done.output
