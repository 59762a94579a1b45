"""`slaextract score GOLD_DIR`: scores per field and language, every miss, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from slaextract.cli import app

EN = (
    "Support is available 24 hours a day, 7 days a week. The Provider will respond to Priority 1 incidents "
    "within 15 minutes. The Service will be available 99.9% of each calendar month."
)


def gold(**terms) -> str:
    return json.dumps({"language": terms.pop("language", "en"), **terms})


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def score(*args: str):
    return CliRunner().invoke(app, ["score", *args])


def test_hits_misses_and_spurious_terms_are_counted_and_listed(tmp_path):
    truth = gold(
        coverage=[{"days_per_week": 7, "hours_per_day": 24}],
        response_times=[{"rank": 1, "kind": "response", "minutes": 15}, {"rank": 2, "kind": "response", "minutes": 60}],
        availability=[],  # the annotator says 99.9% is no commitment: the extractor's item is spurious
    )
    run = score(str(folder(tmp_path, {"a.txt": EN, "a.gold.json": truth})))
    assert run.exit_code == 0, run.output
    assert "a response_times MISSED (2, 'response', 60.0)" in run.output
    assert "a availability SPURIOUS 99.9" in run.output
    coverage = next(line for line in run.output.splitlines() if line.split()[:1] == ["coverage"])
    assert coverage.split()[-1] == "1/0/0"


def test_scores_per_language_and_json(tmp_path):
    files = {"a.txt": EN, "a.gold.json": gold(availability=[{"percent": 99.9}])}
    files |= {"b.txt": EN, "b.gold.json": gold(language="zh", availability=[{"percent": 99.5}])}
    run = score(str(folder(tmp_path, files)), "--format", "json")
    data = json.loads(run.output)
    assert set(data["languages"]) == {"en", "zh"}
    assert data["languages"]["en"]["fields"]["availability"]["f1"] == 1.0
    assert data["languages"]["zh"]["fields"]["availability"]["tp"] == 0
    assert "b availability MISSED 99.5" in data["misses"]


def test_fail_under_exits_1(tmp_path):
    path = folder(tmp_path, {"a.txt": EN, "a.gold.json": gold(channels=[{"channel": "phone"}])})
    assert score(str(path), "--fail-under", "0.99").exit_code == 1


def test_a_gold_file_without_its_contract_or_unreadable_exits_2(tmp_path):
    run = score(str(folder(tmp_path, {"lonely.gold.json": gold(), "bad.gold.json": "{", "bad.txt": EN})))
    assert run.exit_code == 2
    assert "lonely.gold.json: no lonely" in run.output
    assert "bad.gold.json: not valid JSON" in run.output
    assert score(str(tmp_path / "missing")).exit_code == 2
