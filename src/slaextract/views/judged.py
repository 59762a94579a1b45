"""Which terms a policy requirement judges, and which of them its findings point at.

The policy engine reports findings per requirement; the views need the other direction too:
the report lists, under each requirement, the items it looked at, and compare marks the cell a
failing finding is about.
"""

from __future__ import annotations

from ..policy import Finding, Policy, Verdict
from ..policy.common import in_scope
from .terms import Term

# the summary fields each requirement type reads (language reads evidence text, not a field)
FIELDS_OF_TYPE: dict[str, tuple[str, ...]] = {
    "coverage": ("coverage",),
    "response_time": ("response_times",),
    "availability": ("availability",),
    "channels": ("channels",),
    "service_credits": ("service_credits", "credit_cap", "claim_window"),
    "language": (),
}


def judged_terms(requirement: object, terms: list[Term]) -> list[Term]:
    """The terms `requirement` (a policy requirement model) looks at when it is evaluated."""
    kind = getattr(requirement, "type", "")
    chosen = [t for t in terms if t.field in FIELDS_OF_TYPE.get(kind, ())]
    if kind == "response_time":
        rank, wanted = getattr(requirement, "rank", None), getattr(requirement, "kind", "response")
        chosen = [t for t in chosen if t.item.rank in (rank, None) and t.item.kind == wanted]
    if kind == "channels":
        named = set(getattr(requirement, "all_of", []) or []) | set(getattr(requirement, "any_of", []) or [])
        chosen = [t for t in chosen if t.item.channel in named]
    scope = getattr(requirement, "scope", None)
    if scope and kind in ("coverage", "response_time", "availability"):
        items = in_scope([t.item for t in chosen], scope)
        chosen = [t for t in chosen if t.item in items]
    return chosen


def findings_about(term: Term, policy: Policy, verdict: Verdict) -> list[Finding]:
    """Active findings of the requirements that judge `term` and cite its clause."""
    out = []
    for requirement in policy.requirements:
        if not judged_terms(requirement, [term]):
            continue
        cited = [f for f in verdict.findings_for(requirement.id) if f.evidence is not None]
        out += [f for f in cited if f.evidence == term.evidence]
    return out
