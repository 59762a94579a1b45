"""The wheel carries patterns/ and the installed package works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from paths import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("slaextract-*.whl"))


def test_wheel_contains_every_pattern_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "patterns").rglob("*.yaml"):
        rel = path.relative_to(ROOT / "patterns").as_posix()
        assert f"slaextract/patterns/{rel}" in names, rel
    assert "slaextract/policy/presets/strict-enterprise.yaml" in names


def test_installed_wheel_runs_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    sample = ROOT / "samples" / "en-msa-sla-exhibit.pdf"
    code = ("import slaextract, json, sys; from slaextract.resources import patterns_dir; "
            "print(patterns_dir()); s = slaextract.extract(sys.argv[1]); print(len(s.response_times))")
    run = subprocess.run([sys.executable, "-c", code, str(sample)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    where, count = run.stdout.split()
    assert Path(where).is_relative_to(target), where
    assert int(count) > 0
