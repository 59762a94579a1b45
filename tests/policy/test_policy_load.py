"""Loading a policy file: what is accepted, and errors that name the file and the line."""

from __future__ import annotations

import pickle
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from slaextract.errors import PolicyError, SlaError
from slaextract.policy import PolicyValidationError, load_policy, load_policy_text, policy_schema
from slaextract.policy.model import CoverageRequirement, ResponseTimeRequirement

DOCS = Path(__file__).resolve().parents[2] / "README.md"

VALID = """\
version: 1
name: ours
requirements:
  - id: coverage.evening
    type: coverage
    severity: warning
    min_days_per_week: 7
    min_hours_per_day: 12
    window: "19:00-24:00"
    days: [sat, sun]
  - id: response.rank1
    type: response_time
    rank: 1
    max_minutes: 15
waivers:
  - requirement: response.rank1
    reason: vendor agreed to fix in the renewal
    expires: 2030-06-30
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(PolicyValidationError) as info:
        load_policy_text(textwrap.dedent(text), "p.yaml")
    return str(info.value).splitlines()


def test_valid_policy_loads_with_defaults() -> None:
    policy = load_policy_text(VALID, "p.yaml")
    coverage, response = policy.requirements
    assert isinstance(coverage, CoverageRequirement)
    assert coverage.day_names == ("sat", "sun") and coverage.severity == "warning"
    assert coverage.time_window is not None and (coverage.time_window.start, coverage.time_window.end) == (
        1140,
        1440,
    )
    assert isinstance(response, ResponseTimeRequirement)
    assert (response.kind, response.severity, response.scope) == ("response", "error", None)
    assert str(policy.waivers[0].expires) == "2030-06-30"


def test_load_policy_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert load_policy(path).name == "ours"


def test_unknown_key_names_file_line_and_a_suggestion() -> None:
    lines = errors_of(
        """\
        version: 1
        requirements:
          - id: r1
            type: response_time
            rank: 1
            max_minute: 15
        """
    )
    assert (
        "p.yaml:6: requirements[0].max_minute: unknown key 'max_minute' (did you mean 'max_minutes'?)"
        in lines
    )
    assert "p.yaml:3: requirements[0].max_minutes: missing required key 'max_minutes'" in lines


def test_validation_error_survives_pickling() -> None:
    # Errors cross process boundaries in batch runs; the problems must come along.
    with pytest.raises(PolicyValidationError) as info:
        load_policy_text("version: 1\nrequirments: []\n", "p.yaml")
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value) and copy.problems == info.value.problems


def test_unknown_top_level_key() -> None:
    assert errors_of("version: 1\nrequirments: []\n") == [
        "p.yaml:2: requirments: unknown key 'requirments' (did you mean 'requirements'?)"
    ]


def test_missing_version() -> None:
    assert errors_of("name: x\nrequirements: []\n") == ["p.yaml:1: version: missing required key 'version'"]


def test_unsupported_version() -> None:
    assert errors_of("version: 2\n")[0].startswith("p.yaml:1: version: invalid value 2")


def test_unknown_requirement_type_points_at_the_type_line() -> None:
    (line,) = errors_of("version: 1\nrequirements:\n  - id: x\n    type: uptime\n")
    assert line.startswith("p.yaml:4: requirements[0].type: unknown requirement type 'uptime'")


def test_requirement_without_type() -> None:
    assert errors_of("version: 1\nrequirements:\n  - id: x\n") == [
        "p.yaml:3: requirements[0]: a requirement needs a 'type' key"
    ]


def test_bad_enum_value_names_the_list_item() -> None:
    (line,) = errors_of(
        "version: 1\nrequirements:\n  - id: c\n    type: channels\n    all_of: [phone, fax]\n"
    )
    assert line.startswith("p.yaml:5: requirements[0].all_of[1]: invalid value 'fax'")


def test_unquoted_window_gets_a_hint() -> None:
    (line,) = errors_of("version: 1\nrequirements:\n  - id: c\n    type: coverage\n    window: 19:00\n")
    assert line.startswith("p.yaml:5: requirements[0].window: quote the window")


def test_coverage_needs_days_and_hours_together() -> None:
    (line,) = errors_of(
        "version: 1\nrequirements:\n  - id: c\n    type: coverage\n    min_days_per_week: 7\n"
    )
    assert line == (
        "p.yaml:3: requirements[0]: give min_days_per_week and min_hours_per_day together (7 and 24 for 7×24)"
    )


def test_duplicate_yaml_key() -> None:
    (line,) = errors_of("version: 1\nname: a\nname: b\n")
    assert line == "p.yaml:3: name: duplicate key 'name'"


def test_duplicate_requirement_id_and_unknown_waiver_target() -> None:
    lines = errors_of(
        """\
        version: 1
        requirements:
          - {id: a, type: language, language: en}
          - {id: a, type: availability, min_percent: 99}
        waivers:
          - {requirement: b, reason: r, expires: 2030-01-01}
          - {requirement: consistency.rank-order, reason: r, expires: 2030-01-01}
        """
    )
    assert lines == [
        "p.yaml:4: requirements[1].id: duplicate requirement id 'a'",
        "p.yaml:6: waivers[0].requirement: no requirement with id 'b'",
    ]


def test_yaml_syntax_error_has_a_line() -> None:
    (line,) = errors_of("version: 1\nrequirements: [\n")
    assert re.match(r"p\.yaml:\d+: YAML syntax error: ", line)


@pytest.mark.parametrize(("text", "message"), [("", "empty"), ("- a\n", "must be a mapping")])
def test_not_a_policy(text: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        load_policy_text(text, "p.yaml")


def test_missing_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path / "nope.yaml")
    assert isinstance(info.value, SlaError) and info.value.exit_code == 2
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}: no such policy file"


def test_schema_documents_every_requirement_type_and_accepts_a_valid_policy() -> None:
    schema = policy_schema()
    text = str(schema)
    for kind in ("coverage", "response_time", "availability", "channels", "service_credits", "language"):
        assert f"'{kind}'" in text
    jsonschema.validate(yaml.safe_load(VALID.replace("2030-06-30", "'2030-06-30'")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 1, "surprise": True}, schema)


@pytest.mark.skipif(not DOCS.exists(), reason="README.md is not beside the tests")
def test_every_policy_in_the_docs_is_valid() -> None:
    # The docs' examples are what users copy first: each YAML block with a `version` key must load.
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    policies = [b for b in blocks if isinstance(yaml.safe_load(b), dict) and "version" in yaml.safe_load(b)]
    assert len(policies) >= 2, "README.md should show a full example policy and a waiver"
    for block in policies:
        load_policy_text(block, "README.md")


def test_a_misspelt_top_level_key_suggests_the_top_level_key() -> None:
    assert "did you mean 'requirements'?" in errors_of("version: 1\nrequirement:\n  - id: x\n")[0]


def test_a_policy_without_requirements_is_an_error() -> None:
    assert errors_of("version: 1\nrequirements: []\n") == ["p.yaml:2: requirements: a policy needs at least one requirement"]
    assert errors_of("version: 1\nname: nothing\n") == ["p.yaml:1: requirements: a policy needs at least one requirement"]
