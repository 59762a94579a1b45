"""The field registry is the one list of fields: the summary, the rule roles, the self-test's
value keys and the text report all follow it."""

from __future__ import annotations

from slaextract.fields.registry import FIELDS, declared_roles
from slaextract.model import ClauseSummary
from slaextract.pipeline import extract_text
from slaextract.report.summary.text import render

OUTSIDE_FIELDS = {"schema_version", "document", "warnings"}


def test_every_summary_key_belongs_to_one_field() -> None:
    owned = {f.name for f in FIELDS} | {f.evidence_key for f in FIELDS if f.evidence_key}
    assert owned == set(ClauseSummary.model_fields) - OUTSIDE_FIELDS
    assert len({f.name for f in FIELDS}) == len(FIELDS)


def test_value_keys_name_one_field_each() -> None:
    keys = [k for f in FIELDS for k in f.value_keys]
    assert len(keys) == len(set(keys))


def test_a_field_reads_only_earlier_fields() -> None:
    seen: set[str] = set()
    for f in FIELDS:
        assert set(f.needs) <= seen, f"{f.name} needs {f.needs} before it"
        seen.add(f.name)


def test_every_field_reads_roles_of_its_own_term() -> None:
    for f in FIELDS:
        assert f.roles.get(f.term), f.name
        assert f.roles[f.term] <= declared_roles()[f.term]


def test_the_text_report_has_a_section_per_field() -> None:
    summary = extract_text("Support is available 24x7. The service credit is capped at 30% of the monthly fee.")
    text = render(summary)
    for f in FIELDS:
        assert f.title in text
    assert "Credit cap: 30%" in text and "Claim window: not stated" in text
