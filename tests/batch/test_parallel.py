"""Several workers at once give exactly what one gives, in input order; a failed file costs only
itself; check reads folders and globs; the result store skips what is done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import SAMPLES, slaextract
from typer.testing import CliRunner

from slaextract.batch import Redo, ResultStore, expand_inputs, run_documents
from slaextract.batch.store import INDEX
from slaextract.cli import app
from slaextract.errors import SlaError
from slaextract.model import ClauseSummary

runner = CliRunner()


def as_data(outcome) -> object:
    result = outcome.result
    return result.message if isinstance(result, SlaError) else result.model_dump(mode="json")


def test_parallel_outcomes_equal_serial_ones_in_input_order(contracts: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    inputs = [SAMPLES / "en-msa-sla-exhibit.pdf", *contracts[:3], empty, tmp_path / "missing.pdf", *contracts[3:]]
    serial = list(run_documents(inputs, jobs=1))
    parallel = list(run_documents(inputs, jobs=3))
    assert [o.path for o in parallel] == inputs == [o.path for o in serial]
    assert [o.index for o in parallel] == list(range(len(inputs)))
    assert [as_data(o) for o in parallel] == [as_data(o) for o in serial]
    assert [o.failed for o in parallel] == [False, False, False, False, True, True, False, False, False]
    assert as_data(parallel[4]) == "file is empty"


def test_cli_jobs_2_prints_what_jobs_1_prints(contracts: list[Path], tmp_path: Path) -> None:
    (contracts[0].parent / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    one = runner.invoke(app, ["extract", str(contracts[0].parent), "--jobs", "1"])
    two = runner.invoke(app, ["extract", str(contracts[0].parent), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 2  # the broken PDF
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    records = [json.loads(line) for line in two.stdout.splitlines()]
    assert records[0]["path"].endswith("broken.pdf")
    assert [Path(r["document"]["path"]).name for r in records[1:]] == [p.name for p in contracts]
    assert two.stderr.count("\n") == 1 and "broken.pdf" in two.stderr


def test_out_dir_holds_one_result_per_input_and_a_rerun_reads_nothing_again(contracts: list[Path],
                                                                               tmp_path: Path) -> None:
    out = tmp_path / "results"
    same = contracts[0].parent / "sub"  # the same name and content in another folder: its own file
    same.mkdir()
    (same / "c0.txt").write_bytes(contracts[0].read_bytes())
    bad = contracts[0].parent / "zz-bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    first = runner.invoke(app, ["extract", str(contracts[0].parent), "--out-dir", str(out), "-j", "2"])
    assert first.exit_code == 2
    files = sorted(p.name for p in out.glob("*.json"))
    assert len(files) == 8 and len({name.split(".")[0] for name in files}) == 7  # c0 twice, distinct files
    index = [json.loads(line) for line in (out / INDEX).read_text(encoding="utf-8").splitlines()]
    assert sorted(r["reused"] for r in index) == [False] * 7 + [True]  # one c0 was copied, not read twice
    assert [r["ok"] for r in index if r["input"] == str(bad)] == [False]

    again = runner.invoke(app, ["extract", str(contracts[0].parent), "--out-dir", str(out), "-j", "2"])
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, first.stderr)
    assert len((out / INDEX).read_text(encoding="utf-8").splitlines()) == len(index)  # nothing read again

    retry = runner.invoke(app, ["extract", str(contracts[0].parent), "--out-dir", str(out), "--retry-failed"])
    assert retry.stdout == first.stdout
    added = (out / INDEX).read_text(encoding="utf-8").splitlines()[len(index):]
    assert [json.loads(line)["input"] for line in added] == [str(bad)]  # only the failure was read again


def test_store_keys_on_content_not_name(contracts: list[Path], tmp_path: Path) -> None:
    store = ResultStore(tmp_path / "store")
    list(run_documents(contracts[:2], store=store, jobs=1))
    contracts[1].write_text(contracts[1].read_text(encoding="utf-8") + "\nAmended.\n", encoding="utf-8")
    outcomes = list(run_documents(contracts[:2], store=ResultStore(tmp_path / "store"), jobs=1))
    assert [o.reused for o in outcomes] == [True, False]  # the edited contract is read again
    assert isinstance(outcomes[0].result, ClauseSummary) and outcomes[0].result.document.path == str(contracts[0])
    forced = list(run_documents(contracts[:2], store=ResultStore(tmp_path / "store"), redo=Redo.everything))
    assert [o.reused for o in forced] == [False, False]


def test_output_file_is_complete_and_stdout_empty(contracts: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["extract", *map(str, contracts), "-o", str(out), "-j", "2"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert [json.loads(line)["document"]["path"] for line in out.read_text().splitlines()] == list(map(str, contracts))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_globs_expand_like_folders(contracts: list[Path]) -> None:
    folder = contracts[0].parent
    (folder / "notes.docx").write_bytes(b"PK")
    assert expand_inputs([folder / "c[0-2].txt", folder / "c5.txt"]) == [*contracts[:3], contracts[5]]
    assert expand_inputs([Path(str(folder) + "/**/*.txt")]) == contracts
    assert expand_inputs([folder / "nothing-*.pdf"]) == [folder / "nothing-*.pdf"]  # reported as missing


@pytest.mark.parametrize("how", ["folder", "glob"])
def test_check_reads_a_folder_or_a_glob(contracts: list[Path], how: str) -> None:
    folder = contracts[0].parent
    target = str(folder) if how == "folder" else str(folder / "c*.txt")
    result = runner.invoke(app, ["check", target, "--preset", "online-education", "--format", "json", "-j", "2"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert [r["path"] for r in report["results"]] == list(map(str, contracts))
    assert all(r["verdict"] is not None for r in report["results"])


def test_table_of_a_jsonl_file(contracts: list[Path], tmp_path: Path) -> None:
    proc = slaextract("extract", *map(str, contracts[:2]), "-o", str(tmp_path / "two.jsonl"))
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    table = runner.invoke(app, ["table", str(tmp_path / "two.jsonl")])
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0] == "file,field,rank,kind,minutes,percent,channel,scope,page,quote"
    assert {line.split(",")[0] for line in lines[1:]} == {str(contracts[0]), str(contracts[1])}


def test_compare_reads_a_folder_with_jobs(contracts: list[Path]) -> None:
    result = runner.invoke(app, ["compare", str(contracts[0].parent), "--format", "json", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["contracts"] == [p.name for p in contracts]
