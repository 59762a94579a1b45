"""Markdown → Document, read as structure: headings with levels, paragraphs, list items, pipe tables.

markdown-it-py (CommonMark with GitHub's tables; rich already depends on it) parses the
source into block tokens; each heading, paragraph, list item and table row goes to the Flow.
Raw HTML blocks are read as HTML text, fenced code is read as plain paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import regex

from ..pdf.document import Document
from .flow import Flow
from .htmlpage import walk_html_fragment
from .sniff import decode_text, sha256_of

INLINE_BREAKS = {"softbreak", "hardbreak"}
LINE_BREAKING_TAGS = "br li p ul ol div tr td th"  # HTML tags that break a line
BLOCK_TAG_NAMES = LINE_BREAKING_TAGS.split()
INLINE_BLOCK_TAG = regex.compile(r"</?(?:" + "|".join(BLOCK_TAG_NAMES) + r")\b", regex.IGNORECASE)
PIPE_LINE = regex.compile(r"\|")


def read_markdown(path: Path, data: bytes) -> Document:
    flow = Flow(str(path), sha256_of(data))
    walk_tokens(parse(decode_text(data, path)), flow)
    return flow.finish()


def parse(text: str) -> list:
    from markdown_it import MarkdownIt  # noqa: PLC0415  (import cost paid only for Markdown)

    return MarkdownIt("commonmark", {"html": True}).enable("table").parse(text)


def walk_tokens(tokens: list, flow: Flow) -> None:
    """Block tokens in order; the nesting of lists is kept only as the item numbers."""
    i = 0
    numbers: list[int | None] = []  # the next number of each open list (None: a bullet list)
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            flow.heading(inline_text(tokens[i + 1]), int(tok.tag[1:]))
            i += 3
            continue
        if kind == "ordered_list_open":
            numbers.append(int(tok.attrGet("start") or 1))
        elif kind == "bullet_list_open":
            numbers.append(None)
        elif kind in ("ordered_list_close", "bullet_list_close"):
            numbers.pop()
        elif kind == "paragraph_open":
            text = inline_text(tokens[i + 1])
            if numbers and numbers[-1] is not None and first_in_item(tokens, i):
                text = f"{numbers[-1]}. {text}"
                numbers[-1] += 1
            for part in text.splitlines() if is_pipe_text(text) else [text]:
                flow.paragraph(part)
            i += 3
            continue
        elif kind in ("fence", "code_block"):
            for block in tok.content.split("\n\n"):
                flow.paragraph(block)
        elif kind == "html_block":
            i = read_html_blocks(tokens, i, flow)
            continue
        elif kind == "table_open":
            i = read_table(tokens, i, flow)
            continue
        i += 1


def read_html_blocks(tokens: list, i: int, flow: Flow) -> int:
    """Raw HTML (often a <table> the author wrote by hand) read as HTML: a blank line inside it cuts it
    into several tokens, so consecutive ones are joined first."""
    parts: list[str] = []
    while i < len(tokens) and tokens[i].type == "html_block":
        parts.append(tokens[i].content)
        i += 1
    walk_html_fragment("\n".join(parts), flow)
    return i


def is_pipe_text(text: str) -> bool:
    """Lines with pipes that Markdown did not take for a table (a blank line inside it, a missing
    delimiter row): each line is a block of its own, so the structure stage can read them as rows."""
    return sum(1 for line in text.splitlines() if PIPE_LINE.search(line)) >= 2


def first_in_item(tokens: list, i: int) -> bool:
    """The paragraph opens its list item (a second paragraph of the item gets no number)."""
    return i > 0 and tokens[i - 1].type == "list_item_open"


def read_table(tokens: list, i: int, flow: Flow) -> int:
    rows: list[list[str | None]] = []
    header_rows = 0
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            rows[-1].append(inline_text(tokens[i + 1]))
            if tok.type == "th_open" and len(rows[-1]) == 1:
                header_rows += 1
        i += 1
    flow.table(rows, header_rows)
    return i + 1


OPENS_LINE = regex.compile(r"(?i)^<\s*(?:br|li|p)\b")


def inline_text(tok) -> str:
    """The visible text of an inline token: code spans and link text kept, images by their alt text."""
    if tok.type != "inline":
        return ""
    pieces: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in INLINE_BREAKS:
            pieces.append("\n")
        elif child.type == "image":
            pieces.append(child.content)
        elif child.type == "html_inline" and INLINE_BLOCK_TAG.match(child.content):
            # <br>, <li>, <p> inside a line (a table row written by hand) start a line of their own,
            # as a browser shows them: a cell that lists one target per plan keeps a plan a line
            pieces.append("\n" if OPENS_LINE.match(child.content) else " ")
    return "".join(pieces)
