#!/usr/bin/env python3
"""Fill the evidence locations of hand-written gold files from their PDFs.

Usage: python scripts/fill_evidence.py [--check] PATH ...

PATH is a gold file (NAME.gold.json or NAME.expected.json, with NAME.pdf
beside it) or a directory holding such files. For every evidence object (the
items of the five lists, and `scalar_evidence`) the script finds the evidence
`text` in the PDF and writes `page` (1-based) and `bbox` ([x0, top, x1,
bottom] in PDF points from the top-left corner, as pdfplumber reports them,
rounded to 1 decimal). It also writes `document.sha256` and
`document.pages`. It never changes a value: after filling, everything except
evidence locations and those two document fields is compared with the input,
and the file is not written if anything else differs.

How text is found:
  * a table row is written as its cells joined by " | "; it is first matched
    against the rows pdfplumber's table finder reports (the row's bbox is
    used), then, failing that, searched as running text;
  * running text is searched in the page's words in content-stream order
    (so a sentence inside one column of a two-column page is found whole),
    comparing after Unicode normalisation, with quotes/dashes unified and
    whitespace ignored.
A `page` already present in the gold is tried first (use it to pick one of
several identical passages). An evidence text that cannot be found is an
error: nothing is written for that file, and the exit status is 1.

--check  locate everything and report, but write nothing.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

import pdfplumber

LISTS = ("coverage", "response_times", "channels", "availability", "service_credits")
SUFFIXES = (".gold.json", ".expected.json")
TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)


def squash(text: str) -> str:
    """Normalise for comparison: NFKC, unified quotes and dashes, no whitespace, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(TRANSLATE)
    return "".join(text.split()).lower()


class Page:
    """One PDF page's words in content-stream order, with a whitespace-free index into them."""

    def __init__(self, page: pdfplumber.page.Page) -> None:
        self.page = page
        self.number = page.page_number
        self.words = page.extract_words(use_text_flow=True, keep_blank_chars=False)
        parts, owner = [], []
        for i, w in enumerate(self.words):
            s = squash(w["text"])
            parts.append(s)
            owner.extend([i] * len(s))
        self.flat = "".join(parts)
        self.owner = owner
        self._rows: list[tuple[str, tuple]] | None = None

    def search_text(self, text: str) -> list[list[float]]:
        needle = squash(text)
        hits, start = [], 0
        while needle:
            i = self.flat.find(needle, start)
            if i < 0:
                break
            ws = [self.words[k] for k in sorted(set(self.owner[i : i + len(needle)]))]
            hits.append([min(w["x0"] for w in ws), min(w["top"] for w in ws),
                         max(w["x1"] for w in ws), max(w["bottom"] for w in ws)])
            start = i + 1
        return hits

    def table_rows(self) -> list[tuple[str, tuple]]:
        if self._rows is None:
            self._rows = []
            for table in self.page.find_tables():
                for row in table.rows:
                    cells = []
                    for cell in row.cells:
                        if cell is None:
                            continue
                        txt = self.page.crop(cell, strict=False).extract_text() or ""
                        cells.append(" ".join(txt.split()))
                    self._rows.append((squash("|".join(c for c in cells)), row.bbox))
        return self._rows

    def search_row(self, text: str) -> list[list[float]]:
        cells = [c.strip() for c in text.split(" | ")]
        needle = squash("|".join(cells))
        hits = [list(bbox) for key, bbox in self.table_rows() if key == needle]
        return hits or self.search_text(" ".join(cells))


def locate(pages: list[Page], text: str, hint: int | None) -> tuple[int, list[float]]:
    order = sorted(pages, key=lambda p: (p.number != hint, p.number))
    found = [(p.number, hit) for p in order
             for hit in (p.search_row(text) if " | " in text else p.search_text(text))]
    if not found:
        raise LookupError(text)
    if len(found) > 1 and hint is None:
        print(f"  note: {len(found)} places match {text[:60]!r}; took page {found[0][0]}"
              " (set a page in the gold to choose)", file=sys.stderr)
    return found[0][0], [round(v, 1) for v in found[0][1]]


def evidences(gold: dict):
    for key in LISTS:
        for item in gold.get(key) or []:
            if isinstance(item.get("evidence"), dict):
                yield f"{key}", item["evidence"]
    for key, ev in (gold.get("scalar_evidence") or {}).items():
        if isinstance(ev, dict):
            yield f"scalar_evidence.{key}", ev


def strip_locations(gold: dict) -> dict:
    g = copy.deepcopy(gold)
    g.get("document", {}).pop("sha256", None)
    g.get("document", {}).pop("pages", None)
    for _, ev in evidences(g):
        ev.pop("page", None)
        ev.pop("bbox", None)
    return g


def pdf_for(gpath: Path) -> Path:
    for suffix in SUFFIXES:
        if gpath.name.endswith(suffix):
            return gpath.with_name(gpath.name[: -len(suffix)] + ".pdf")
    raise ValueError(f"{gpath}: not a gold file")


def fill(gpath: Path, write: bool) -> list[str]:
    pdf = pdf_for(gpath)
    gold = json.loads(gpath.read_text(encoding="utf-8"))
    before = strip_locations(gold)
    errors = []
    with pdfplumber.open(pdf) as doc:
        pages = [Page(p) for p in doc.pages]
        doc_info = gold.setdefault("document", {})
        doc_info["sha256"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
        doc_info["pages"] = len(pages)
        for where, ev in evidences(gold):
            try:
                ev["page"], ev["bbox"] = locate(pages, ev.get("text", ""), ev.get("page"))
            except LookupError:
                errors.append(f"{gpath.name}: {where}: not found in {pdf.name}: {ev.get('text')!r}")
    if strip_locations(gold) != before:
        errors.append(f"{gpath.name}: filling would change values; not written")
    if not errors and write:
        gpath.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return errors


def gold_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for s in SUFFIXES for f in p.glob("*" + s))
        else:
            out.append(p)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--check", action="store_true", help="locate and report, write nothing")
    args = ap.parse_args(argv)
    files = gold_files(args.paths)
    errors: list[str] = []
    for f in files:
        errs = fill(f, write=not args.check)
        errors += errs
        print(f"{f.name}: {'ERROR' if errs else 'ok'}")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
