"""The structure stage: pipe-text tables, run-in headings, section levels and what headings govern."""

from __future__ import annotations

from slaextract import extract_text
from slaextract.pdf.document import Block, Document, TextBuilder
from slaextract.pdf.textfile import document_from_text
from slaextract.structure import build_sections, recover_pipe_tables, split_run_in_headings
from slaextract.structure.sections import numbering_class


def doc_of(blocks: list[tuple[str, str, float]]) -> Document:
    """A document of (kind, text, font size) blocks, one per page line, without boxes."""
    out = TextBuilder()
    doc = Document(path="t", sha256="0", pages=1)
    for kind, text, size in blocks:
        start = out.length
        out.add(text, 1, None)
        doc.blocks.append(Block(start, out.length, 1, kind, size=size))  # type: ignore[arg-type]
        out.add("\n\n")
    doc.text = out.text()
    doc.segments = out.segments
    doc.finish()
    return doc


def test_pipe_rows_that_flowed_into_paragraphs_are_a_table_again():
    doc = doc_of(
        [
            ("heading", "Level| Meaning| Response target", 10),
            ("para", "---|---|---| Level 1| Outage|", 10),
            ("para", "Gold: 1 hour\nSilver: 2 hours", 10),
            ("para", "Level 2| Degraded|", 10),
            ("para", "Gold: 4 hours\nSilver: 8 hours", 10),
            ("para", "Closing words after the table.", 10),
        ]
    )
    assert recover_pipe_tables(doc) == 1
    table = doc.tables[0]
    cells = [[doc.cell_text(c).strip() if c else None for c in row] for row in table.rows]
    assert cells[0] == ["Level", "Meaning", "Response target"]
    assert cells[1][0] == "Level 1" and cells[1][2].startswith("Gold: 1 hour")
    assert cells[2][:2] == ["Level 2", "Degraded"]
    assert doc.blocks[-1].kind == "para"  # the paragraph after the table stays a paragraph
    assert [b.row for b in doc.blocks if b.kind == "row"] == [0, 1, 2]


def test_a_pipe_without_a_separator_row_is_not_a_table():
    doc = doc_of([("para", "Choose Gold | Silver on the order form.", 10), ("para", "More | text", 10)])
    assert recover_pipe_tables(doc) == 0 and not doc.tables


def test_pipe_table_rows_give_targets_per_plan_line():
    text = "| Severity | Response |\n| --- | --- |\n| Severity 1 | Gold: 30 minutes |\n| Severity 2 | Gold: 2 hours |"
    got = {(r.rank, r.kind, r.minutes) for r in extract_text(text).response_times}
    assert got == {(1, "response", 30.0), (2, "response", 120.0)}


def test_run_in_numbered_heading_is_split_from_its_paragraph():
    doc = doc_of(
        [("para", "2. Negotiation notes\nThe first draft asked for a 99.99% commitment, which was refused.", 10)]
    )
    assert split_run_in_headings(doc) == 1
    assert [b.kind for b in doc.blocks] == ["heading", "para"]
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == "2. Negotiation notes"


def test_a_wrapped_numbered_clause_is_not_a_heading():
    doc = doc_of([("para", "4.2 Customer may reach the desk by phone or\nby e-mail at any time.", 10)])
    assert split_run_in_headings(doc) == 0


def test_headings_numbered_alike_are_siblings_and_larger_titles_govern_them():
    doc = doc_of(
        [
            ("heading", "Service Schedule", 20),
            ("heading", "1. Support", 10),
            ("para", "Body text of the support section, long enough to be body.", 10),
            ("heading", "1.1 Hours", 10),
            ("para", "More body text under the hours heading.", 10),
            ("heading", "2. Credits", 10),
            ("para", "Body text of the credits section.", 10),
        ]
    )
    sections = build_sections(doc)
    titles = {s.title: s for s in sections.items}
    assert titles["1. Support"].parent == titles["Service Schedule"].index
    assert titles["1.1 Hours"].parent == titles["1. Support"].index
    assert titles["2. Credits"].parent == titles["Service Schedule"].index
    under_hours = doc.text.index("More body")
    assert [s.title for s in sections.path(under_hours)] == ["Service Schedule", "1. Support", "1.1 Hours"]
    assert [s.title for s in sections.path(doc.text.index("Body text of the credits"))][-1] == "2. Credits"


def test_numbering_kinds():
    assert numbering_class("2. Credits") == "decimal1"
    assert numbering_class("2.1 Tiers") == "decimal2"
    assert numbering_class("Credits") is None


def test_a_worked_example_heading_governs_the_figures_under_it():
    text = (
        "# 3. Service levels\n\nSeverity 1 incidents: response within 30 minutes.\n\n"
        "# 4. Worked example\n\nSeverity 1 incidents: response within 45 minutes in this example month.\n\n"
        "# 5. Contacts\n\nSeverity 2 incidents: response within 4 hours."
    )
    got = {(r.rank, r.minutes) for r in extract_text(text).response_times}
    assert (1, 45.0) not in got
    assert {(1, 30.0), (2, 240.0)} <= got


def test_markdown_heading_levels_come_from_the_hashes():
    doc = document_from_text("# Top\n\n## Child\n\nBody under child.\n\n# Next\n\nBody under next.")
    sections = build_sections(doc)
    assert [(s.title, s.level) for s in sections.items] == [("Top", 10), ("Child", 20), ("Next", 10)]
