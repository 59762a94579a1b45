"""Benchmark: slaextract extract against plain pdfplumber and pdftotext on generated contracts.

    .venv/bin/python benchmarks/bench_extract.py [--pages 300 3000] [--repeat 3]

Builds English contracts (reportlab) of each length into benchmarks/.cache/ — prose clauses
with running headers and footers, a few ruled SLA tables (one split over a page break), a fee
table, and some two-column pages; the "dense" variant has a ruled table on every page — then
runs, each as a cold subprocess, in paired repetitions:

  slaextract extract FILE          (the installed CLI next to this interpreter)
  pdfplumber: extract_text() of every page   (every repetition, on files up to --plumber-max-pages;
                                              the samples' in the first repetition only)
  pdftotext FILE -                 (when installed: apt-get install poppler-utils)
  pypdfium2: every page's text and glyph-run boxes (the floor under reading as slaextract reads)

plus the Chinese and English samples and `slaextract --version`, and prints one Markdown table
(CPU and wall seconds, peak RSS from os.wait4) and the ratios of the targets.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
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
        c.drawString(56, height - 40, "Northwind Cloud Services Ltd - Master Subscription Agreement - Schedule 3")
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
            c.drawString(56, y, "If availability falls below the commitment, the Customer receives service credits:")
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


def run(argv: list[str]) -> Sample:
    """CPU seconds (user + system of the child and every process it waited for, e.g. slaextract's
    worker), wall seconds, peak RSS in MB, exit status. CPU, not wall time, is what is compared:
    the machine may be shared, and other work stretches wall time but not our CPU time."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    return Sample(usage.ru_utime + usage.ru_stime, time.perf_counter() - t0, usage.ru_maxrss / 1024, status)


@dataclass
class Sample:
    cpu: float
    wall: float
    rss: float
    status: int


PLUMBER = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_text()\n"
)
# The floor under any Python tool that reads text with its boxes through PDFium, as slaextract
# does: start Python, open the file, and for every page its text and its glyph-run rectangles.
FLOOR = (
    "import sys, pypdfium2\n"
    "pdf = pypdfium2.PdfDocument(sys.argv[1])\n"
    "for page in pdf:\n"
    "    text = page.get_textpage()\n"
    "    text.get_text_range()\n"
    "    [text.get_rect(i) for i in range(text.count_rects())]\n"
)
OURS, PLUMBER_NAME, POPPLER = "slaextract extract", "pdfplumber extract_text", "pdftotext"
FLOOR_NAME = "pypdfium2 text + boxes"
SAMPLES = HERE.parent / "samples"


def tools(pdf: Path, pages: int, plumber: bool) -> dict[str, list[str]]:
    exe = Path(sys.executable).with_name("slaextract")
    out = {OURS: [str(exe), "extract", str(pdf)]}
    if plumber:
        out[PLUMBER_NAME] = [sys.executable, "-c", PLUMBER, str(pdf)]
    if shutil.which("pdftotext"):
        out[POPPLER] = ["pdftotext", str(pdf), "-"]
    out[FLOOR_NAME] = [sys.executable, "-c", FLOOR, str(pdf)]
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def compile_package() -> str:
    """Write slaextract's bytecode once. `pip install` of the wheel does this, but an editable
    install under PYTHONDONTWRITEBYTECODE=1 (set on some CI and sandbox machines) never does, and
    then every cold run compiles the whole package from source again (about 0.1 s of CPU)."""
    import compileall  # noqa: PLC0415

    import slaextract  # noqa: PLC0415

    folder = Path(slaextract.__file__).parent
    ok = compileall.compile_dir(str(folder), quiet=1)
    return f"{folder} ({'ok' if ok else 'failed'})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[300, 3000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--plumber-max-pages", type=int, default=300, help="pdfplumber takes minutes beyond this")
    args = ap.parse_args()

    compiled = compile_package()
    docs: list[tuple[str, Path, int]] = []
    for pages in args.pages:
        docs += [(f"{pages}p", ensure(pages), pages), (f"{pages}p dense", ensure(pages, dense=True), pages)]
    docs += [(f"sample {p.stem}", p, 0) for p in sorted(SAMPLES.glob("*.pdf")) if p.stem.startswith(("en-msa", "zh-"))]
    samples: dict[tuple[str, str], list[Sample]] = {}
    # paired runs: every repetition runs every tool on every document back to back, so the tools
    # share the machine's load of that moment. CPU time on a shared virtual machine still varies by
    # ±15 % from run to run, so the target ratios are medians of paired ratios: pdfplumber runs in
    # every repetition on the 300-page files (about 40 s each), and never on the 3,000-page ones
    for rep in range(args.repeat):
        for label, pdf, pages in docs:
            plumber = pages <= args.plumber_max_pages and (pages > 0 or rep == 0)
            for name, argv in tools(pdf, pages, plumber).items():
                samples.setdefault((label, name), []).append(run(argv))
        version = [str(Path(sys.executable).with_name("slaextract")), "--version"]
        samples.setdefault(("--version", OURS), []).append(run(version))

    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"load average at the end: {os.getloadavg()}; {args.repeat} paired repetitions")
    print(f"slaextract's bytecode compiled before the runs, as `pip install` does: {compiled}\n")
    print("| document | tool | runs | CPU s (median) | wall s (median) | peak RSS MB | |")
    print("|---|---|---:|---:|---:|---:|---|")
    for (label, name), runs in samples.items():
        failed = " exit≠0" if any(r.status for r in runs) else ""
        print(
            f"| {label} | {name} | {len(runs)} | {median([r.cpu for r in runs]):.2f} "
            f"| {median([r.wall for r in runs]):.2f} | {max(r.rss for r in runs):.0f} |{failed} |"
        )
    print()
    for label, _, _ in docs:
        ours = samples.get((label, OURS), [])
        for other in (PLUMBER_NAME, POPPLER, FLOOR_NAME):
            theirs = samples.get((label, other), [])
            pairs = [a.cpu / b.cpu for a, b in zip(ours, theirs, strict=False) if b.cpu > 0]
            if pairs:
                print(f"- {label}: slaextract / {other} CPU = {median(pairs):.3f} (paired, {len(pairs)} runs)")
        floor, poppler = samples.get((label, FLOOR_NAME), []), samples.get((label, POPPLER), [])
        pairs = [a.cpu / b.cpu for a, b in zip(floor, poppler, strict=False) if b.cpu > 0]
        if pairs:
            print(f"- {label}: {FLOOR_NAME} / {POPPLER} CPU = {median(pairs):.3f} (the floor's own ratio)")
    cpu = {label: [r.cpu for r in samples.get((label, OURS), [])] for label, _, _ in docs}
    for small, big in zip(args.pages, args.pages[1:], strict=False):
        for kind in ("", " dense"):
            a, b = cpu.get(f"{small}p{kind}"), cpu.get(f"{big}p{kind}")
            if a and b:
                print(f"- {big}p{kind} / {small}p{kind} CPU = {median(b) / median(a):.2f}")
    zh = next((v for k, v in cpu.items() if k.startswith("sample zh-")), None)
    en = next((v for k, v in cpu.items() if k.startswith("sample en-")), None)
    if zh and en:
        pairs = [a / b for a, b in zip(zh, en, strict=False)]
        print(f"- Chinese sample / English sample cold CPU = {median(pairs):.2f} (paired, {len(pairs)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
