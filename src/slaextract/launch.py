"""The `slaextract` command's entry point: `--version` answers before typer, rich or any
stage of the tool is imported (a version check in a CI step should cost nothing)."""

from __future__ import annotations

import sys

from . import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"slaextract {__version__}\n")
        return
    from .cli import main as run  # noqa: PLC0415  (typer, rich: only for a real command)

    run()
