"""Scores a summary against a gold file the way the spec does (keys per field, micro-averaged)."""

from __future__ import annotations

from collections import defaultdict

from slaextract.fields.registry import FIELDS as REGISTRY

FIELDS = [f.name for f in REGISTRY]


def keys(summary: dict, field: str) -> set:
    """The keys the spec compares for one field: each item's (or the scalar's) score key."""
    spec = next(f for f in REGISTRY if f.name == field)
    val = summary.get(field)
    if spec.scalar:
        return set() if val is None else {spec.score_key(val)}
    return {spec.score_key(item) for item in val or []}


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.errors: list[str] = []

    def add(self, name: str, gold: dict, pred: dict) -> None:
        for field in FIELDS:
            g, p = keys(gold, field), keys(pred, field)
            c = self.counts[field]
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
            self.errors += [f"{name} {field} MISSED {k}" for k in g - p]
            self.errors += [f"{name} {field} SPURIOUS {k}" for k in p - g]

    @staticmethod
    def f1(tp: int, fp: int, fn: int) -> float:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_f1(self, field: str) -> float:
        return self.f1(*self.counts[field])

    def overall_f1(self) -> float:
        tot = [sum(c[i] for c in self.counts.values()) for i in range(3)]
        return self.f1(*tot)

    def report(self) -> str:
        lines = [f"{f:20} F1 {self.field_f1(f):.3f}  tp/fp/fn {self.counts[f]}" for f in FIELDS]
        lines.append(f"overall F1 {self.overall_f1():.3f}")
        return "\n".join(lines + self.errors[:60])
