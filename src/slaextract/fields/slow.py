"""A regex that times out on one unit costs that unit, not the document.

Every regex runs with a timeout (budgets.REGEX_TIMEOUT). When one expires inside a field, the
unit the fields were reading is skipped, the user is told which page lost a passage, and the
summary is made again without it. A document that keeps timing out stops with a clear error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..errors import LimitError
from ..pdf.document import Document
from .context import Context

T = TypeVar("T")
MAX_SKIPPED = 5  # units skipped before the document is given up
QUOTE = 60  # characters of the skipped passage quoted in the warning


def skipping_slow_units(doc: Document, build: Callable[[], Context], make: Callable[[Context], T]) -> T:
    """make(build()), again without the unit a regex timed out on, until it works (or MAX_SKIPPED units are gone)."""
    skipped: set[int] = set()
    warnings_before = list(doc.warnings)
    while True:
        ctx = None
        try:
            ctx = build()
            ctx.units.skipped = set(skipped)
            return make(ctx)
        except TimeoutError:
            unit = ctx.units.current if ctx is not None else None
            if unit is None or unit.index in skipped or len(skipped) >= MAX_SKIPPED:
                raise LimitError(
                    "its text makes the patterns run too long (a regex timed out); split or clean the file",
                    doc.path,
                ) from None
            skipped.add(unit.index)
            evidence = ctx.unit_evidence(unit)  # type: ignore[union-attr]  (unit is set, so is ctx)
            quote = evidence.text if len(evidence.text) <= QUOTE else evidence.text[:QUOTE] + "…"
            warnings_before.append(f"page {evidence.page}: a passage took too long to match and was skipped: {quote}")
            doc.warnings = list(warnings_before)
