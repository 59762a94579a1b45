"""Run every rule's examples: `match` must match (and, with a value, extraction of the example
must produce an item carrying it); `no_match` must not match; `todo_*` are known gaps that are
expected to fail, so a fixed gap shows up as a failure until the example is promoted.

It sits above the pipeline (a value is checked by extracting the example), so the rules package
never imports the stages that use it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fields.registry import FIELDS
from .pdf.textfile import document_from_text
from .pipeline import summarize
from .rules import Examples, Rule, RuleSet, default_rules, load_rules
from .text.clean import clean


@dataclass(frozen=True)
class Case:
    rule: Rule
    kind: str  # match | no_match | todo_match | todo_no_match
    text: str
    value: dict[str, Any] | None = None

    @property
    def id(self) -> str:
        return f"{self.rule.id}:{self.kind}:{self.text[:40]}"


def cases(rules: RuleSet) -> list[Case]:
    out: list[Case] = []
    for rule in rules.rules:
        ex: Examples = rule.spec.examples
        for e in ex.match:
            e = Examples.as_example(e)
            out.append(Case(rule, "match", e.text, e.value))
        out += [Case(rule, "no_match", t) for t in ex.no_match]
        for e in ex.todo_match:
            e = Examples.as_example(e)
            out.append(Case(rule, "todo_match", e.text, e.value))
        out += [Case(rule, "todo_no_match", t) for t in ex.todo_no_match]
    return out


def value_found(text: str, value: dict[str, Any], rules: RuleSet) -> bool:
    """Does extracting `text` (as a one-paragraph document) give an item with these values?
    The field is the first whose value keys the example names (fields.registry)."""
    summary = summarize(document_from_text(text), rules).model_dump(mode="json")
    field = next(f for f in FIELDS if f.value_keys & value.keys())
    if field.scalar:
        return summary[field.name] == value[field.name]
    return any(all(_same(item.get(k), v) for k, v in value.items()) for item in summary[field.name])


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return round(float(a), 3) == round(float(b), 3)
    return a == b


def passes(case: Case, rules: RuleSet) -> bool:
    # rules read clean text (full-width folded, CJK line breaks dropped), as in the pipeline
    matched = case.rule.search(clean(case.text).text) is not None
    if case.kind in ("match", "todo_match"):
        ok = matched and (case.value is None or value_found(case.text, case.value, rules))
    else:
        ok = not matched
    return ok if not case.kind.startswith("todo") else not ok


def run_examples(folder: Path | None = None) -> tuple[list[str], int]:
    """(failure descriptions, number of cases) for the rules in `folder` (default: built-in)."""
    rules = load_rules(folder) if folder else default_rules()
    all_cases = cases(rules)
    failures = []
    for case in all_cases:
        if not passes(case, rules):
            why = "todo now passes: promote it" if case.kind.startswith("todo") else case.kind
            failures.append(f"{case.rule.id} [{why}] {case.text!r}" + (f" -> {case.value}" if case.value else ""))
    return failures, len(all_cases)
