"""The whole flow: file → Document → clean units → field values → ClauseSummary."""

from __future__ import annotations

from pathlib import Path

from . import timeouts
from .fields.context import Context, build_context
from .fields.registry import FIELDS
from .fields.slow import skipping_slow_units
from .model import ClauseSummary, DocumentInfo
from .pdf import Document, read_document
from .rules import RuleSet, default_rules
from .structure import restructure


def summarize(doc: Document, rules: RuleSet | None = None, path: str | None = None) -> ClauseSummary:
    sections = restructure(doc)
    rules = rules or default_rules()
    try:
        return skipping_slow_units(
            doc, lambda: build_context(doc, rules, sections), lambda ctx: summary_of(ctx, doc, path)
        )
    finally:
        rules.forget_texts()


def summary_of(ctx: Context, doc: Document, path: str | None) -> ClauseSummary:
    found: dict = {}
    # a rule that times out on a sentence gives no match there (rules note it); a regex outside
    # the rules that times out raises, and skipping_slow_units drops its passage and reads again
    with timeouts.collect() as timed_out:
        for field in FIELDS:  # in registry order: a field may read what an earlier one found
            found |= field.extract(ctx, found)
    warnings = list(doc.warnings) + timeouts.warnings_for(timed_out, ctx.units, lambda u: ctx.unit_evidence(u).page)
    return ClauseSummary(
        document=DocumentInfo(path=path or doc.path, sha256=doc.sha256, pages=doc.pages, language=ctx.language),  # type: ignore[arg-type]
        warnings=warnings,
        **found,
    )


def extract(path: str | Path, password: str | None = None, max_pages: int | None = None) -> ClauseSummary:
    """Read a contract (PDF, .txt or .md) and return its clause summary."""
    rules = default_rules()
    doc = read_document(path, password=password, max_pages=max_pages, table_hint=rules.table_hint)
    return summarize(doc, rules, path=str(path))


def extract_text(text: str, name: str = "<text>") -> ClauseSummary:
    """Summarize a string (used by rule examples and fuzzing): no layout, so boxes are null."""
    from .pdf.textfile import document_from_text  # noqa: PLC0415

    return summarize(document_from_text(text, name))
