"""`slaextract check` and `slaextract presets` through typer's CliRunner.

Unit-level runs replace the extractor with prepared summaries; the sample-PDF runs at the end
use the real pipeline.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from slaextract.batch.scheduler import Outcome, Settings
from slaextract.cli import app
from slaextract.errors import InputError
from slaextract.fields.coverage import restore_windows
from slaextract.model import ClauseSummary
from slaextract.policy import load_policy_text
from slaextract.rules import default_rules

ROOT = Path(__file__).resolve().parents[1]
SUMMARIES = ROOT / "tests" / "policy" / "data"
SAMPLES = ROOT / "samples"

runner = CliRunner()


def prepared(name: str) -> ClauseSummary:
    summary = ClauseSummary.model_validate_json((SUMMARIES / f"{name}.json").read_text(encoding="utf-8"))
    return restore_windows(summary, default_rules())  # as extraction gives them: JSON has no windows


FILES = {"msa.pdf": "enterprise-msa", "draft.pdf": "draft-missing", "zh.pdf": "zh-live"}


def fake_extract(path: str | Path, password: str | None = None) -> ClauseSummary:
    name = Path(path).name
    if name == "broken.pdf":
        raise InputError("not a PDF (no %PDF header) nor a .txt/.md file", str(path))
    if name == "crash.pdf":
        raise RuntimeError("pdfminer fell over")
    if name == "locked.pdf" and password != "s3cret":
        raise InputError("the PDF is encrypted; give --password", str(path))
    return prepared(FILES.get(name, "enterprise-msa"))


def fake_backend(todo: list[tuple[int, Path]], settings: Settings, jobs: int) -> Iterator[Outcome]:
    """Stands in for the worker pool check reads documents with: errors come back as values."""
    for index, path in todo:
        try:
            result: object = fake_extract(path, settings.password)
        except Exception as exc:
            result = exc
        yield Outcome(index, path, result)  # type: ignore[arg-type]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("slaextract.batch.scheduler.local_backend", fake_backend)


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


# --- exit codes -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake")
def test_passing_contract_exits_0() -> None:
    result = run("check", "msa.pdf", "--preset", "strict-enterprise")
    assert result.exit_code == 0, result.output
    assert "msa.pdf — policy strict-enterprise: PASS" in result.stdout


@pytest.mark.usefixtures("fake")
def test_failing_contract_exits_1() -> None:
    result = run("check", "draft.pdf", "--preset", "strict-enterprise")
    assert result.exit_code == 1
    assert "FAIL" in result.stdout and "missing" in result.stdout
    assert result.stderr == ""


@pytest.mark.usefixtures("fake")
def test_exit_zero_forces_0() -> None:
    assert run("check", "draft.pdf", "--preset", "strict-enterprise", "--exit-zero").exit_code == 0


@pytest.mark.usefixtures("fake")
def test_fail_on_warning() -> None:
    # zh-live meets live-showroom; only consistency warnings remain.
    assert run("check", "zh.pdf", "--preset", "live-showroom").exit_code == 0
    assert run("check", "zh.pdf", "--preset", "live-showroom", "--fail-on", "warning").exit_code == 1
    assert (
        run("check", "zh.pdf", "--preset", "live-showroom", "--fail-on", "warning", "--exit-zero").exit_code
        == 0
    )


@pytest.mark.usefixtures("fake")
def test_unreadable_file_is_reported_and_the_others_still_checked() -> None:
    result = run(
        "check", "msa.pdf", "broken.pdf", "draft.pdf", "--preset", "strict-enterprise", "--format", "json"
    )
    assert result.exit_code == 2
    assert result.stderr == "broken.pdf: not a PDF (no %PDF header) nor a .txt/.md file\n"
    document = json.loads(result.stdout)
    assert [(r["path"], r["passed"]) for r in document["results"]] == [
        ("msa.pdf", True),
        ("broken.pdf", None),
        ("draft.pdf", False),
    ]


@pytest.mark.usefixtures("fake")
def test_exit_zero_does_not_hide_exit_2() -> None:
    assert run("check", "broken.pdf", "--preset", "strict-enterprise", "--exit-zero").exit_code == 2


@pytest.mark.usefixtures("fake")
def test_unexpected_extractor_error_is_one_line_not_a_traceback() -> None:
    result = run("check", "crash.pdf", "msa.pdf", "--preset", "strict-enterprise")
    assert result.exit_code == 2
    assert result.stderr == "crash.pdf: internal error: RuntimeError: pdfminer fell over\n"
    assert "Traceback" not in result.output
    assert "msa.pdf — policy strict-enterprise: PASS" in result.stdout


@pytest.mark.usefixtures("fake")
def test_password_is_passed_to_the_extractor() -> None:
    assert run("check", "locked.pdf", "--preset", "online-education").exit_code == 2
    assert run("check", "locked.pdf", "--preset", "online-education", "--password", "s3cret").exit_code == 0


# --- policy errors --------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake")
def test_invalid_policy_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "version: 1\nrequirements:\n  - id: r\n    type: availability\n    min_pct: 99\n", encoding="utf-8"
    )
    result = run("check", "msa.pdf", "--policy", str(policy))
    assert result.exit_code == 2
    assert f"{policy}:5: requirements[0].min_pct: unknown key 'min_pct'" in result.stderr
    assert result.stdout == ""


@pytest.mark.usefixtures("fake")
def test_missing_policy_file_exits_2(tmp_path: Path) -> None:
    result = run("check", "msa.pdf", "--policy", str(tmp_path / "nope.yaml"))
    assert (result.exit_code, result.stderr) == (2, f"{tmp_path / 'nope.yaml'}: no such policy file\n")


@pytest.mark.usefixtures("fake")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "msa.pdf"],
        ["check", "msa.pdf", "--preset", "strict-enterprise", "--policy", "p.yaml"],
        ["check", "msa.pdf", "--preset", "nope"],
        ["check", "--preset", "strict-enterprise"],
        ["check", "msa.pdf", "--preset", "strict-enterprise", "--format", "xml"],
        ["check", "msa.pdf", "--preset", "strict-enterprise", "--fail-on", "info"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("fake")
def test_policy_file_with_waiver(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "version: 1\nrequirements:\n  - {id: avail, type: availability, min_percent: 99.99}\n"
        "waivers:\n  - {requirement: avail, reason: negotiated, expires: 2999-01-01}\n",
        encoding="utf-8",
    )
    result = run("check", "msa.pdf", "--policy", str(policy), "--format", "json")
    assert result.exit_code == 0
    verdict = json.loads(result.stdout)["results"][0]["verdict"]
    assert [f["requirement"] for f in verdict["waived"]] == ["avail"] and verdict["findings"] == []


# --- formats and output ---------------------------------------------------------------------------


@pytest.mark.usefixtures("fake")
def test_output_writes_the_report_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = run(
        "check", "draft.pdf", "--preset", "strict-enterprise", "--format", "sarif", "--output", str(out)
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    run_ = json.loads(out.read_text(encoding="utf-8"))["runs"][0]
    assert {r["ruleId"] for r in run_["results"]} >= {"coverage.24x7", "response.rank1"}


@pytest.mark.usefixtures("fake")
def test_output_that_cannot_be_written_exits_2(tmp_path: Path) -> None:
    result = run("check", "msa.pdf", "--preset", "strict-enterprise", "--output", str(tmp_path))
    assert result.exit_code == 2 and "cannot write report" in result.stderr


@pytest.mark.usefixtures("fake")
def test_junit_and_github_formats() -> None:
    junit = run("check", "msa.pdf", "draft.pdf", "--preset", "smart-hardware", "--format", "junit")
    root = ET.fromstring(junit.stdout)
    assert [s.get("name") for s in root.findall("testsuite")] == ["msa.pdf", "draft.pdf"]
    assert root.get("failures") == "3"
    github = run("check", "draft.pdf", "--preset", "smart-hardware", "--format", "github")
    assert github.exit_code == 1
    assert all(
        re.match(r"^::error file=draft\.pdf,title=[^:]+::", line) for line in github.stdout.splitlines()
    )
    assert len(github.stdout.splitlines()) == 3


@pytest.mark.usefixtures("fake")
def test_text_report_is_plain_when_not_a_terminal() -> None:
    result = run("check", "draft.pdf", "--preset", "strict-enterprise")
    assert "\x1b[" not in result.stdout


# --- schema and presets ---------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["check", "--policy-schema"], ["presets", "--schema"]])
def test_schema_commands_print_the_policy_schema(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "slaextract policy" and "requirements" in schema["properties"]


def test_presets_lists_names_with_descriptions() -> None:
    result = run("presets")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [
        "live-showroom",
        "online-education",
        "overseas",
        "smart-hardware",
        "social-1v1",
        "strict-enterprise",
    ]
    assert "rank-1 response ≤ 15 min" in lines[-1]


def test_presets_name_prints_a_policy_to_start_from() -> None:
    result = run("presets", "live-showroom")
    assert result.exit_code == 0
    policy = load_policy_text(result.stdout, "stdout")
    assert policy.name == "live-showroom" and result.stdout.startswith("# live-showroom:")


def test_unknown_preset_exits_2() -> None:
    result = run("presets", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("slaextract: unknown preset 'nope' (known: live-showroom, ")


# --- the sample contracts, through the real extractor ---------------------------------------------


def sample(name: str) -> Path:
    return SAMPLES / name


MSA = sample("en-msa-sla-exhibit.pdf")
DRAFT = sample("en-draft-missing-terms.pdf")
ZH = sample("zh-tech-service-contract.pdf")


@pytest.mark.skipif(not DRAFT.exists(), reason="sample not written yet")
def test_sample_draft_fails_strict_enterprise_with_missing_terms() -> None:
    result = run("check", str(DRAFT), "--preset", "strict-enterprise", "--format", "json")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["results"][0]["verdict"]["findings"]
    missing = {f["requirement"] for f in findings if f["kind"] == "missing"}
    assert {"coverage.24x7", "response.rank1", "availability.minimum"} <= missing


@pytest.mark.skipif(not MSA.exists(), reason="sample not written yet")
def test_sample_msa_passes_online_education() -> None:
    result = run("check", str(MSA), "--preset", "online-education")
    assert result.exit_code == 0, result.output
    assert ": PASS" in result.stdout


@pytest.mark.skipif(not ZH.exists(), reason="sample not written yet")
def test_sample_zh_contract_is_checked_in_chinese() -> None:
    # A Chinese contract with no word of English support fails `overseas`, and says so in Chinese.
    result = run("check", str(ZH), "--preset", "overseas", "--format", "json")
    assert result.exit_code == 1, result.output
    verdict = json.loads(result.stdout)["results"][0]["verdict"]
    assert verdict["language"] == "zh"
    (english,) = [f for f in verdict["findings"] if f["requirement"] == "language.english"]
    assert english["kind"] == "missing" and "英文" in english["message"]


@pytest.mark.skipif(not (MSA.exists() and DRAFT.exists()), reason="samples not written yet")
def test_samples_together_in_sarif(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # SARIF URIs are relative to the working directory
    result = run("check", str(MSA), str(DRAFT), "--preset", "online-education", "--format", "sarif")
    assert result.exit_code == 1
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris == {"samples/en-draft-missing-terms.pdf"}
