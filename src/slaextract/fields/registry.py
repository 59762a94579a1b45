"""Every field, in the order the pipeline extracts them (a field may read those before it).

The pipeline, the rule loader's role check, the rule self-test, the text report and the test
scorer all read this list: a new field is a module with a ``FIELD`` and a line here.
"""

from __future__ import annotations

from functools import cache

from . import availability, channels, claim_window, coverage, credit_cap, credit_tiers, response
from .base import Field, roles

FIELDS: tuple[Field, ...] = (
    coverage.FIELD,
    response.FIELD,
    channels.FIELD,
    availability.FIELD,
    credit_tiers.FIELD,
    credit_cap.FIELD,
    claim_window.FIELD,
)
# Not a field: what every field's reading starts from (fields.context), with rules of its own.
CONTEXT_ROLES = roles("context", "veto_note", "veto_section", "revision_history", "table_hint")
CONTEXT_AREAS = ("context",)


def by_name(name: str) -> Field:
    return next(f for f in FIELDS if f.name == name)


@cache
def declared_roles() -> dict[str, frozenset[str]]:
    """Term → every role some field (or the context) reads: the roles a rule file may use."""
    out: dict[str, set[str]] = {}
    for declared in [*(f.roles for f in FIELDS), CONTEXT_ROLES]:
        for term, names in declared.items():
            out.setdefault(term, set()).update(names)
    return {term: frozenset(names) for term, names in out.items()}


@cache
def declared_areas() -> dict[str, frozenset[str]]:
    """Term → the middle parts its rule ids may have ("en.response.x" in a response_times file)."""
    out: dict[str, set[str]] = {"context": set(CONTEXT_AREAS)}
    for f in FIELDS:
        out.setdefault(f.term, set()).update(f.id_areas)
    return {term: frozenset(areas) for term, areas in out.items()}
