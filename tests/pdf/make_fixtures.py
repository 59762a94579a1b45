"""Build the small PDFs under tests/pdf/fixtures/ (committed; rerun after changing this file).

    .venv/bin/python tests/pdf/make_fixtures.py

Each PDF reproduces one layout that ingest must read right; the file name says which.
Needs reportlab (pip install reportlab); the tests themselves only read the PDFs.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

OUT = Path(__file__).parent / "fixtures"
W, H = A4
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def new(name: str, size=A4) -> canvas.Canvas:
    c = canvas.Canvas(str(OUT / name), pagesize=size, invariant=1)
    c.setFont("Helvetica", 10)
    return c


def lines(c: canvas.Canvas, x: float, y: float, texts: list[str], pitch: float = 13) -> float:
    for t in texts:
        c.drawString(x, y, t)
        y -= pitch
    return y


def ruled_table(
    c: canvas.Canvas,
    x: float,
    y: float,
    widths: list[float],
    rows: list[list[str | None]],
    row_h: float = 18,
    skip_h: set[tuple[int, int]] = frozenset(),
    skip_v: set[tuple[int, int]] = frozenset(),
) -> float:
    """Draw a grid with every cell edge a separate line; skip_h (row, col) drops the line under a cell,
    skip_v (row, col) the line right of a cell (to merge cells). Returns the y under the table."""
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    n = len(rows)
    for r in range(n + 1):
        yy = y - r * row_h
        for k in range(len(widths)):
            if r == 0 or r == n or (r - 1, k) not in skip_h:
                c.line(xs[k], yy, xs[k + 1], yy)
    for r in range(n):
        for k in range(len(widths) + 1):
            if k == 0 or k == len(widths) or (r, k - 1) not in skip_v:
                c.line(xs[k], y - r * row_h, xs[k], y - (r + 1) * row_h)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            if text:
                c.drawString(xs[k] + 4, y - (r + 1) * row_h + 5, text)
    return y - n * row_h


LEFT = [
    "1. Support hours. The Provider staffs its",
    "help desk from 08:00 to 20:00 on business",
    "days and answers every ticket in order of",
    "severity, oldest first.",
    "2. Escalation. A ticket that is not solved",
    "within two days goes to a senior engineer",
    "who reports to the Customer each morning.",
]
RIGHT = [
    "3. Service credits. If monthly uptime is",
    "below 99.9 percent the Customer receives a",
    "credit of ten percent of the monthly fee,",
    "applied to the next invoice.",
    "4. Claims. The Customer must claim a credit",
    "within thirty days after the end of the",
    "month in which the shortfall occurred.",
]


def two_column_interleaved() -> None:
    """Content order jumps between the columns line by line (as some generators draw)."""
    c = new("two_column_interleaved.pdf")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, "Support Schedule (two columns)")
    c.setFont("Helvetica", 10)
    y = 740
    for left, right in zip(LEFT, RIGHT):
        c.drawString(72, y, left)
        c.drawString(316, y, right)
        y -= 13
    c.showPage()
    c.save()


def two_column_flow() -> None:
    """Columns drawn one after the other; the left column's last sentence goes on atop the right one."""
    c = new("two_column_flow.pdf")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, "Support Schedule (flowing columns)")
    c.setFont("Helvetica", 10)
    lines(
        c,
        72,
        740,
        LEFT + ["5. Hours. Severity 1 incidents are handled", "around the clock, including weekends and"],
    )
    lines(c, 316, 740, ["public holidays, by the on-call team."] + RIGHT)
    c.showPage()
    c.save()


def running_headers() -> None:
    """Header, "Confidential — Page N of 3" footer, and a sentence cut by the page break."""
    c = new("running_headers.pdf")
    body = [
        [
            "1. Scope. This schedule sets out the support levels for the hosted platform and the",
            "service credits that apply when they are missed.",
            "",
            "2. Response. The Provider shall acknowledge and start work on Priority 1 incidents within",
        ],
        [
            "fifteen minutes of notification, at any hour of any day of the year.",
            "",
            "3. Updates. The Provider shall update the Customer every hour until the incident is closed.",
        ],
        ["4. Credits. Credits are capped at 50% of the monthly fee."],
    ]
    for n, texts in enumerate(body, 1):
        c.setFont("Helvetica", 8)
        c.drawString(72, 810, "Northwind Hosting Ltd - Master Services Agreement")
        c.drawCentredString(W / 2, 30, f"Confidential \u2014 Page {n} of 3")
        c.setFont("Helvetica", 10)
        y = 740
        if n == 1:
            y = 120 + 13 * (len(texts) - 1)  # the last line sits at the bottom of the body
        lines(c, 72, y, texts)
        c.showPage()
    c.save()


def page_numbers_zh() -> None:
    """Chinese page numbers: "第 N 页 共 2 页" at the foot and "第N页／共2页" at the head."""
    c = new("page_numbers_zh.pdf")
    for n, text in enumerate(
        ["一、服务可用性：乙方承诺月度可用性不低于99.9%。", "二、故障响应：紧急故障15分钟内响应。"], 1
    ):
        c.setFont("STSong-Light", 9)
        c.drawRightString(W - 72, 810, f"第{n}页／共2页")
        c.drawCentredString(W / 2, 30, f"第 {n} 页 共 2 页")
        c.setFont("STSong-Light", 11)
        c.drawString(72, 700, text)
        c.showPage()
    c.save()


def single_page_footer() -> None:
    """One page: nothing repeats, so the footer must be known by its shape."""
    c = new("single_page_footer.pdf")
    c.drawString(72, 700, "Availability. The service will be available 99.95% of each month.")
    c.setFont("Helvetica", 8)
    c.drawCentredString(W / 2, 30, "Confidential \u2014 Page 1 of 1")
    c.showPage()
    c.save()


HEADER = ["Priority", "Response", "Resolution"]
ROWS = [
    ["P1", "15 minutes", "4 hours"],
    ["P2", "1 hour", "8 hours"],
    ["P3", "4 hours", "3 days"],
    ["P4", "1 day", "10 days"],
    ["P5", "2 days", "30 days"],
]


def table_split(name: str, repeat_header: bool) -> None:
    """A ruled table that starts at the foot of page 1 and goes on at the head of page 2."""
    c = new(name)
    for n in (1, 2):
        c.setFont("Helvetica", 8)
        c.drawString(72, 810, "Northwind Hosting Ltd - Support Schedule")
        c.drawCentredString(W / 2, 30, f"Page {n} of 2")
        c.setFont("Helvetica", 10)
        if n == 1:
            c.drawString(72, 740, "The Provider responds to incidents within the following times:")
            y = ruled_table(c, 72, 200, [120, 120, 120], [HEADER] + ROWS[:3])
        else:
            rows = ([HEADER] if repeat_header else []) + ROWS[3:]
            y = ruled_table(c, 72, 760, [120, 120, 120], rows)
            c.drawString(72, y - 30, "Times run from the moment the ticket is logged.")
        c.showPage()
    c.save()


def merged_cells() -> None:
    """Row 1-2 share one "P1" cell (rowspan); the header's last two columns share one cell (colspan)."""
    c = new("merged_cells.pdf")
    c.drawString(72, 740, "Response targets by priority and plan:")
    rows = [
        ["Priority", "Targets", None],
        ["P1", "Response 15 minutes", "Resolution 4 hours"],
        [None, "Updates 1 hour", "Workaround 2 hours"],
        ["P2", "Response 1 hour", "Resolution 8 hours"],
    ]
    ruled_table(c, 72, 700, [100, 150, 150], rows, skip_h={(1, 0)}, skip_v={(0, 1)})
    c.showPage()
    c.save()


def landscape_pages() -> None:
    """Page 1: portrait media box turned by /Rotate 90, content drawn turned so it reads upright.
    Page 2: a landscape media box. Both carry a ruled priority table."""
    c = new("landscape.pdf")
    c.setPageRotation(90)
    c.saveState()
    c.translate(W, 0)
    c.rotate(90)  # from here on: an 842 x 595 landscape page, y up, reading upright once rotated
    c.setFont("Helvetica", 10)
    c.drawString(72, 520, "Rotated page. Incidents are answered within the times below.")
    ruled_table(c, 72, 480, [150, 150, 150], [HEADER] + ROWS[:3])
    c.drawString(72, 380, "Rotated page ends here.")
    c.restoreState()
    c.showPage()
    c.setPageRotation(0)
    c.setPageSize(landscape(A4))
    c.setFont("Helvetica", 10)
    c.drawString(72, 520, "Landscape page. Incidents are answered within the times below.")
    ruled_table(c, 72, 480, [150, 150, 150], [HEADER] + ROWS[3:])
    c.showPage()
    c.save()


def hyphenated() -> None:
    """Words broken over lines with a hyphen (a split word, a compound, and one after a digit)."""
    c = new("hyphenated.pdf")
    lines(
        c,
        72,
        740,
        [
            "The Provider offers round-the-clock technical sup-",
            "port for every production system, including non-",
            "production environments that run on Linux, 2-",
            "core runners and the shared build farm.",
        ],
    )
    c.showPage()
    c.save()


def borderless_table() -> None:
    """An unruled priority table (columns made by alignment only), and aligned text that is no table."""
    c = new("borderless_table.pdf")
    c.drawString(72, 760, "Incident priorities and support response times:")
    y = 730
    for row in [HEADER] + ROWS[:4]:
        for x, text in zip((72, 220, 370), row):
            c.drawString(x, y, text)
        y -= 16
    c.drawString(72, y - 20, "Signed for and on behalf of the parties, with support contacts:")
    y -= 50
    for row in [
        ["Provider", "Customer", "Witness"],
        ["Jane Roe", "John Doe", "Max Mustermann"],
        ["Director", "Head of IT", "Notary"],
    ]:
        for x, text in zip((72, 220, 370), row):
            c.drawString(x, y, text)
        y -= 16
    c.showPage()
    c.save()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    two_column_interleaved()
    two_column_flow()
    running_headers()
    page_numbers_zh()
    single_page_footer()
    table_split("table_split_repeated_header.pdf", True)
    table_split("table_split_no_header.pdf", False)
    merged_cells()
    landscape_pages()
    hyphenated()
    borderless_table()


if __name__ == "__main__":
    main()
