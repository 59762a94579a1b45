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
from functools import cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from ..pdf.document import Block, Document

DEEPEST = 99


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


@cache
def numbering_classes() -> tuple[tuple[str, regex.Pattern], ...]:
    """Kinds of heading number: the languages' own (chapters, enumerations) first, then the
    digits and letters every language shares."""
    own = tuple(
        (name, regex.compile(rf"^\s*{fragment('heading_' + name)}"))
        for name in ("chapter", "article", "enumerated", "enumerated_paren")
    )
    return (
        *own,
        ("decimal", regex.compile(rf"^\s*(?P<n>\d+(?:\.\d+)*)(?:\.|\s|{fragment('list_joiner')})")),
        ("lettered", regex.compile(r"^\s*(?P<n>[A-Z]\d*(?:\.\d+)*)[.\s]")),
        ("paren", regex.compile(r"^\s*[(]\s*(?:\d+|[a-z]|[ivx]+)\s*[)]")),
    )


def numbering_class(title: str) -> str | None:
    """The kind of number a heading carries ("一、", "（一）", "2.", "2.1" …): headings numbered
    alike are siblings, whatever their type."""
    for name, pattern in numbering_classes():
        m = pattern.match(title, timeout=REGEX_TIMEOUT)
        if m:
            n = m.groupdict().get("n")
            return f"{name}{n.count('.') + 1}" if n else name
    return None


def style_ranks(doc: Document, headings: list[Block]) -> dict[tuple[float, bool], int]:
    """Rank the heading styles of a PDF: larger first, bold before plain; body type is last."""
    body = body_size(doc)
    styles = sorted({style_of(b) for b in headings}, key=lambda s: (-s[0], not s[1]))
    ranks: dict[tuple[float, bool], int] = {}
    for style in styles:
        plain_body = abs(style[0] - body) < 0.6 and not style[1]
        ranks[style] = DEEPEST if plain_body else len(ranks) + 1
    return ranks


def style_of(block: Block) -> tuple[float, bool]:
    return round(block.size * 2) / 2, block.bold


def body_size(doc: Document) -> float:
    sizes: dict[float, int] = {}
    for b in doc.blocks:
        if b.kind == "para" and b.size:
            key = round(b.size * 2) / 2
            sizes[key] = sizes.get(key, 0) + (b.end - b.start)
    return max(sizes, key=lambda k: sizes[k]) if sizes else 0.0


class Leveller:
    """Levels for a document's headings. A stated level (Markdown, Word) is used as it is.
    Numbered headings rank by their kind of number, in the order the document first uses each
    kind ("一、" over "（一）" over "1."). Unnumbered headings rank by type: above every numbered
    heading when set larger than all of them, beside the numbered kind that shares their type,
    else below them all."""

    def __init__(self, doc: Document, headings: list[Block]) -> None:
        self.doc = doc
        self.styles = style_ranks(doc, headings)
        self.classes: dict[str, int] = {}
        self.class_style: dict[str, int] = {}
        for block in headings:
            cls = numbering_class(self.title(block))
            if cls is not None and cls not in self.classes:
                self.classes[cls] = len(self.classes) + 1
                self.class_style[cls] = self.styles.get(style_of(block), DEEPEST)

    def title(self, block: Block) -> str:
        return self.doc.text[block.start : block.end]

    def level(self, block: Block) -> int:
        if block.level is not None:
            return block.level * 10
        cls = numbering_class(self.title(block))
        if cls is not None:
            return self.classes[cls] * 10
        style = self.styles.get(style_of(block), DEEPEST) if block.size else DEEPEST
        if not self.classes:
            return style * 10
        if style < min(self.class_style.values()):
            return style  # a title set larger than every numbered heading sits above them all
        same = [c for c, s in self.class_style.items() if s == style and style != DEEPEST]
        if same:
            return self.classes[same[0]] * 10
        return (len(self.classes) + 1) * 10 + style


def build_sections(doc: Document) -> Sections:
    headings = [b for b in doc.blocks if b.kind == "heading"]
    leveller = Leveller(doc, headings)
    items: list[Section] = []
    open_stack: list[int] = []  # indexes of sections still open, outermost first
    for block in headings:
        level = leveller.level(block)
        while open_stack and items[open_stack[-1]].level >= level:
            items[open_stack.pop()].end = block.start
        title = " ".join(doc.text[block.start : block.end].split())
        parent = open_stack[-1] if open_stack else None
        items.append(Section(len(items), title, level, block.start, len(doc.text), block, parent))
        open_stack.append(len(items) - 1)
    return Sections(items)
