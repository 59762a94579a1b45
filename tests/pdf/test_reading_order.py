"""Reading order: two-column pages, running headers and footers, paragraphs cut by a page, hyphens."""

from __future__ import annotations

import pytest

from slaextract.text.clean import clean


def block_texts(doc, kind=None):
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


COLUMN_ORDER = ["1. Support hours.", "2. Escalation.", "3. Service credits.", "4. Claims."]


@pytest.mark.parametrize("name", ["two_column_interleaved.pdf", "two_column_flow.pdf"])
def test_two_column_page_reads_column_by_column(read, name):
    doc = read(name)
    at = [doc.text.find(s) for s in COLUMN_ORDER]
    assert -1 not in at
    assert at == sorted(at)
    # every clause is one paragraph that holds its whole sentence, nothing of the other column inside
    paras = block_texts(doc, "para")
    claims = next(p for p in paras if p.startswith("4. Claims."))
    assert claims.endswith("month in which the shortfall occurred.")
    credits = next(p for p in paras if p.startswith("3. Service credits."))
    assert "Escalation" not in credits and "help desk" not in credits


def test_interleaved_lines_are_split_at_the_gutter(read):
    doc = read("two_column_interleaved.pdf")
    first = next(p for p in block_texts(doc) if p.startswith("1. Support hours."))
    assert first == (
        "1. Support hours. The Provider staffs its\nhelp desk from 08:00 to 20:00 on business\n"
        "days and answers every ticket in order of\nseverity, oldest first."
    )


def test_sentence_goes_on_from_the_left_column_into_the_right(read):
    doc = read("two_column_flow.pdf")
    para = next(p for p in block_texts(doc) if p.startswith("5. Hours."))
    assert para.endswith("public holidays, by the on-call team.")


def test_running_header_and_footer_are_dropped(read):
    doc = read("running_headers.pdf")
    assert "Northwind Hosting" not in doc.text
    assert "Confidential" not in doc.text
    assert "Page 2 of 3" not in doc.text


def test_sentence_cut_by_a_page_break_is_one_paragraph(read):
    doc = read("running_headers.pdf")
    sentence = (
        "The Provider shall acknowledge and start work on Priority 1 incidents within "
        "fifteen minutes of notification"
    )
    para = next(p for p in block_texts(doc) if p.startswith("2. Response."))
    assert sentence in clean(para).text
    # the quote still maps back: its end is on page 2, its start on page 1
    start = doc.text.index("fifteen minutes")
    page, box = doc.locate(start, start + len("fifteen minutes"))
    assert page == 2
    assert box is not None
    block = doc.block_at(doc.text.index("2. Response."))
    assert block is not None and block.page == 1


@pytest.mark.parametrize(
    "name,gone",
    [
        ("page_numbers_zh.pdf", ["第 1 页", "第1页", "共2页", "共 2 页"]),
        ("single_page_footer.pdf", ["Confidential", "Page 1 of 1"]),
    ],
)
def test_page_numbers_are_dropped(read, name, gone):
    doc = read(name)
    for text in gone:
        assert text not in doc.text
    assert doc.text.strip()  # the body stays


def test_chinese_body_survives_page_number_removal(read):
    doc = read("page_numbers_zh.pdf")
    assert "乙方承诺月度可用性不低于99.9%" in doc.text
    assert "紧急故障15分钟内响应" in doc.text


def test_hyphenated_line_ends_are_joined(read):
    doc = read("hyphenated.pdf")
    text = clean(doc.text).text
    assert "technical support for every production system" in text
    assert "production environments" in text and "non production" not in text
    assert "2-core runners" in text


def test_locate_gives_the_page_and_a_box_inside_it(read):
    doc = read("running_headers.pdf")
    quote = "Credits are capped at 50% of the monthly fee."
    start = doc.text.index(quote)
    page, box = doc.locate(start, start + len(quote))
    assert page == 3
    width, height = doc.page_sizes[page - 1]
    x0, top, x1, bottom = box
    assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
    assert 60 < x0 < 80  # drawn at x=72
    assert 90 < top < 110  # baseline at y=740 from the bottom of an 842-point page


def test_a_page_without_text_is_named_in_the_warnings(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from slaextract import extract

    path = tmp_path / "partly-scanned.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 750, "Support is available 24x7 for Severity 1 incidents.")
    c.showPage()
    c.rect(72, 72, 300, 300, fill=1)  # an image-like page: drawing, no text
    c.showPage()
    c.save()
    summary = extract(path)
    assert summary.coverage and summary.coverage[0].days_per_week == 7
    assert any("page(s) 2" in w for w in summary.warnings)
