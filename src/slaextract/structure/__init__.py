"""The structure stage: what the author's layout means, between the document and the fields.

A PDF reader gives lines, blocks and ruled tables; contracts also carry meaning in headings
(which section governs a paragraph), in tables that were printed as text (Markdown pipe rows),
and in the header rows of tables. This stage recovers that structure once, so every field can
ask it instead of re-deriving it from raw text.
"""

from __future__ import annotations

from ..pdf.document import Document
from .pipe_tables import recover_pipe_tables
from .run_in import split_run_in_headings
from .sections import Section, Sections, build_sections

__all__ = ["Section", "Sections", "build_sections", "recover_pipe_tables", "restructure", "split_run_in_headings"]


def restructure(doc: Document) -> Sections:
    """Recover tables printed as text and headings run into their paragraphs, then the section
    tree; returns the sections."""
    recover_pipe_tables(doc)
    split_run_in_headings(doc)
    return build_sections(doc)
