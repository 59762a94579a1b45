"""The same batch on a Dask LocalCluster (the `cluster` extra) gives what the local workers give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import SAMPLES, slaextract
from typer.testing import CliRunner

from slaextract.cli import app

pytest.importorskip("distributed", reason="the cluster extra (pip install 'slaextract[cluster]') is not installed")

PATIENCE = 180


def test_local_cluster_output_and_store_equal_local_workers(contracts: list[Path], tmp_path: Path) -> None:
    bad = contracts[0].parent / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 and nothing")
    (contracts[0].parent / "sample.pdf").write_bytes((SAMPLES / "en-msa-sla-exhibit.pdf").read_bytes())
    folder = str(contracts[0].parent)
    local = slaextract("extract", folder, "--jobs", "2")
    local_out, local_err = local.communicate(timeout=PATIENCE)
    dask = slaextract("extract", folder, "--cluster", "local:1", "--out-dir", str(tmp_path / "r"))
    dask_out, dask_err = dask.communicate(timeout=PATIENCE)
    assert (dask.returncode, dask_out, dask_err) == (local.returncode, local_out, local_err)
    assert local.returncode == 2 and "broken.pdf" in local_err
    index = [json.loads(line) for line in (tmp_path / "r" / "index.jsonl").read_text().splitlines()]
    assert len(index) == 8 and not any(r["reused"] for r in index)


def test_a_bad_cluster_address_is_one_line(contracts: list[Path]) -> None:
    run = CliRunner().invoke(app, ["extract", str(contracts[0]), "--cluster", "nowhere"])
    assert (run.exit_code, run.stderr) == (2, "slaextract: --cluster nowhere: give local, local:N or tcp://HOST:PORT\n")
