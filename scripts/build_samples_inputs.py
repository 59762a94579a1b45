#!/usr/bin/env python3
"""Build the non-PDF samples: Word drafts with tracked changes, scanned PDFs, .docx copies of samples.

    python scripts/build_samples_inputs.py            # samples/docx/*.docx and samples/scanned/*.pdf
    python scripts/build_samples_inputs.py --expected # and rewrite their .expected.json from the readers

Needs python-docx (writing .docx; the reader itself uses lxml) and Pillow (the image-only PDF),
both in the ``samples`` extra. The files are committed, so tests never need this script.

- samples/docx/en-draft-weak-to-strong.docx: a weak SLA whose tracked changes make it strong;
  en-draft-strong-to-weak.docx: the same edits the other way. Both carry a reviewer comment and a
  running header that must stay out of the terms.
- samples/scanned/*.pdf: pages of the English and Chinese samples rasterised at 200 dpi and
  wrapped into image-only PDFs (no text layer), read by OCR.
The benchmark (benchmarks/bench_readers.py) uses ``scan_pdf`` and ``docx_from_source`` on whole
documents, into a cache folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCAN_DPI = 200
AUTHOR = "R. Okafor (Procurement)"
DATE = "2026-01-12T09:30:00Z"
# (sample, pages) → a scanned excerpt: the pages that hold its service-level terms
SCANNED = {"en-msa-sla-exhibit": [5], "zh-tech-service-contract": [4]}

# A draft as paragraphs of pieces: (change, text) where change is "" (unchanged), "ins" or "del"
# as seen in the weak-to-strong direction; the strong-to-weak draft swaps them.
Piece = tuple[str, str]
DRAFT: list[tuple[str, object]] = [
    ("h1", "Exhibit B - Support and Service Levels"),
    ("h2", "B1 Support hours"),
    ("p", [("", "B1.1 Supplier's service desk is staffed "), ("del", "from 9:00 to 17:00, Monday to Friday"),
           ("ins", "24x7, every day of the year"), ("", ".")]),
    ("h2", "B2 Contacting support"),
    ("p", [("", "B2.1 Customer may report incidents by email"),
           ("ins", ", by telephone and through the support portal"), ("", ".")]),
    ("h2", "B3 Response and resolution"),
    ("p", [("", "B3.1 Supplier shall respond to incidents within the following times.")]),
    ("table", [
        [[("", "Severity")], [("", "Response time")], [("", "Resolution time")]],
        [[("", "Severity 1")], [("del", "1 business day"), ("ins", "15 minutes")],
         [("del", "10 business days"), ("ins", "4 hours")]],
        [[("", "Severity 2")], [("del", "2 business days"), ("ins", "1 hour")],
         [("del", "20 business days"), ("ins", "1 business day")]],
    ]),
    ("h2", "B4 Availability and service credits"),
    ("comment", [("", "B4.1 Supplier shall make the Service available "), ("del", "99.0%"), ("ins", "99.9%"),
                 ("", " of the time in each calendar month.")]),
    ("p", [("", "B4.2 If Supplier misses the availability commitment, Customer is entitled to the service "
                "credit below, as a percentage of the monthly fees.")]),
    ("table", [
        [[("", "Monthly availability")], [("", "Service credit")]],
        [[("", "Below "), ("del", "99.0%"), ("ins", "99.9%")], [("del", "2%"), ("ins", "10%")]],
        ("ins-row", [[("", "Below 99.0%")], [("", "25%")]]),
    ]),
    ("p", [("", "B4.3 Service credits in any month shall not exceed "), ("del", "5%"), ("ins", "30%"),
           ("", " of the monthly fees for that month.")]),
    ("p", [("", "B4.4 Customer must claim a service credit within "), ("del", "5 days"), ("ins", "30 days"),
           ("", " after the end of the month in which the Service was unavailable.")]),
]  # fmt: skip
COMMENT = "Legal: the availability figure was agreed on the call of 9 January; keep it."
HEADER = "Confidential draft v3 - not for signature"


# ---------------------------------------------------------------- Word drafts with tracked changes


def build_draft(dst: Path, swap: bool) -> None:
    import docx  # noqa: PLC0415
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    ids = itertools.count(1)
    flip = {"ins": "del", "del": "ins", "": ""} if swap else {"ins": "ins", "del": "del", "": ""}

    def run(text: str, deleted: bool):
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        return r

    def change(kind: str):
        el = OxmlElement(f"w:{kind}")
        el.set(qn("w:id"), str(next(ids)))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), DATE)
        return el

    def fill(p, pieces: list[Piece]) -> None:
        for kind, text in pieces:
            kind = flip[kind]
            if not kind:
                p.append(run(text, False))
                continue
            wrapper = change(kind)
            wrapper.append(run(text, kind == "del"))
            p.append(wrapper)

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    for kind, content in DRAFT:
        if kind in ("h1", "h2"):
            document.add_heading(str(content), level=int(kind[1]))
        elif kind in ("p", "comment"):
            paragraph = document.add_paragraph()
            fill(paragraph._p, content)  # type: ignore[arg-type]
            if kind == "comment":
                anchor = paragraph.add_run("")
                document.add_comment([anchor], text=COMMENT, author=AUTHOR, initials="RO")
        else:
            add_table(document, content, fill, change, flip)  # type: ignore[arg-type]
    dst.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(dst))


def add_table(document, rows: list, fill, change, flip) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        cells = row
        if isinstance(row, tuple):  # ("ins-row", cells): a row inserted (deleted, once swapped) as a whole
            table.rows[r]._tr.get_or_add_trPr().append(change(flip["ins"]))
            cells = [[("ins", text) for _, text in cell] for cell in row[1]]
        for c, pieces in enumerate(cells):
            fill(table.cell(r, c).paragraphs[0]._p, pieces)


# ---------------------------------------------------------------- scanned PDFs


def scan_pdf(src: Path, dst: Path, pages: list[int] | None = None, dpi: int = SCAN_DPI) -> Path:
    """Rasterise pages (1-based; all by default) at ``dpi`` into an image-only PDF of the same page size."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    pdf = pdfium.PdfDocument(str(src))
    try:
        numbers = pages or list(range(1, len(pdf) + 1))
        images = [pdf[n - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for n in numbers]
    finally:
        pdf.close()
    dst.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(str(dst), "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return dst


def text_excerpt(src: Path, dst: Path, pages: list[int]) -> Path:
    """The same pages with their text layer: what the scanned excerpt must read like."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    out = pdfium.PdfDocument.new()
    pdf = pdfium.PdfDocument(str(src))
    out.import_pages(pdf, [n - 1 for n in pages])
    dst.parent.mkdir(parents=True, exist_ok=True)
    out.save(str(dst))
    return dst


# ---------------------------------------------------------------- a .docx copy of any document


def docx_from_source(src: Path, dst: Path) -> Path:
    """A Word file with the structure the readers find in ``src`` (headings, paragraphs, tables)."""
    import docx  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "src"))
    from slaextract.pdf import read_document  # noqa: PLC0415

    doc = read_document(src)
    heading_at = {h.start: h.level for h in doc.headings}
    document = docx.Document()
    tables_done: set[int] = set()
    for block in doc.blocks:
        text = doc.text[block.start : block.end]
        if block.kind == "row" and block.table is not None:
            if block.table not in tables_done:
                tables_done.add(block.table)
                write_table(document, doc, block.table)
        elif block.start in heading_at:
            document.add_heading(text, level=min(heading_at[block.start], 9))
        else:
            document.add_paragraph(text)
    dst.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(dst))
    return dst


def write_table(document, doc, index: int) -> None:
    rows = doc.tables[index].rows
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is not None:
                table.cell(r, c).text = doc.cell_text(cell)
        for c, cell in enumerate(row):  # a merged cell: None to the right of its first column
            if cell is None and c > 0:
                table.cell(r, c - 1).merge(table.cell(r, c))


# ---------------------------------------------------------------- main


def build_all() -> list[Path]:
    built = []
    build_draft(SAMPLES / "docx" / "en-draft-weak-to-strong.docx", swap=False)
    build_draft(SAMPLES / "docx" / "en-draft-strong-to-weak.docx", swap=True)
    built += [SAMPLES / "docx" / "en-draft-weak-to-strong.docx", SAMPLES / "docx" / "en-draft-strong-to-weak.docx"]
    for name, pages in SCANNED.items():
        built.append(scan_pdf(SAMPLES / f"{name}.pdf", SAMPLES / "scanned" / f"{name}-scanned.pdf", pages))
    return built


def write_expected(inputs: list[Path]) -> None:
    """Each sample's summary as its reader gives it; a scanned excerpt's is its text layer's (what OCR must match)."""
    import tempfile  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "src"))
    from slaextract import extract  # noqa: PLC0415

    for path in inputs:
        source = path
        if path.parent.name == "scanned":
            name = path.stem.removesuffix("-scanned")
            source = text_excerpt(SAMPLES / f"{name}.pdf", Path(tempfile.mkdtemp()) / f"{name}.pdf", SCANNED[name])
        summary = json.loads(extract(source).model_dump_json())
        summary["document"]["path"] = str(path.relative_to(ROOT))
        target = path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")
        target.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{target.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expected", action="store_true", help="also rewrite each sample's .expected.json")
    args = parser.parse_args()
    built = build_all()
    for path in built:
        print(path.relative_to(ROOT))
    if args.expected:
        write_expected([*built, *sorted((SAMPLES / "web").glob("*.html"))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
