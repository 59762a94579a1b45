"""Summaries of the version samples (samples/versions), extracted once per test session."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
from paths import ROOT

from slaextract import extract
from slaextract.model import ClauseSummary

VERSIONS = ROOT / "samples" / "versions"
DATA = Path(__file__).resolve().parent / "data"


@cache
def sample_summary(name: str) -> ClauseSummary:
    summary = extract(VERSIONS / f"{name}.pdf")
    # paths as a user in samples/versions would type them, so expected files do not depend on the checkout
    document = summary.document.model_copy(update={"path": f"{name}.pdf"})
    return summary.model_copy(update={"document": document})


@pytest.fixture
def summary_of():
    return sample_summary


def expected(name: str, got: object) -> object:
    """The checked-in expected result; UPDATE_EXPECTED=1 rewrites it (review the git diff!)."""
    path = DATA / f"{name}.json"
    if os.environ.get("UPDATE_EXPECTED") == "1":
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))
