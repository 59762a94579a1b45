#!/usr/bin/env python3
"""Time the views as a user runs them: `report`, `diff` and `compare`, each a cold subprocess.

Usage: python benchmarks/bench_views.py [--repeat N]

Inputs are the committed samples and the 300-page contract of bench_extract.py (built and
cached on first use). Prints a Markdown table: wall seconds (best of N), peak RSS of the
child, and the size of the HTML report.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

from bench_extract import ensure, run

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
VERSIONS = SAMPLES / "versions"


def cases(out: Path) -> dict[str, tuple[list[str], Path | None]]:
    exe = str(Path(sys.executable).with_name("slaextract"))
    big = ensure(300)
    return {
        "report en 2 p": (
            [exe, "report", str(VERSIONS / "en-streamcast-sla-v2.pdf"), "--preset", "strict-enterprise",
             "-o", str(out / "en.html")],
            out / "en.html",
        ),
        "report zh 5 p": (
            [exe, "report", str(SAMPLES / "zh-tech-service-contract.pdf"), "--preset", "live-showroom",
             "-o", str(out / "zh.html")],
            out / "zh.html",
        ),
        "extract en 300 p (for scale)": ([exe, "extract", str(big)], None),
        "report en 300 p": ([exe, "report", str(big), "-o", str(out / "big.html")], out / "big.html"),
        "diff en pair": (
            [exe, "diff", str(VERSIONS / "en-streamcast-sla-v1.pdf"), str(VERSIONS / "en-streamcast-sla-v2.pdf"),
             "--preset", "strict-enterprise", "--format", "markdown"],
            None,
        ),
        "compare 3 en": (
            [exe, "compare", str(VERSIONS / "en-streamcast-sla-v1.pdf"), str(VERSIONS / "en-streamcast-sla-v2.pdf"),
             str(SAMPLES / "en-msa-sla-exhibit.pdf"), "--preset", "strict-enterprise"],
            None,
        ),
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}\n")
    print("| command | wall s | peak RSS MB | HTML kB |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (argv, html) in cases(Path(tmp)).items():
            results = [run(argv) for _ in range(args.repeat)]
            wall = min(r[0] for r in results)
            rss = max(r[1] for r in results)
            size = f"{html.stat().st_size / 1024:.0f}" if html and html.exists() else ""
            failed = " (exit≠0)" if any(r[2] for r in results) else ""
            print(f"| {name}{failed} | {wall:.2f} | {rss:.0f} | {size} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
