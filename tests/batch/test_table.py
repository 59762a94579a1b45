"""`slaextract table`: one row per term, as CSV, Parquet or an Excel sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slaextract.batch import ResultStore, run_documents
from slaextract.batch.table import COLUMNS, table
from slaextract.cli import app

runner = CliRunner()


@pytest.fixture
def out_dir(contracts: list[Path], tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    bad = contracts[0].parent / "bad.pdf"
    bad.write_bytes(b"")
    list(run_documents([*contracts[:2], bad], store=ResultStore(folder), jobs=2))
    return folder


def test_csv_has_the_documented_columns_and_one_row_per_term(out_dir: Path, contracts: list[Path]) -> None:
    result = runner.invoke(app, ["table", str(out_dir)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == COLUMNS == (
        "file", "field", "rank", "kind", "minutes", "percent", "channel", "scope", "page", "quote"
    )
    first = [r for r in rows if r["file"] == str(contracts[0])]  # the failed input has no rows
    assert {r["file"] for r in rows} == {str(contracts[0]), str(contracts[1])}
    response = next(r for r in first if r["field"] == "response_times")
    assert (response["rank"], response["kind"], response["minutes"]) == ("1", "response", "10.0")
    assert response["quote"].startswith("Severity 1 incidents") and response["page"] == "1"
    assert {r["channel"] for r in first if r["field"] == "channels"} == {"phone", "ticket"}
    coverage = next(r for r in first if r["field"] == "coverage")
    assert coverage["kind"] == "7x24"
    credit = next(r for r in first if r["field"] == "service_credits")
    assert (credit["kind"], credit["percent"]) == ("below 99%", "5.0")


def test_parquet_and_xlsx_hold_the_same_rows(out_dir: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    openpyxl = pytest.importorskip("openpyxl")
    expected = table(out_dir)
    parquet = runner.invoke(app, ["table", str(out_dir), "-f", "parquet", "-o", str(tmp_path / "t.parquet")])
    assert parquet.exit_code == 0
    assert pq.read_table(tmp_path / "t.parquet").to_pylist() == expected
    assert runner.invoke(app, ["table", str(out_dir), "-f", "xlsx", "-o", str(tmp_path / "t.xlsx")]).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == COLUMNS
    assert [dict(zip(COLUMNS, row, strict=True)) for row in values[1:]] == expected


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "parquet"], "slaextract: --format parquet writes a binary file: give --output FILE"),
    (["-f", "yaml"], "slaextract table: Invalid value for '--format' / '-f': "
                     "Value error, 'yaml' is not one of 'csv', 'parquet', 'xlsx'; see --help"),
])
def test_table_usage_errors_are_one_line(out_dir: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["table", str(out_dir), *args])
    assert (result.exit_code, result.stderr) == (2, f"{message}\n")


def test_table_of_something_else_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.jsonl").write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["table", str(tmp_path / "notes.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'notes.jsonl'}:1: not JSON")  # a file's error starts with it
    assert runner.invoke(app, ["table", str(tmp_path / "nowhere")]).exit_code == 2
