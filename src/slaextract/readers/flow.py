"""A Document built from a flow of headings, paragraphs and tables (sources without pages).

Word, HTML and Markdown have no pages or boxes; what they have is structure. Each reader
walks its source and calls ``heading``, ``paragraph`` and ``table`` in reading order; this
builder lays the text out exactly as the PDF reader does (blocks separated by a blank line,
a table row as its cells joined by " | "), so fields and rules read every kind alike, and
gives every piece a location: the heading path and "¶ n" or "table t, row r".
"""

from __future__ import annotations

import regex

from ..pdf.document import Block, Cell, Document, Heading, Table, TextBuilder

PAGE = 1  # blocks, cells and segments carry a page; a flow is one long page
SPACES = regex.compile(r"\s+")
# CJK scripts, and the CJK and full-width punctuation blocks (written as code points: no CJK literal in src)
CJK_CLASS = r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]"
CJK_END = regex.compile(CJK_CLASS + "$")
CJK_START = regex.compile("^" + CJK_CLASS)
PATH_SEPARATOR = " › "
MAX_TITLE = 60  # a heading path quotes each heading up to this many characters


def join_lines(lines: list[str]) -> str:
    """Lines (of a paragraph, a cell, a list item) as one: a space between words, none between two
    CJK characters (a line break inside a Chinese sentence is not a word break)."""
    out = ""
    for line in lines:
        line = SPACES.sub(" ", line).strip()
        if not line:
            continue
        if out and not (CJK_END.search(out) and CJK_START.search(line)):
            out += " "
        out += line
    return out


def squash(text: str) -> str:
    return join_lines(text.splitlines())


class Flow:
    """Collects the document; ``finish`` returns it."""

    def __init__(self, path: str, sha256: str) -> None:
        self.doc = Document(path=path, sha256=sha256, pages=1, paged=False)
        self.out = TextBuilder()
        self.open_headings: list[Heading] = []
        self.paragraphs = 0

    # ------------------------------------------------------------ what readers call

    def heading(self, text: str, level: int) -> None:
        text = squash(text)
        if not text:
            return
        self.paragraphs += 1
        start, end = self.out.add(text, PAGE, None, self.location(f"¶ {self.paragraphs}"))
        heading = Heading(start, end, max(level, 1), text)
        self.doc.headings.append(heading)
        self.open_headings = [h for h in self.open_headings if h.level < heading.level] + [heading]
        self.doc.blocks.append(Block(start, end, PAGE, "heading", level=heading.level))
        self.out.add("\n\n")

    def paragraph(self, text: str) -> None:
        text = squash(text)
        if not text:
            return
        self.paragraphs += 1
        start, end = self.out.add(text, PAGE, None, self.location(f"¶ {self.paragraphs}"))
        self.doc.blocks.append(Block(start, end, PAGE, "para"))
        self.out.add("\n\n")

    def table(self, rows: list[list[str | None]], header_rows: int = 0) -> None:
        """Rows of cell texts; None marks a cell covered by a merged cell to its left (as the PDF
        reader marks them). A one-column table is a layout box, not a table: its cells are paragraphs."""
        rows = [r for r in rows if any(c and c.strip() for c in r)]
        if not rows:
            return
        if max(len(r) for r in rows) < 2:
            for r in rows:
                self.paragraph(r[0] or "")
            return
        table = Table(page=PAGE, rows=[], header_rows=min(header_rows, len(rows) - 1))
        self.doc.tables.append(table)
        t_index = len(self.doc.tables) - 1
        for r, row in enumerate(rows):
            where = self.location(f"table {t_index + 1}, row {r + 1}")
            start = self.out.length
            cells: list[Cell | None] = []
            for c, text in enumerate(row):
                if c:
                    self.out.add(" | ")
                if text is None:
                    cells.append(None)
                    continue
                s, e = self.out.add(squash(text), PAGE, None, where)
                cells.append(Cell(s, e, PAGE, None))
            table.rows.append(cells)
            self.doc.blocks.append(Block(start, self.out.length, PAGE, "row", table=t_index, row=r))
            self.out.add("\n")
        self.out.add("\n")

    def warn(self, message: str) -> None:
        self.doc.warnings.append(message)

    def finish(self) -> Document:
        self.doc.text = self.out.text()
        self.doc.segments = self.out.segments
        self.doc.finish()
        return self.doc

    # ------------------------------------------------------------ locations

    def location(self, place: str) -> str:
        """'Service levels › Response times, ¶ 12': the open headings, then the place."""
        path = PATH_SEPARATOR.join(short(h.title) for h in self.open_headings)
        return f"{path}, {place}" if path else place


def short(title: str) -> str:
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"
