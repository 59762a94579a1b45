"""The command-line options of every command that reads many documents (one definition each)."""

from __future__ import annotations

import typer

JOBS = typer.Option("--jobs", "-j", min=1, help="Documents read at once (default: the machine's cores).")
OUT_DIR = typer.Option("--out-dir", help="Also write one JSON per input and an index here; a rerun reuses them.")
FORCE = typer.Option("--force", help="Read every input again, even those with a stored result.")
RETRY_FAILED = typer.Option("--retry-failed", help="Read again only the inputs whose stored result is a failure.")
CLUSTER = typer.Option(
    "--cluster", help="Run on Dask: local[:N] starts N worker processes, tcp://HOST:8786 uses a running scheduler."
)
