"""HTML → Document, read as structure: headings, paragraphs, list items and tables as tables.

lxml's HTML parser (libxml2: fast, and forgiving of the tag soup real pages are) builds the
tree; scripts, styles, hidden elements and the page's navigation, banner and site footer are
dropped; every block element becomes a paragraph and every <table> a table, with colspan
and rowspan laid out as the PDF reader lays out merged cells.
"""

from __future__ import annotations

from pathlib import Path

import regex

from ..pdf.document import Document
from .flow import Flow
from .sniff import decode_text, sha256_of

# HTML tag names (markup, not language words)
SKIPPED_TAGS = (
    "script style noscript template nav svg math iframe object button select textarea input head title meta link"
    " canvas audio video map"
)
BLOCK_TAGS = (
    "p div section article main aside li dt dd blockquote pre address figure figcaption caption body ul ol dl"
    " header footer form fieldset center details summary hr html"
)
SKIP = frozenset(SKIPPED_TAGS.split())
BLOCKS = frozenset(BLOCK_TAGS.split())
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*>")


def read_html(path: Path, data: bytes) -> Document:
    flow = Flow(str(path), sha256_of(data))
    root = parse(decode_text(data, path))
    if root is not None:
        Walker(flow).visit(root)
    return flow.finish()


def parse(text: str):
    import lxml.html  # noqa: PLC0415  (import cost paid only for HTML)

    text = XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares its encoding
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    return lxml.html.document_fromstring(text, parser=parser)


def walk_html_fragment(fragment: str, flow: Flow) -> None:
    """An HTML fragment (a raw HTML block inside Markdown) into the flow, as structure."""
    root = parse(f"<div>{fragment}</div>")
    if root is not None:
        walker = Walker(flow)
        walker.visit(root)
        walker.flush()


def tag_of(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def skipped(el) -> bool:
    """Not content: scripts and styles, hidden elements, the site's navigation, banner and footer."""
    tag = tag_of(el)
    if not tag or tag in SKIP:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" or HIDDEN_STYLE.search(el.get("style", "")):
        return True
    if el.get("role", "").lower() in CHROME_ROLES:
        return True
    # <header>/<footer> of the page (not of an article or section) are the site's banner and footer
    return tag in ("header", "footer") and not any(
        tag_of(a) in ("article", "main", "section") for a in el.iterancestors()
    )


class Walker:
    """Gathers inline text into the open paragraph; a block element closes it."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.pieces: list[str] = []

    def visit(self, el) -> None:
        tag = tag_of(el)
        if skipped(el):
            pass
        elif tag in HEADINGS:
            self.flush()
            self.flow.heading(visible_text(el), HEADINGS[tag])
        elif tag == "table":
            self.flush()
            self.flow.table(*table_rows(el))
        elif tag == "br":
            self.pieces.append("\n")
        elif tag in BLOCKS:
            self.flush()
            self.visit_children(el, prefix=list_number(el))
            self.flush()
        else:
            self.visit_children(el)
        if el.tail:
            self.pieces.append(el.tail)

    def visit_children(self, el, prefix: str = "") -> None:
        self.pieces.append(prefix + (el.text or ""))
        for child in el:
            self.visit(child)

    def flush(self) -> None:
        if self.pieces:
            self.flow.paragraph("".join(self.pieces))
            self.pieces = []


def list_number(el) -> str:
    """'3. ' for the third item of an ordered list (a numbered clause reads as one in a PDF)."""
    parent = el.getparent()
    if tag_of(el) != "li" or parent is None or tag_of(parent) != "ol":
        return ""
    try:
        start = int(parent.get("start", "1"))
    except ValueError:
        start = 1
    items = [c for c in parent if tag_of(c) == "li"]
    return f"{start + items.index(el)}. "


def visible_text(el) -> str:
    """The text of an element as one line, without its skipped descendants; blocks and <br> break words."""
    pieces: list[str] = [el.text or ""]
    for child in el:
        if not skipped(child):
            if tag_of(child) in BLOCKS or tag_of(child) in ("br", "table", "tr", "td", "th"):
                pieces.append("\n")
            pieces.append(visible_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def table_rows(table) -> tuple[list[list[str | None]], int]:
    """Cell texts row by row; a colspan leaves None to its right, a rowspan repeats its text below."""
    rows: list[list[str | None]] = []
    header_rows = 0
    below: dict[int, tuple[str, int]] = {}  # column → (text of a rowspan cell, rows it still covers)
    for tr in own_rows(table):
        row: list[str | None] = []
        cells = [c for c in tr if tag_of(c) in ("td", "th") and not skipped(c)]
        for cell in cells:
            fill_rowspans(row, below)
            text = visible_text(cell)
            span, down = int_attr(cell, "colspan"), int_attr(cell, "rowspan")
            if down > 1:
                below[len(row)] = (text, down - 1)
            row.append(text)
            row.extend([None] * (span - 1))
        fill_rowspans(row, below)
        rows.append(row)
        if len(rows) == header_rows + 1 and is_header_row(tr, cells):
            header_rows += 1
    return rows, header_rows


def fill_rowspans(row: list[str | None], below: dict[int, tuple[str, int]]) -> None:
    while len(row) in below:
        text, left = below.pop(len(row))
        if left > 1:
            below[len(row)] = (text, left - 1)
        row.append(text)


def own_rows(table) -> list:
    """The table's <tr> elements, not those of a table nested in one of its cells."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def is_header_row(tr, cells: list) -> bool:
    parent = tr.getparent()
    return (parent is not None and tag_of(parent) == "thead") or (bool(cells) and all(tag_of(c) == "th" for c in cells))


def int_attr(el, name: str) -> int:
    try:
        return min(max(int(el.get(name, "1")), 1), 1000)
    except ValueError:
        return 1
