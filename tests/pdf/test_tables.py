"""Tables: split over pages, merged cells, borderless rows, rotated and landscape pages."""

from __future__ import annotations

import ctypes

import pytest

from slaextract.fields.context import build_context
from slaextract.fields.tables import grid_of
from slaextract.rules import default_rules


def rows_of(doc, table):
    return [[doc.cell_text(c) for c in row] for row in table.rows]


@pytest.mark.parametrize("name", ["table_split_repeated_header.pdf", "table_split_no_header.pdf"])
def test_table_split_over_two_pages_is_one_table(read, name):
    doc = read(name)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert rows_of(doc, table) == [
        ["Priority", "Response", "Resolution"],
        ["P1", "15 minutes", "4 hours"],
        ["P2", "1 hour", "8 hours"],
        ["P3", "4 hours", "3 days"],
        ["P4", "1 day", "10 days"],
        ["P5", "2 days", "30 days"],
    ]
    assert [row[0].page for row in table.rows] == [1, 1, 1, 1, 2, 2]
    assert "Northwind" not in doc.text  # the running header between the two parts is gone


def test_repeated_header_marks_the_header_row(read):
    assert read("table_split_repeated_header.pdf").tables[0].header_rows == 1


def test_every_cell_keeps_its_box_so_evidence_points_at_the_row(read):
    doc = read("table_split_no_header.pdf")
    row = doc.tables[0].rows[4]  # P4, on page 2
    start, end = row[0].start, row[-1].end
    page, box = doc.locate(start, end)
    assert page == 2
    assert all(c.bbox is not None for c in row)
    assert box[0] == pytest.approx(row[0].bbox[0], abs=0.2)
    assert box[2] == pytest.approx(row[-1].bbox[2], abs=0.2)


def test_merged_cells_come_back_empty_and_are_filled_by_the_grid(read):
    doc = read("merged_cells.pdf")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.rows[0][2] is None  # "Targets" spans two columns
    assert table.rows[2][0] is None  # "P1" spans two rows
    grid = grid_of(build_context(doc, default_rules()), 0)
    assert grid.cells[0] == ["Priority", "Targets", "Targets"]
    assert grid.cells[2][:2] == ["P1", "Updates 1 hour"]


def test_rotated_and_landscape_pages(read):
    doc = read("landscape.pdf")
    assert doc.page_sizes[0] == pytest.approx((841.89, 595.28), abs=0.1)  # /Rotate 90: shown landscape
    assert doc.page_sizes[1] == pytest.approx((841.89, 595.28), abs=0.1)
    assert len(doc.tables) == 2
    assert rows_of(doc, doc.tables[0])[1] == ["P1", "15 minutes", "4 hours"]
    assert rows_of(doc, doc.tables[1])[1] == ["P4", "1 day", "10 days"]
    # text before and after the table on the rotated page stays in order, and boxes sit on the shown page
    first, last = doc.text.index("Rotated page. Incidents"), doc.text.index("Rotated page ends here.")
    assert first < doc.tables[0].rows[0][0].start < last
    for start in (first, last):
        page, (x0, top, x1, bottom) = doc.locate(start, start + 12)
        assert page == 1
        assert 0 <= x0 < x1 <= 841.9 and 0 <= top < bottom <= 595.3
    page, (x0, top, _, _) = doc.locate(first, first + 12)
    assert x0 == pytest.approx(72, abs=2) and top == pytest.approx(65, abs=5)


def test_borderless_priority_table_is_found(read):
    doc = read("borderless_table.pdf")
    assert len(doc.tables) == 1
    assert rows_of(doc, doc.tables[0]) == [
        ["Priority", "Response", "Resolution"],
        ["P1", "15 minutes", "4 hours"],
        ["P2", "1 hour", "8 hours"],
        ["P3", "4 hours", "3 days"],
        ["P4", "1 day", "10 days"],
    ]


def test_aligned_text_without_priorities_is_not_a_table(read):
    doc = read("borderless_table.pdf")
    assert "Jane Roe" not in " ".join(doc.cell_text(c) for t in doc.tables for r in t.rows for c in r)
    assert "Jane Roe" in doc.text


def test_tables_are_read_only_on_pages_the_rules_hint_at() -> None:
    from pathlib import Path

    from slaextract.pdf import read_document

    path = Path(__file__).parent / "fixtures" / "merged_cells.pdf"
    assert default_rules().table_hint("Severity | Initial response")
    assert not default_rules().table_hint("Price list | Unit price")
    assert read_document(path, table_hint=default_rules().table_hint).tables
    assert read_document(path, table_hint=lambda line: False).tables == []


def test_path_objects_are_the_pages_paths_and_those_inside_its_forms(tmp_path):
    """path_objects walks pdfium's objects without wrapping each: it must find what pypdfium2's
    own walk finds, inside form XObjects too, and skip text."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from reportlab.pdfgen import canvas

    from slaextract.pdf.grid import path_objects

    path = tmp_path / "forms.pdf"
    c = canvas.Canvas(str(path))
    c.beginForm("cell")  # a ruled cell drawn once and placed twice
    c.rect(0, 0, 100, 20)
    c.line(0, 10, 100, 10)
    c.endForm()
    c.drawString(72, 700, "Priority 1: response within 15 minutes")
    c.line(72, 690, 300, 690)
    c.doForm("cell")
    c.translate(0, 40)
    c.doForm("cell")
    c.save()
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    try:
        for depth in (1, 2):
            ours = [ctypes.addressof(h.contents) for h in path_objects(page, depth)]
            theirs = [
                ctypes.addressof(o.raw.contents)
                for o in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=depth)
            ]
            assert ours == theirs
        assert len(ours) == 5  # the page's line, and the rect and line of each placed form
    finally:
        page.close()
        pdf.close()


def test_a_header_rows_columns_run_down_rows_ruled_only_across(tmp_path):
    """A web-style table: the header row has cell borders, the body rows only a rule under each.
    The header's columns are the body's, so the table is read cell by cell."""
    from reportlab.pdfgen import canvas

    from slaextract.pdf import read_document

    path = tmp_path / "ruled_rows.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "Table 3. Support targets by priority")
    xs, top = [72, 240, 400, 540], 700
    c.rect(xs[0], top - 20, xs[-1] - xs[0], 20)  # the header row, boxed, with its column borders
    for x in xs[1:-1]:
        c.line(x, top - 20, x, top)
    for x, text in zip(xs, ["Target", "P1", "P2"], strict=False):
        c.drawString(x + 4, top - 14, text)
    rows = [
        ["Initial response", "15 minutes", "1 hour"],
        ["Status updates", "every 30 minutes", "every 2 hours"],
        ["Restoration", "2 hours", "8 hours"],
    ]
    y = top - 20
    for row in rows:
        for x, text in zip(xs, row, strict=False):
            c.drawString(x + 4, y - 14, text)
        y -= 20
        c.line(xs[0], y, xs[-1], y)  # a rule under the row, and no vertical
    c.drawString(72, y - 40, "Targets are measured from the time the case is created.")
    c.save()
    doc = read_document(path)
    assert [[doc.cell_text(cell) for cell in row] for row in doc.tables[0].rows] == [
        ["Target", "P1", "P2"],
        ["Initial response", "15 minutes", "1 hour"],
        ["Status updates", "every 30 minutes", "every 2 hours"],
        ["Restoration", "2 hours", "8 hours"],
    ]


def test_a_boxed_heading_bar_is_no_table_header():
    """Rules of one width with only a box's sides (or a heading bar's thin accent stripe) between
    two of them: no columns to run down."""
    from slaextract.pdf.grid import header_columns_run_down

    hs = [(100.0, 68.0, 538.0), (120.0, 68.0, 538.0), (200.0, 68.0, 538.0), (260.0, 68.0, 538.0)]
    bar = [(68.0, 100.0, 120.0), (72.0, 100.0, 120.0), (538.0, 100.0, 120.0)]
    assert header_columns_run_down(hs, bar, []) == []
    header = [*bar, (300.0, 100.0, 120.0)]  # a real column border in the first band
    run = header_columns_run_down(hs, header, [])
    assert {x for x, _, _ in run} == {68.0, 72.0, 300.0, 538.0} and {(y0, y1) for _, y0, y1 in run} == {(100.0, 260.0)}
    # a table already found just below the header: the run stops before it, and there is none
    assert header_columns_run_down(hs, header, [(60.0, 190.0, 540.0, 270.0)]) == []
