"""Signals sent to a running batch, and a parent that dies under its workers.

These run `slaextract` as a subprocess with a stand-in reader (stub_cli.py) that never finishes
one chosen document, so the batch is reliably in the middle of its work when the signal comes.
Waiting loops have generous deadlines that only stop a broken run from hanging the suite; no
test asserts how long anything took.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from batch_support import contract_text, slaextract

from slaextract.batch.store import INDEX

PATIENCE = 90.0  # seconds before a wait gives up (a failure, not a measurement)


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def gone(pid: int) -> bool:
    """Exited (a zombie waiting for a stopped or dead parent counts as exited)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_keeps_finished_results_and_the_rerun_reads_only_the_rest(contracts: list[Path], tmp_path: Path,
                                                                         signum: int) -> None:
    folder = contracts[0].parent
    (folder / "c2-stuck.txt").write_text(contract_text(99), encoding="utf-8")  # third in name order
    inputs = sorted(folder.iterdir())
    out_dir, output, log = tmp_path / "results", tmp_path / "all.jsonl", tmp_path / "read.log"
    command = ["extract", str(folder), "--out-dir", str(out_dir), "-o", str(output), "--jobs", "2", "--timeout", "600"]
    env = {"STUB_LOG": str(log)}

    run = slaextract(*command, stub=True, env={**env, "STUB_STUCK": "stuck"})
    # one worker is stuck on c2-stuck; the other reads the six others
    wait_for(lambda: len(lines(out_dir / INDEX)) == 6, "six finished results")
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=PATIENCE)
    assert run.returncode == 128 + signum
    assert stderr.splitlines() == ["slaextract: interrupted after 6 of 7; rerun the same command to resume"]
    kept = [json.loads(line)["document"]["path"] for line in lines(output)]
    assert kept == [str(inputs[0]), str(inputs[1])]  # input order, up to the one still being read
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())

    rerun = slaextract(*command, stub=True, env=env)
    _, stderr = rerun.communicate(timeout=PATIENCE)
    assert (rerun.returncode, stderr) == (0, "")
    assert [json.loads(line)["document"]["path"] for line in lines(output)] == list(map(str, inputs))
    assert Counter(lines(log)) == Counter(map(str, inputs))  # every input read to the end exactly once
    index = [json.loads(line) for line in lines(out_dir / INDEX)]
    assert sorted(r["input"] for r in index if not r["reused"]) == list(map(str, inputs))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the worker")
def test_worker_dies_when_its_parent_is_killed(contracts: list[Path]) -> None:
    stuck = contracts[0].parent / "stuck.txt"
    stuck.write_text(contract_text(7), encoding="utf-8")
    run = slaextract("extract", str(stuck), "--timeout", "600", stub=True, env={"STUB_STUCK": "stuck"})
    try:
        wait_for(lambda: children(run.pid), "the worker to start")
        (worker,) = children(run.pid)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=PATIENCE)
        wait_for(lambda: gone(worker), "the orphaned worker to die")
    finally:
        run.kill()
        run.communicate()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the worker")
def test_worker_enforces_its_own_timeout_when_the_parent_cannot(contracts: list[Path]) -> None:
    """The parent is frozen (SIGSTOP), so only the worker's own watchdog can end the document."""
    stuck = contracts[0].parent / "stuck.txt"
    stuck.write_text(contract_text(8), encoding="utf-8")
    mark = contracts[0].parent / "stuck.started"
    env = {"STUB_STUCK": "stuck", "STUB_STUCK_MARK": str(mark)}
    run = slaextract("extract", str(stuck), "--timeout", "0.5", stub=True, env=env)
    try:
        # the worker has the document (so its watchdog is armed) before the parent is frozen
        wait_for(mark.exists, "the worker to start the document")
        (worker,) = children(run.pid)
        os.kill(run.pid, signal.SIGSTOP)
        wait_for(lambda: gone(worker), "the worker's watchdog")
        os.kill(run.pid, signal.SIGCONT)
        _, stderr = run.communicate(timeout=PATIENCE)
        assert run.returncode == 2
        assert stderr == f"slaextract: {stuck}: took longer than --timeout 0.5 s\n"
    finally:
        run.kill()
        run.communicate()
