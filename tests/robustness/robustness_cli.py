"""Running `python -m slaextract extract` in a subprocess, and the contract every run must keep."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

WALL = 60  # seconds a CLI run may take in all before the test gives up on it
# Runs a command and reports RUSAGE_CHILDREN: the largest RSS among the CLI and the workers it waited for.
MEASURE = """\
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], check=False).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    peak_rss_mb: float = 0.0


def run_cli(*args: str, env: dict[str, str] | None = None, measure: bool = False) -> Run:
    """`python -m slaextract extract ARGS`; with measure, also the peak RSS of the CLI and its workers."""
    cmd = [sys.executable, "-m", "slaextract", "extract", *args]
    if measure:
        cmd = [sys.executable, "-c", MEASURE, *cmd]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=WALL, env={**os.environ, **(env or {})})
    stderr, peak = proc.stderr, 0.0
    if measure:
        *rest, last = stderr.rstrip("\n").split("\n")
        stderr, peak = "\n".join(rest) + ("\n" if rest else ""), int(last) / 1024
    return Run(proc.returncode, proc.stdout, stderr, peak)


def assert_well_behaved(run: Run, path: Path) -> None:
    """Exit 0 with one JSON document, or exit 2 with one line on stderr naming the file."""
    assert "Traceback" not in run.stderr
    assert run.code in (0, 2), run
    if run.code == 0:
        summary = json.loads(run.stdout)
        assert summary["document"]["path"] == str(path)
        assert run.stderr == ""
    else:
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith(f"slaextract: {path}: "), lines[0]
