"""`slaextract table`: the options; the work is in table.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def table_command(
    source: Annotated[
        Path,
        typer.Argument(help="A folder written by --out-dir, or a JSON Lines file from extract.", show_default=False),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv (default), parquet or xlsx.")] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (parquet and xlsx need it).")
    ] = None,
) -> None:
    """One row per term (file, field, rank, kind, minutes, percent, channel, scope, page, quote)."""
    from ..errors import SlaError  # noqa: PLC0415
    from .commands import fail  # noqa: PLC0415
    from .table import WRITERS, table  # noqa: PLC0415

    if fmt not in WRITERS:
        raise fail(f"unknown --format {fmt!r}; choose csv, parquet or xlsx")
    if fmt != "csv" and output is None:
        raise fail(f"--format {fmt} writes a binary file: give --output FILE")
    try:
        WRITERS[fmt](table(source), output)
    except SlaError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror})") from None


def register(app: typer.Typer) -> None:
    app.command("table")(table_command)
