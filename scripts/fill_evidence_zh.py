#!/usr/bin/env python3
"""Fill the layout facts of hand-written gold files from their PDFs.

Usage: python scripts/fill_evidence_zh.py PATH...

PATH is a NAME.gold.json / NAME.expected.json file, or a folder of them; the
PDF is NAME.pdf beside it. The annotator writes every evidence's `text` (a
sentence copied from the document, or a table row with its cells joined by
" | "); this script sets `document.sha256`, `document.pages`, and each
evidence's `page` and `bbox` ([x0, top, x1, bottom] in PDF points from the
top-left, as pdfplumber reports them). An evidence `page` already present is
only a hint when the text occurs on several pages.

Matching ignores white space (wrapped lines, justified CJK spacing). Text is
looked for in reading order on the whole page, then inside each half of the
page (two-column layouts) and inside each table cell (text wrapped within a
cell). A table row is found cell by cell: the cells must sit on one page, and
the nearest candidates vertically are taken. Exits 1, naming the evidence,
when a text cannot be found.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

LINE_TOLERANCE = 3.0  # chars whose tops differ by less than this share a line
SEPARATOR = " | "


@dataclass(frozen=True)
class Match:
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float

    def gap(self, other: Match) -> float:
        """Vertical distance between two boxes (0 when they overlap)."""
        return max(0.0, self.top - other.bottom, other.top - self.bottom)

    def union(self, other: Match) -> Match:
        return Match(self.page, min(self.x0, other.x0), min(self.top, other.top),
                     max(self.x1, other.x1), max(self.bottom, other.bottom))


def squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def reading_order(chars: list[dict]) -> list[dict]:
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(ch["top"] - lines[-1][0]["top"]) < LINE_TOLERANCE:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [ch for line in lines for ch in sorted(line, key=lambda c: c["x0"])]


def inside(ch: dict, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


class PageIndex:
    """The page's characters in several reading orders, for substring search."""

    def __init__(self, page, number: int):
        self.number = number
        chars = [c for c in page.chars if not c["text"].isspace()]
        half = page.width / 2
        groups = [chars,
                  [c for c in chars if (c["x0"] + c["x1"]) / 2 < half],
                  [c for c in chars if (c["x0"] + c["x1"]) / 2 >= half]]
        for table in page.find_tables():
            groups += [[c for c in chars if inside(c, cell)] for cell in table.cells]
        self.regions = []
        for group in groups:
            ordered = reading_order(group)
            self.regions.append((ordered, "".join(squash(c["text"]) for c in ordered)))

    def find(self, needle: str) -> list[Match]:
        found: dict[tuple, Match] = {}
        for ordered, text in self.regions:
            start = text.find(needle)
            while start >= 0:
                hit = ordered[start:start + len(needle)]
                ids = tuple(sorted((round(c["x0"], 1), round(c["top"], 1)) for c in hit))
                if ids not in found:
                    found[ids] = Match(self.number, min(c["x0"] for c in hit), min(c["top"] for c in hit),
                                       max(c["x1"] for c in hit), max(c["bottom"] for c in hit))
                start = text.find(needle, start + 1)
        return sorted(found.values(), key=lambda m: (m.top, m.x0))


def locate(pages: list[PageIndex], text: str, hint: int | None) -> Match | None:
    cells = [squash(c) for c in text.split(SEPARATOR)]
    cells = [c for c in cells if c]
    best: tuple[tuple, Match] | None = None
    for index in pages:
        cands = [index.find(c) for c in cells]
        if not all(cands):
            continue
        anchor_i = max(range(len(cells)), key=lambda i: len(cells[i]))
        for anchor in cands[anchor_i]:
            box, cost = anchor, 0.0
            for i, options in enumerate(cands):
                if i == anchor_i:
                    continue
                pick = min(options, key=lambda m: (anchor.gap(m), abs(m.top - anchor.top)))
                cost += anchor.gap(pick)
                box = box.union(pick)
            rank = (cost, 0 if index.number == hint else 1, index.number, anchor.top)
            if best is None or rank < best[0]:
                best = (rank, box)
    return None if best is None else best[1]


def evidences(gold: dict):
    for key in ("coverage", "response_times", "channels", "availability", "service_credits"):
        for item in gold.get(key, []):
            yield f"{key}: {item}", item["evidence"]
    for key, ev in (gold.get("scalar_evidence") or {}).items():
        yield f"scalar_evidence.{key}", ev


def fill(gpath: Path) -> list[str]:
    stem = gpath.name.split(".")[0]
    pdf = gpath.with_name(stem + ".pdf")
    gold = json.loads(gpath.read_text(encoding="utf-8"))
    errs = []
    with pdfplumber.open(pdf) as doc:
        pages = [PageIndex(p, i + 1) for i, p in enumerate(doc.pages)]
        gold["document"]["path"] = pdf.name
        gold["document"]["sha256"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
        gold["document"]["pages"] = len(doc.pages)
        for what, ev in evidences(gold):
            m = locate(pages, ev["text"], ev.get("page"))
            if m is None:
                errs.append(f"{gpath.name}: not found: {ev['text']!r} ({what[:60]})")
                continue
            text = ev.pop("text")
            ev.pop("page", None), ev.pop("bbox", None)
            ev.update(page=m.page, text=text,
                      bbox=[round(m.x0, 2), round(m.top, 2), round(m.x1, 2), round(m.bottom, 2)])
    out = json.dumps(gold, ensure_ascii=False, indent=2)
    out = re.sub(r"\[\s+([-\d.]+),\s+([-\d.]+),\s+([-\d.]+),\s+([-\d.]+)\s+\]", r"[\1, \2, \3, \4]", out)
    gpath.write_text(out + "\n", encoding="utf-8")
    return errs


def main(argv: list[str]) -> int:
    files: list[Path] = []
    for a in map(Path, argv):
        files += sorted(a.glob("*.gold.json")) + sorted(a.glob("*.expected.json")) if a.is_dir() else [a]
    errs = []
    for f in files:
        errs += fill(f)
    print("\n".join(errs) if errs else f"filled {len(files)} file(s)")
    return 1 if errs or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
