"""Several files at once: JSON Lines in input order, an error line for a file that fails, never a lost
result; and the worker that bounds each document in time and memory."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from make_malformed import make
from robustness_cli import run_cli

from slaextract import batch
from slaextract.batch import scheduler
from slaextract.errors import EncryptedError, InputError, LimitError, SlaError
from slaextract.model import ClauseSummary


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make(tmp_path_factory.mktemp("batch"), ["valid.pdf", "empty.pdf", "zero-pages.pdf",
                                                   "legacy-cp1252.txt", "legacy-gb18030.txt"])


def record_path(record: dict) -> str:
    return record["path"] if "error" in record else record["document"]["path"]


def test_files_and_a_folder_give_json_lines_in_input_order(corpus: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "b-empty.pdf").write_bytes(b"")
    (folder / "a.txt").write_bytes(corpus["legacy-cp1252.txt"].read_bytes())
    (folder / "sub" / "c.pdf").write_bytes(corpus["valid.pdf"].read_bytes())
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")  # not a contract suffix: skipped
    missing = tmp_path / "missing.pdf"
    args = [corpus["valid.pdf"], missing, folder, corpus["zero-pages.pdf"]]
    run = run_cli(*map(str, args))
    assert run.code == 2
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [record_path(r) for r in records] == [
        str(corpus["valid.pdf"]), str(missing), str(folder / "a.txt"), str(folder / "b-empty.pdf"),
        str(folder / "sub" / "c.pdf"), str(corpus["zero-pages.pdf"]),
    ]
    assert records[1] == {"path": str(missing), "error": "no such file"}
    assert records[3] == {"path": str(folder / "b-empty.pdf"), "error": "file is empty"}
    assert records[5] == {"path": str(corpus["zero-pages.pdf"]), "error": "PDF has no pages"}
    assert all(r["schema_version"] == "1" for i, r in enumerate(records) if i in (0, 2, 4))
    # stderr: one line per failed file, nothing else
    assert run.stderr.splitlines() == [
        f"slaextract: {missing}: no such file",
        f"slaextract: {folder / 'b-empty.pdf'}: file is empty",
        f"slaextract: {corpus['zero-pages.pdf']}: PDF has no pages",
    ]


def test_all_good_exits_0_and_output_file_holds_every_line(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    files = [corpus["legacy-gb18030.txt"], corpus["valid.pdf"], corpus["legacy-cp1252.txt"]]
    run = run_cli(*map(str, files), "-o", str(out))
    assert (run.code, run.stdout, run.stderr) == (0, "", "")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["document"]["path"] for r in records] == [str(f) for f in files]


# ---------------------------------------------------------------- the worker, at unit level


@pytest.fixture(autouse=True)
def fresh_worker():
    """A worker forked after the test's monkeypatching (and none left behind for the next test)."""
    batch.stop_worker()
    yield
    batch.stop_worker()


def uninterruptible_sleep(path, password=None, max_pages=None):
    """Stands in for PDFium stuck in C code: SIGALRM is blocked, so no Python timer can stop it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(30)


def test_worker_is_killed_at_the_timeout(corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    """Killed, not waited for, and no stopwatch to say so: the stand-in notes its pid and would
    leave a `woke` file after its sleep; when run_one returns, the file is absent and the process
    is gone (killed and reaped)."""
    pid_file, woke = tmp_path / "pid", tmp_path / "woke"

    def stuck(path, password=None, max_pages=None):
        pid_file.write_text(str(os.getpid()))
        uninterruptible_sleep(path)
        woke.write_text("slept to the end")

    monkeypatch.setattr("slaextract.pipeline.extract", stuck)
    result = batch.run_one(corpus["valid.pdf"], timeout=0.5, isolate=True)
    assert isinstance(result, LimitError)
    assert str(result) == f"{corpus['valid.pdf']}: took longer than --timeout 0.5 s"
    assert not woke.exists()
    pid = pid_file.read_text() if pid_file.exists() else ""  # a busy machine may kill it before this
    if pid:
        with pytest.raises(ProcessLookupError):
            os.kill(int(pid), 0)


def test_in_process_timer_stops_python_code(corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def spin(path, password=None, max_pages=None):
        while True:
            pass

    monkeypatch.setattr("slaextract.pipeline.extract", spin)
    result = batch.run_one(corpus["legacy-cp1252.txt"], timeout=0.3, isolate=False)
    assert isinstance(result, LimitError)
    assert "took longer than --timeout 0.3 s" in str(result)


@pytest.mark.parametrize(("action", "kind", "phrase"), [
    (lambda: os.kill(os.getpid(), signal.SIGSEGV), InputError, "the PDF reader crashed (SIGSEGV)"),
    (os.abort, LimitError, "memory limit"),
    (lambda: os._exit(3), InputError, "worker exited with status 3"),
    (lambda: 1 / 0, InputError, "could not be processed (ZeroDivisionError: division by zero)"),
    (lambda: (_ for _ in ()).throw(EncryptedError("PDF is encrypted; pass --password", "x.pdf")),
     EncryptedError, "x.pdf: PDF is encrypted; pass --password"),
])
def test_a_worker_that_dies_or_fails_becomes_one_error(action, kind: type[SlaError], phrase: str,
                                                       corpus: dict[str, Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("slaextract.pipeline.extract", lambda *a, **k: action())
    result = batch.run_one(corpus["valid.pdf"], timeout=10, isolate=True)
    assert type(result) is kind
    assert phrase in str(result)
    assert result.path is not None


def test_worker_returns_the_same_summary_as_in_process(corpus: dict[str, Path]) -> None:
    here = batch.run_one(corpus["valid.pdf"], isolate=False)
    there = batch.run_one(corpus["valid.pdf"], isolate=True)
    assert isinstance(there, ClauseSummary)
    assert there == here


def test_one_worker_serves_many_documents_and_a_new_one_follows_a_kill(corpus: dict[str, Path],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    slot = scheduler.default_slot()
    assert isinstance(batch.run_one(corpus["valid.pdf"], isolate=True), ClauseSummary)
    first = slot.pid
    assert isinstance(batch.run_one(corpus["valid.pdf"], isolate=True), ClauseSummary)
    assert slot.pid == first  # reused
    assert isinstance(batch.run_one(corpus["zero-pages.pdf"], isolate=True), InputError)
    assert slot.pid == first  # an ordinary error does not cost the worker
    batch.stop_worker()
    monkeypatch.setattr("slaextract.pipeline.extract", uninterruptible_sleep)
    assert isinstance(batch.run_one(corpus["valid.pdf"], timeout=0.3, isolate=True), LimitError)
    assert slot.pid == 0  # killed
    monkeypatch.undo()
    batch.stop_worker()
    assert isinstance(batch.run_one(corpus["valid.pdf"], isolate=True), ClauseSummary)
    assert slot.pid not in (0, first)


def test_text_files_are_read_in_the_worker_too(corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A text file gets the same bounds as a PDF: here an allocation far past the worker's
    memory cap ends the document with a clean error, and the caller's process is untouched."""
    monkeypatch.setenv("SLAEXTRACT_MAX_MEMORY_MB", "256")
    monkeypatch.setattr("slaextract.pipeline.extract", lambda *a, **k: bytearray(1 << 31))
    result = batch.run_one(corpus["legacy-cp1252.txt"], isolate=True)
    assert isinstance(result, LimitError)
    assert str(result) == f"{corpus['legacy-cp1252.txt']}: ran out of memory reading this document"


def test_memory_limit_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAEXTRACT_MAX_MEMORY_MB", "0")
    assert batch.memory_limit() == 0
    monkeypatch.setenv("SLAEXTRACT_MAX_MEMORY_MB", "lots")
    assert batch.memory_limit() == batch.DEFAULT_MEMORY_MB << 20
    monkeypatch.delenv("SLAEXTRACT_MAX_MEMORY_MB")
    assert batch.memory_limit() == batch.DEFAULT_MEMORY_MB << 20


def test_errors_keep_their_path_across_pickle() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(LimitError("too big", "a.pdf")))
    assert (type(err), err.message, err.path, str(err)) == (LimitError, "too big", "a.pdf", "a.pdf: too big")


@pytest.mark.parametrize(("raised", "phrase"), [
    (ValueError("bad\nxref"), "could not be read (ValueError: bad xref)"),
    (RecursionError(), "nested too deeply"),
    (MemoryError(), "ran out of memory"),
    (type("PdfiumError", (Exception,), {})("Failed to load page."), "a page could not be loaded"),
])
def test_read_document_lets_only_sla_errors_escape(raised: BaseException, phrase: str, corpus: dict[str, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from slaextract import pdf
    from slaextract.readers import pdfscan

    def broken_reader(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pdfscan, "read_pdf", broken_reader)
    with pytest.raises(SlaError) as err:
        pdf.read_document(corpus["valid.pdf"])
    assert phrase in str(err.value)
    assert "\n" not in str(err.value) and err.value.path == str(corpus["valid.pdf"])
