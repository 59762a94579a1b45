"""Helpers shared by the batch tests (a module of its own name: other folders have a conftest too)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLES = ROOT / "samples"


def contract_text(n: int) -> str:
    """A small, distinct contract: each n gives other figures (and so another content hash)."""
    return (
        f"Service Level Agreement number {n}\n\n"
        "Support is available 24x7 by phone and through the support portal.\n\n"
        f"Severity 1 incidents: initial response within {10 + n} minutes.\n\n"
        f"The Service will be available 99.{n % 10}% of the time in each calendar month.\n\n"
        f"If availability falls below 99.{n % 10}%, Customer receives a service credit of {5 + n}% "
        "of the monthly fee.\n"
    )


@pytest.fixture
def contracts(tmp_path: Path) -> list[Path]:
    """Six text contracts in a folder (sorted by name, as a folder argument lists them)."""
    folder = tmp_path / "contracts"
    folder.mkdir()
    paths = []
    for n in range(6):
        path = folder / f"c{n}.txt"
        path.write_text(contract_text(n), encoding="utf-8")
        paths.append(path)
    return paths


def slaextract(*args: str, env: dict[str, str] | None = None, stub: bool = False, **popen: object):
    """A `slaextract` subprocess (the stand-in reader of stub_cli.py if asked), not yet waited for."""
    command = [sys.executable, str(HERE / "stub_cli.py")] if stub else [sys.executable, "-m", "slaextract"]
    return subprocess.Popen(
        [*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})}, **popen,
    )
