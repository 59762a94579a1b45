"""Benchmark: slaextract extract against plain pdfplumber and pdftotext on generated contracts.

    .venv/bin/python benchmarks/bench_extract.py [--pages 300 10] [--repeat 3]

Builds a long and a short English contract (reportlab) into benchmarks/.cache/ — prose
clauses with running headers and footers, a few ruled SLA tables (one split over a page
break), a fee table, and some two-column pages — then runs, each as a cold subprocess:

  slaextract extract FILE          (the installed CLI next to this interpreter)
  pdfplumber: extract_text() of every page
  pdftotext FILE -                 (when installed)

and prints one Markdown table: wall time, pages/s and the child's peak RSS (os.wait4).
Timing is best of --repeat runs (pdfplumber on the long file runs once: it takes long).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
GENERATOR_VERSION = 2  # bump to rebuild cached PDFs after changing the generator

WORDS = (
    "the provider shall use commercially reasonable efforts to maintain the service in accordance with "
    "this agreement and the documentation including all updates upgrades and replacements made available "
    "to the customer during the subscription term subject to the limitations set out in this schedule and "
    "any order form executed by the parties under which fees are payable in advance each quarter"
).split()  # noqa: SIM905

SLA_ROWS = [
    ["Priority", "Definition", "First response", "Resolution target"],
    ["P1", "Production down for all users", "15 minutes", "4 hours"],
    ["P2", "Major function impaired", "1 hour", "8 hours"],
    ["P3", "Minor function impaired", "4 business hours", "5 business days"],
    ["P4", "Question or request", "1 business day", "Next release"],
]
CREDIT_ROWS = [
    ["Monthly availability", "Service credit"],
    ["Below 99.9% but at least 99.0%", "10% of the monthly fee"],
    ["Below 99.0% but at least 95.0%", "25% of the monthly fee"],
    ["Below 95.0%", "50% of the monthly fee"],
]
FEE_ROWS = [["Item", "Unit", "Unit price (USD)", "Quantity"]] + [
    [f"Module {k}", "per user per month", f"{9 + k}.00", str(100 * k)] for k in range(1, 8)
]


def paragraph(seed: int, words: int) -> str:
    out = [WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(words)]
    return " ".join(out).capitalize() + "."


def build_pdf(path: Path, pages: int, dense: bool = False) -> None:
    """dense: a ruled table on every page (a contract whose schedules are all tables), which is
    what makes table reading, not prose, the cost."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    clause = 1
    table_pages = {max(2, pages // 10 * k) for k in (1, 4, 7)} if pages >= 10 else {2}
    credit_page = max(3, pages // 2)
    fee_page = max(4, pages - 3)
    two_column = {p for p in range(5, pages + 1, max(pages // 6, 3))}

    def frame(n: int) -> None:
        c.setFont("Helvetica", 8)
        c.drawString(
            56, height - 40, "Northwind Cloud Services Ltd - Master Subscription Agreement - Schedule 3"
        )
        c.drawCentredString(width / 2, 28, f"Confidential \u2014 Page {n} of {pages}")
        c.setFont("Helvetica", 10)

    def prose(x: float, y: float, col_width: int, bottom: float) -> float:
        nonlocal clause
        while y > bottom + 60:
            text = f"{clause // 4 + 1}.{clause % 4 + 1} " + paragraph(clause, 60 + clause % 40)
            if clause % 9 == 0:
                text += (
                    " The Provider will respond to Priority 1 incidents within"
                    f" {15 + clause % 4 * 15} minutes"
                    " and provide support 24 hours a day, 7 days a week."
                )
            clause += 1
            for line in textwrap.wrap(text, col_width):
                if y < bottom:
                    break
                c.drawString(x, y, line)
                y -= 12.5
            y -= 6
        return y

    def table(x: float, y: float, widths: list[float], rows: list[list[str]], row_h: float = 16) -> float:
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        for r in range(len(rows) + 1):
            c.line(xs[0], y - r * row_h, xs[-1], y - r * row_h)
        for k in xs:
            c.line(k, y, k, y - len(rows) * row_h)
        c.setFont("Helvetica", 8)
        for r, row in enumerate(rows):
            for k, text in enumerate(row):
                c.drawString(xs[k] + 3, y - (r + 1) * row_h + 5, text)
        c.setFont("Helvetica", 10)
        return y - len(rows) * row_h - 20

    for n in range(1, pages + 1):
        frame(n)
        y = height - 80
        if n == 1:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(56, y, "Schedule 3 - Support and Service Levels")
            c.setFont("Helvetica", 10)
            y -= 40
        if dense and n not in table_pages and n != credit_page and n != fee_page:
            c.drawString(56, y, f"Rates for the services in section {n} are set out below:")
            y = table(56, y - 12, [120, 140, 100, 80], FEE_ROWS[: 3 + n % 5])
        if n in table_pages:
            c.drawString(56, y, "The Provider will respond to incidents according to their priority:")
            y = table(56, y - 12, [50, 190, 110, 120], SLA_ROWS)
        if n == credit_page:
            c.drawString(
                56, y, "If availability falls below the commitment, the Customer receives service credits:"
            )
            y = table(56, y - 12, [240, 200], CREDIT_ROWS)
        if n == fee_page:
            c.drawString(56, y, "Fees for the modules ordered are set out below:")
            y = table(56, y - 12, [120, 140, 100, 80], FEE_ROWS)
        if n in two_column:
            prose(56, y, 48, 60)
            prose(width / 2 + 8, y, 48, 60)
        else:
            prose(56, y, 100, 60)
        c.showPage()
    c.save()


def ensure(pages: int, dense: bool = False) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"contract-{pages}p{'-dense' if dense else ''}-v{GENERATOR_VERSION}.pdf"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        build_pdf(tmp, pages, dense)
        tmp.replace(path)
    return path


def run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB (the child or any process it waited for), exit status."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, status


PLUMBER = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_text()\n"
)


def tools(pdf: Path) -> dict[str, list[str]]:
    exe = Path(sys.executable).with_name("slaextract")
    out = {
        "slaextract extract": [str(exe), "extract", str(pdf)],
        "pdfplumber extract_text": [sys.executable, "-c", PLUMBER, str(pdf)],
    }
    if shutil.which("pdftotext"):
        out["pdftotext"] = ["pdftotext", str(pdf), "-"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[300, 10])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    rows, times = [], {}
    for pages in args.pages:
        pdf = ensure(pages)
        for name, argv in tools(pdf).items():
            repeat = 1 if (name.startswith("pdfplumber") and pages > 50) else args.repeat
            results = [run(argv) for _ in range(repeat)]
            wall = min(r[0] for r in results)
            rss = max(r[1] for r in results)
            failed = any(r[2] for r in results)
            times[(name, pages)] = wall
            rows.append(
                f"| {name} | {pages} | {wall:.2f} | {pages / wall:.1f} | {rss:.0f} |"
                + (" exit≠0 |" if failed else " |")
            )
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}\n")
    print("| tool | pages | wall s | pages/s | peak RSS MB | |")
    print("|---|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    print()
    for pages in args.pages:
        ours, plumber = (
            times.get(("slaextract extract", pages)),
            times.get(("pdfplumber extract_text", pages)),
        )
        if ours and plumber:
            print(f"- {pages} pages: slaextract / pdfplumber = {ours / plumber:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
