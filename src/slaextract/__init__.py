"""slaextract: service-level terms from contract PDFs, as a typed clause summary.

from slaextract import extract
summary = extract("contract.pdf")
summary.model_dump(mode="json")   # exactly what `slaextract extract` prints
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ClauseSummary", "__version__", "check", "extract", "extract_text"]

if TYPE_CHECKING:
    from .model import ClauseSummary
    from .pipeline import extract, extract_text


def __getattr__(name: str) -> Any:
    # Imported on first use so `slaextract --version` and `--help` stay instant.
    if name in ("extract", "extract_text"):
        from . import pipeline  # noqa: PLC0415

        return getattr(pipeline, name)
    if name == "ClauseSummary":
        from .model import ClauseSummary  # noqa: PLC0415

        return ClauseSummary
    if name == "check":
        from .policy import check  # noqa: PLC0415

        return check
    raise AttributeError(name)
