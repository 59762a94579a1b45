"""`slaextract table`: one row per term from a batch's results (the work is in batch.table)."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError


def write_table(source: Path, fmt: str, output: Path | None) -> None:
    from ..batch.table import WRITERS, table  # noqa: PLC0415

    if fmt not in WRITERS:
        raise UsageError(f"unknown --format {fmt!r}; choose csv, parquet or xlsx")
    if fmt != "csv" and output is None:
        raise UsageError(f"--format {fmt} writes a binary file: give --output FILE")
    try:
        WRITERS[fmt](table(source), output)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write ({exc.strerror})") from None
