"""The samples in samples/ give the summaries their .expected.json files record."""

from __future__ import annotations

import json

import pytest
from paths import ROOT
from scoring import FIELDS, keys

from slaextract import extract

SAMPLES = sorted((ROOT / "samples").glob("*.expected.json"))


def test_there_are_three_samples_at_least():
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize("expected_path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_summary_matches_expected(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    pdf = expected_path.with_name(expected_path.name.replace(".expected.json", ".pdf"))
    got = extract(pdf).model_dump(mode="json")
    for field in FIELDS:
        assert keys(got, field) == keys(expected, field), field
    assert got["document"]["pages"] == expected["document"]["pages"]
    for item in got["response_times"] + got["coverage"] + got["availability"]:
        assert item["evidence"]["page"] >= 1 and item["evidence"]["bbox"] is not None
