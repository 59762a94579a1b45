"""Clause summaries → one row per term, for pandas, a spreadsheet or a BI tool.

Columns: file, field, rank, kind, minutes, percent, channel, scope, page, quote. A duration is
in minutes (a claim window of 30 days is 43200), a percentage in percent; `kind` holds what
qualifies the value (response / resolution / …, a coverage's days×hours, an availability's
period, a credit tier's threshold).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..errors import InputError


@dataclass
class TermRow:
    """One row of the table: the columns, in order, and their types."""

    file: str
    field: str
    rank: int | None = None
    kind: str | None = None
    minutes: float | None = None
    percent: float | None = None
    channel: str | None = None
    scope: str | None = None
    page: int | None = None
    quote: str | None = None


COLUMNS = tuple(f.name for f in fields(TermRow))
MINUTES_PER_DAY = 24 * 60
Row = dict[str, Any]


def summaries(source: Path) -> Iterator[dict[str, Any]]:
    """The clause summaries in a results folder (--out-dir: one JSON per input) or a JSON Lines
    file (extract's output); error records and other JSON are skipped."""
    if source.is_dir():
        for file in sorted(source.glob("*.json")):
            yield from keep_summaries([read_json(file, file.read_text(encoding="utf-8"))])
    elif source.is_file():
        with source.open(encoding="utf-8") as fh:
            records = (read_json(source, line, number) for number, line in enumerate(fh, 1) if line.strip())
            yield from keep_summaries(records)
    else:
        raise InputError("no such file or folder", str(source))


def read_json(file: Path, text: str, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        where = f"{file}:{line}" if line else str(file)
        raise InputError(f"not JSON ({exc.msg}); give a folder written by --out-dir or a .jsonl file", where) from None


def keep_summaries(records: Iterator[Any] | list[Any]) -> Iterator[dict[str, Any]]:
    for record in records:
        if isinstance(record, dict) and "document" in record and "schema_version" in record:
            yield record


def rows(summary: dict[str, Any]) -> Iterator[Row]:
    file = summary["document"]["path"]

    def row(field: str, evidence: dict[str, Any] | None, **values: Any) -> Row:
        evidence = evidence or {}
        return {"file": file, "field": field, **values, "page": evidence.get("page"), "quote": evidence.get("text")}

    for c in summary.get("coverage", []):
        yield row("coverage", c["evidence"], kind=f"{c['days_per_week']}x{c['hours_per_day']:g}", scope=c.get("scope"))
    for r in summary.get("response_times", []):
        yield row(
            "response_times",
            r["evidence"],
            rank=r.get("rank"),
            kind=r["kind"],
            minutes=r["minutes"],
            scope=r.get("scope"),
        )
    for ch in summary.get("channels", []):
        yield row("channels", ch["evidence"], channel=ch["channel"])
    for a in summary.get("availability", []):
        yield row("availability", a["evidence"], kind=a.get("period"), percent=a["percent"], scope=a.get("scope"))
    for t in summary.get("service_credits", []):
        yield row(
            "service_credits",
            t["evidence"],
            kind=f"below {t['below_percent']:g}%",
            percent=t["credit_percent"],
            scope=t.get("scope"),
        )
    if summary.get("credit_cap_percent") is not None:
        yield row("credit_cap_percent", summary.get("credit_cap_evidence"), percent=summary["credit_cap_percent"])
    if summary.get("claim_window_days") is not None:
        minutes = summary["claim_window_days"] * MINUTES_PER_DAY
        yield row("claim_window_days", summary.get("claim_window_evidence"), minutes=minutes)


def table(source: Path) -> list[Row]:
    return [{column: r.get(column) for column in COLUMNS} for s in summaries(source) for r in rows(s)]


def write_csv(data: list[Row], output: Path | None) -> None:
    fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(data)
    finally:
        if output:
            fh.close()


def write_parquet(data: list[Row], output: Path) -> None:
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:
        raise InputError("--format parquet needs pyarrow: pip install 'slaextract[parquet]'") from None
    arrow_types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(f.name, arrow_types[str(f.type).split(" ")[0]]) for f in fields(TermRow)])
    pq.write_table(pa.Table.from_pylist(data, schema=schema), output)


def write_xlsx(data: list[Row], output: Path) -> None:
    try:
        from openpyxl import Workbook  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise InputError("--format xlsx needs openpyxl: pip install 'slaextract[xlsx]'") from None
    book = Workbook(write_only=True)
    sheet = book.create_sheet("terms")
    sheet.append(list(COLUMNS))
    for r in data:
        sheet.append([r[column] for column in COLUMNS])
    book.save(output)


WRITERS = {"csv": write_csv, "parquet": write_parquet, "xlsx": write_xlsx}
