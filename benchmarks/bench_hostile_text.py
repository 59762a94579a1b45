"""Benchmark: text files that used to take quadratic time (issue 13), as cold CLI runs.

    .venv/bin/python benchmarks/bench_hostile_text.py [--scale 1 2 4]

Each shape is one line repeated, with no sentence punctuation to end a unit (a .txt exported one
clause per line): the Priority line (800 lines at scale 1), "7x24 7x24 support" (4,000 lines)
and a right-to-left line (250 lines). Prints wall time and the child's peak RSS (os.wait4) per
shape and scale; time per line should stay flat as the scale grows. The tests count the same
work (tests/robustness/test_linear_text.py); this is where seconds are measured.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RTL = (  # Hebrew and Arabic words around the terms
    "\u05ea\u05de\u05d9\u05db\u05d4 7x24 \u05d1\u05d8\u05dc\u05e4\u05d5\u05df "
    "Priority 1 response 15 minutes \u0627\u0644\u062f\u0639\u0645"
)
SHAPES = {
    "priority lines": ("Priority 1 incidents: response within 15 minutes, restoration within 4 hours", 800),
    "7x24 lines": ("7x24 7x24 support", 4000),
    "right-to-left lines": (RTL, 250),
}
CLI = [sys.executable, "-m", "slaextract", "extract", "--timeout", "600"]


def run(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB of the CLI and its worker, exit code."""
    start = time.monotonic()
    proc = subprocess.Popen([*CLI, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, nargs="+", default=[1])
    args = ap.parse_args()
    print("| input | lines | KB | wall s | ms per line | peak RSS MB | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (line, lines) in SHAPES.items():
            for scale in args.scale:
                n = lines * scale
                path = Path(tmp) / f"{name.split()[0]}-{n}.txt"
                path.write_text("\n".join([line] * n) + "\n", encoding="utf-8")
                seconds, peak, code = run(path)
                kb = path.stat().st_size / 1024
                print(f"| {name} | {n} | {kb:.0f} | {seconds:.2f} | {1000 * seconds / n:.2f} | {peak:.0f} | {code} |")


if __name__ == "__main__":
    main()
