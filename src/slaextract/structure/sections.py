"""Sections: each heading with its level and the span of text it governs.

A heading governs everything after it up to the next heading of the same or a higher level.
Levels come from what the source states (Markdown ``#``, Word styles) or, in a PDF, from the
heading's type: a larger font is a higher level, bold beats plain at one size, and a heading
set in body type ("Target Action" in italics) sits below every styled heading. A numbered
heading ("2.", "2.1", "A3.1") takes the depth of its number where the type says nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from ..limits import REGEX_TIMEOUT
from ..pdf.document import Block, Document

NUMBERING = regex.compile(r"^\s*(?:[A-Z]|\d+)(?:\.\d+)*\.?(?=\s)")
DEEPEST = 9


@dataclass(slots=True)
class Section:
    index: int  # position among the document's sections, in reading order
    title: str
    level: int  # 1 is the top
    start: int  # offset of the heading
    end: int  # offset where the governed span ends
    block: Block
    parent: int | None = None  # index of the enclosing section

    def governs(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class Sections:
    items: list[Section] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.items]

    def innermost(self, offset: int) -> Section | None:
        """The deepest section whose span holds offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            section = self.items[i]
            if section.governs(offset):
                return section
            i = section.parent if section.parent is not None else -1
        return None

    def path(self, offset: int) -> list[Section]:
        """The headings that govern offset, outermost first."""
        out: list[Section] = []
        section = self.innermost(offset)
        while section is not None:
            out.append(section)
            section = self.items[section.parent] if section.parent is not None else None
        return out[::-1]

    def children(self, parent: int | None) -> list[Section]:
        return [s for s in self.items if s.parent == parent]


def style_levels(doc: Document, headings: list[Block]) -> dict[tuple[float, bool], int]:
    """Rank the heading styles of a PDF: larger first, bold before plain; body type is last."""
    body = body_size(doc)
    styles = sorted({(round(b.size * 2) / 2, b.bold) for b in headings}, key=lambda s: (-s[0], not s[1]))
    levels: dict[tuple[float, bool], int] = {}
    for style in styles:
        plain_body = abs(style[0] - body) < 0.6 and not style[1]
        levels[style] = DEEPEST if plain_body else len(levels) + 1
    return levels


def body_size(doc: Document) -> float:
    sizes: dict[float, int] = {}
    for b in doc.blocks:
        if b.kind == "para" and b.size:
            key = round(b.size * 2) / 2
            sizes[key] = sizes.get(key, 0) + (b.end - b.start)
    return max(sizes, key=lambda k: sizes[k]) if sizes else 0.0


def numbering_depth(title: str) -> int | None:
    m = NUMBERING.match(title, timeout=REGEX_TIMEOUT)
    return m.group(0).strip().rstrip(".").count(".") + 1 if m else None


def heading_level(doc: Document, block: Block, styles: dict[tuple[float, bool], int]) -> int:
    if block.level is not None:
        return block.level
    if block.size:
        return styles.get((round(block.size * 2) / 2, block.bold), DEEPEST)
    return numbering_depth(doc.text[block.start : block.end]) or DEEPEST


def build_sections(doc: Document) -> Sections:
    headings = [b for b in doc.blocks if b.kind == "heading"]
    styles = style_levels(doc, headings)
    items: list[Section] = []
    open_stack: list[int] = []  # indexes of sections still open, outermost first
    for block in headings:
        level = heading_level(doc, block, styles)
        while open_stack and items[open_stack[-1]].level >= level:
            items[open_stack.pop()].end = block.start
        title = " ".join(doc.text[block.start : block.end].split())
        parent = open_stack[-1] if open_stack else None
        items.append(Section(len(items), title, level, block.start, len(doc.text), block, parent))
        open_stack.append(len(items) - 1)
    return Sections(items)
