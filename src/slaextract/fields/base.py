"""What a field is: the shape every extractor module declares, so that one registry
(fields.registry) drives the pipeline, the rule loader's role check, the rule self-test, the
text report and the test scorer.

A field reads the rules of one term (the ``term:`` of its pattern files) in named roles; its
rule ids are ``<language>.<area>.<name>`` with an area it declares. Adding a field is one module
that defines ``FIELD`` and its pattern files; the registry lists the module.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Evidence
from .context import Context

# Found so far: the summary keys extracted by earlier fields (credit tiers read availability).
Found = Mapping[str, Any]


class Field(Protocol):
    name: str  # its key in the clause summary
    term: str  # the term of the rule files it reads first
    roles: Mapping[str, frozenset[str]]  # term → the roles of it this field reads
    id_areas: tuple[str, ...]  # the middle part of its term's rule ids ("en.credits.cap")
    value_keys: frozenset[str]  # keys of a rule example's `value` that name an item of this field
    title: str  # its section in the text report
    columns: tuple[str, ...]  # the text report's columns for a list field
    scalar: bool  # one value (with its evidence) rather than a list of items
    evidence_key: str | None  # a scalar's evidence in the summary

    def cells(self, item: Any) -> list[str]:
        """One row of the text report (a list field), or the value as words (a scalar field)."""
        ...

    def extract(self, ctx: Context, found: Found) -> dict[str, Any]:
        """Summary keys → values (a list of items, or a value and its evidence)."""
        ...

    def score_key(self, item: Any) -> Hashable:
        """What the spec's scorer compares for one item (a JSON dict, or the scalar value)."""
        ...


@dataclass(frozen=True)
class FieldSpec:
    """A Field made of plain values and two functions."""

    name: str
    term: str
    roles: Mapping[str, frozenset[str]]
    title: str
    extract_fn: Callable[[Context, Found], dict[str, Any]]
    score_fn: Callable[[Any], Hashable]
    cells_fn: Callable[[Any], list[str]] = lambda item: [str(item)]
    columns: tuple[str, ...] = ()
    id_areas: tuple[str, ...] = ()
    value_keys: frozenset[str] = frozenset()
    scalar: bool = False
    evidence_key: str | None = None
    needs: tuple[str, ...] = field(default=())  # summary keys it reads from `found`

    def cells(self, item: Any) -> list[str]:
        return self.cells_fn(item)

    def extract(self, ctx: Context, found: Found) -> dict[str, Any]:
        return self.extract_fn(ctx, found)

    def score_key(self, item: Any) -> Hashable:
        return self.score_fn(item)


def credit_scalar(name: str, roles: Mapping[str, frozenset[str]], title: str, unit: str, extract) -> FieldSpec:
    """A single number the credit terms state once (the cap, the claim window) and its evidence:
    `extract(ctx)` gives (value, evidence); the summary keys are NAME and its evidence key."""
    evidence_key = name.rsplit("_", 1)[0] + "_evidence"
    return FieldSpec(
        name=name,
        term="service_credits",
        roles=roles,
        title=title,
        cells_fn=lambda v: [f"{v:g}{unit}"],
        evidence_key=evidence_key,
        extract_fn=lambda ctx, found: dict(zip((name, evidence_key), extract(ctx), strict=True)),
        score_fn=num,
        id_areas=("credits",),
        value_keys=frozenset({name}),
        scalar=True,
    )


def roles(term: str, *names: str, **other_terms: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """roles("coverage", "window", "days", response_times=("label",)) → term → role names."""
    out = {term: frozenset(names)}
    out.update({t: frozenset(r) for t, r in other_terms.items()})
    return out


def page(ev: Evidence | None) -> str:
    """ "p.3": where an item's evidence is (the text report's page column)."""
    return f"p.{ev.page}" if ev else ""


def quote(ev: Evidence | None, width: int = 70) -> str:
    if ev is None:
        return ""
    return ev.text if len(ev.text) <= width else ev.text[: width - 1] + "…"


def num(x: Any) -> float | None:
    """A number as the scorer compares it (to three decimals)."""
    return None if x is None else round(float(x), 3)
