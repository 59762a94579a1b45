#!/usr/bin/env python3
"""Rebuild the PDFs of samples/ and tests/contracts/ from their HTML sources.

Usage: python scripts/build_pdfs.py [DIR_OR_HTML ...]   (default: samples tests/contracts)

Needs WeasyPrint (`pip install -e '.[samples]'`) and, for Chinese, a CJK font
(Debian: `apt-get install fonts-noto-cjk`). The PDFs are committed, so tests
never need this script; run it after editing an HTML source.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources(args: list[str]) -> list[Path]:
    targets = [Path(a) for a in args] or [ROOT / "samples", ROOT / "tests" / "contracts"]
    out: list[Path] = []
    for t in targets:
        out += sorted(t.rglob("*.html")) if t.is_dir() else [t]
    return out


def main(argv: list[str]) -> int:
    from weasyprint import HTML  # noqa: PLC0415

    for html in sources(argv):
        pdf = html.with_suffix(".pdf")
        HTML(filename=str(html)).write_pdf(str(pdf))
        print(f"{html.relative_to(ROOT) if html.is_relative_to(ROOT) else html} -> {pdf.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
