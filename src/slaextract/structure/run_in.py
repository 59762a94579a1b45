"""Run-in headings: a numbered heading that layout glued to the first line of its paragraph.

"2. Negotiation notes" over "Harlow's first draft asked for …" arrives as one block when the
heading is set in body type. The section tree needs the heading as a block of its own, so a
block whose first line is a short numbered title without closing punctuation is cut in two.
"""

from __future__ import annotations

from functools import cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment
from ..pdf.document import Block, Document


@cache
def numbered_title() -> regex.Pattern:
    """ "2. Title", "3.1 Title", "A3 Title" and each language's own numbering ("一、标题")."""
    own = "|".join(fragment(f"heading_{n}") for n in ("chapter", "article", "enumerated", "enumerated_paren"))
    return regex.compile(
        rf"^\s*(?:\d+(?:\.\d+)*\.?\s+|[A-Z]\d+(?:\.\d+)*\.?\s+|(?:{own})\s*)(?P<title>\S[^\n]{{0,48}})$"
    )


CLOSING = regex.compile(rf"[.;:,!?)%{chars('stop', 'exclaim', 'semicolon', 'colon', 'comma', 'close_bracket')}]\s*$")


def split_run_in_headings(doc: Document) -> int:
    """Cut every paragraph that opens with a numbered title line into heading + paragraph."""
    out: list[Block] = []
    cut = 0
    for block in doc.blocks:
        parts = run_in_parts(doc, block)
        out += parts
        cut += len(parts) - 1
    if cut:
        doc.blocks = out
    return cut


def run_in_parts(doc: Document, block: Block) -> list[Block]:
    if block.kind != "para":
        return [block]
    text = doc.text[block.start : block.end]
    line_end = text.find("\n")
    if line_end <= 0:
        return [block]
    first, rest = text[:line_end], text[line_end + 1 :]
    m = numbered_title().match(first, timeout=REGEX_TIMEOUT)
    if not m or CLOSING.search(first, timeout=REGEX_TIMEOUT) or len(rest.strip()) < len(first):
        return [block]
    if not stands_apart(doc, block.start, line_end, rest):
        return [block]  # the first line of a numbered clause that wraps, not a title
    heading = Block(block.start, block.start + line_end, block.page, "heading", size=block.size, bold=block.bold)
    body_start = block.start + line_end + 1
    body = Block(body_start, block.end, doc.locate(body_start, body_start + 1)[0], "para", size=block.size)
    return [heading, body]


def stands_apart(doc: Document, start: int, line_end: int, rest: str) -> bool:
    """A title line ends well short of the line under it; a wrapped clause fills its line."""
    second_end = rest.find("\n")
    second_end = len(rest) if second_end < 0 else second_end
    _, title_box = doc.locate(start, start + line_end)
    _, next_box = doc.locate(start + line_end + 1, start + line_end + 1 + second_end)
    if title_box is None or next_box is None:
        return len(doc.text[start : start + line_end].split()) <= 6
    return (title_box[2] - title_box[0]) < 0.6 * (next_box[2] - next_box[0])
