"""Small pieces every evaluator uses: building a finding, choosing the items a scope names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ..model import Evidence
from . import messages
from .findings import Finding, FindingKind
from .messages import Lang
from .model import Severity


class _Scoped(Protocol):
    @property
    def scope(self) -> str | None: ...


ScopedT = TypeVar("ScopedT", bound=_Scoped)


def in_scope(items: Iterable[ScopedT], wanted: str | None) -> list[ScopedT]:
    """Items whose scope contains `wanted`; when none does, the unscoped items (they apply to every plan)."""
    items = list(items)
    if wanted is None:
        return items
    needle = wanted.casefold()
    named = [item for item in items if item.scope and needle in item.scope.casefold()]
    return named or [item for item in items if item.scope is None]


@dataclass(frozen=True)
class FindingMaker:
    """Makes the findings of one requirement: `found(check, kind, ...)` fills in id, severity, language."""

    requirement: str
    severity: Severity
    lang: Lang

    def __call__(
        self,
        check: str,
        kind: FindingKind,
        *,
        evidence: Evidence | None = None,
        actual: str | None = None,
        required: str | None = None,
        **values: object,
    ) -> Finding:
        """`check` names the message template; it is filled with actual, required and `values`."""
        return Finding(
            requirement=self.requirement,
            check=check,
            kind=kind,
            severity=self.severity,
            message=messages.text(check, self.lang, actual=actual, required=required, **values),
            evidence=evidence,
            actual=actual,
            required=required,
        )
