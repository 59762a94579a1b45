"""The extract CLI through typer's CliRunner: output, formats, exit codes."""

from __future__ import annotations

import json

from paths import ROOT
from typer.testing import CliRunner

from slaextract import __version__
from slaextract.cli import app

runner = CliRunner()
SAMPLE = ROOT / "samples" / "en-msa-sla-exhibit.pdf"
ZH_SAMPLE = ROOT / "samples" / "zh-tech-service-contract.pdf"


def test_extract_prints_the_summary_as_json():
    result = runner.invoke(app, ["extract", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["document"]["language"] == "en"
    for key in ("coverage", "response_times", "channels", "availability", "service_credits"):
        assert isinstance(data[key], list)
    assert data["availability"][0]["evidence"]["page"] >= 1


def test_chinese_is_not_escaped():
    result = runner.invoke(app, ["extract", str(ZH_SAMPLE)])
    assert result.exit_code == 0
    assert "\\u" not in result.stdout
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stdout)


def test_library_and_cli_give_the_same_json():
    from slaextract import extract

    result = runner.invoke(app, ["extract", str(SAMPLE)])
    assert json.loads(result.stdout) == {**extract(str(SAMPLE)).model_dump(mode="json")}


def test_text_format_shows_terms_with_pages():
    result = runner.invoke(app, ["extract", "--format", "text", str(SAMPLE)])
    assert result.exit_code == 0
    assert "Response times" in result.stdout and "p." in result.stdout


def test_output_option_writes_a_file(tmp_path):
    out = tmp_path / "summary.json"
    result = runner.invoke(app, ["extract", str(SAMPLE), "--output", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["pages"] >= 1


def test_missing_file_is_exit_2_with_one_line(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2
    assert "nope.pdf" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_text_input_has_null_boxes(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("Support is available 24x7.\n\nSeverity 1: initial response within 15 minutes.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    data = json.loads(result.stdout)
    assert data["coverage"][0]["days_per_week"] == 7
    assert data["response_times"][0]["minutes"] == 15
    assert data["response_times"][0]["evidence"]["bbox"] is None


def test_unknown_format_is_exit_2():
    result = runner.invoke(app, ["extract", "--format", "xml", str(SAMPLE)])
    assert result.exit_code == 2


def test_schema_is_generated_from_the_model():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert "response_times" in schema["properties"]


def test_version():
    result = runner.invoke(app, ["--version"])
    assert __version__ in result.stdout


def test_patterns_test_command_passes_on_built_in_rules():
    result = runner.invoke(app, ["patterns", "test"])
    assert result.exit_code == 0, result.stdout
    assert " 0 failed" in result.stdout


def test_a_reader_that_stops_early_is_not_a_failure():
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "slaextract", "extract", str(ROOT / "samples")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(20)
    proc.stdout.close()  # like `| head -c 20`
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert b"Traceback" not in err
