"""Field extractors read a Context: a Document cut into sentences and table rows. These helpers build
one from paragraphs and tables written inline, so each extractor is tested on its own input."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from slaextract.fields.context import Context, build_context
from slaextract.pdf.document import Block, Document, TextBuilder
from slaextract.pdf.assemble import emit_table
from slaextract.pdf.tables import PageTable
from slaextract.rules import default_rules

Part = str | list[list[str | None]]  # a paragraph (or heading), or a table's rows (None: a merged cell)


def make_document(*parts: Part) -> Document:
    """One page: each string a paragraph (a short one without closing punctuation is a heading),
    each list of rows a table, in the order given."""
    doc = Document(path="<test>", sha256="0" * 64, pages=1)
    out = TextBuilder()
    for part in parts:
        if isinstance(part, str):
            start, end = out.add(part, 1, None)
            heading = len(part) < 60 and not part.rstrip().endswith((".", "。", ":", "：", ";", "；"))
            doc.blocks.append(Block(start, end, 1, "heading" if heading else "para"))
            out.add("\n\n")
        else:
            boxes = [[None] * len(row) for row in part]
            emit_table(doc, out, PageTable(1, (0.0, 0.0, 0.0, 0.0), part, boxes), None)  # type: ignore[arg-type]
    doc.text = out.text()
    doc.segments = out.segments
    doc.finish()
    return doc


@pytest.fixture(scope="session")
def context_of() -> Callable[..., Context]:
    rules = default_rules()
    return lambda *parts: build_context(make_document(*parts), rules)
