"""What every field extractor reads: the document cut into clean sentences and table rows.

A ``Unit`` is one sentence of a paragraph or one table row, as clean text (see
text.clean) that still knows its raw offsets, so evidence is one call away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment
from ..model import Evidence
from ..pdf.document import Block, Document
from ..rules import RuleSet
from ..structure import Sections
from ..text.clean import CleanText, clean

# A sentence ends after a mark that needs no space (。！？；), or at . ! ? ; followed by space and
# a capital or a Han character — but not inside numbers (99.9), abbreviations (e.g., U.S.) or
# clause numbers ("3.1 ").
SENTENCE_END = regex.compile(
    rf"(?<=[{chars('tight_end')}])|(?<=[;!?])(?=\s*\p{{Han}})"
    rf"|(?<=(?<!\b[A-Za-z]\.[A-Za-z]|\b(?:[A-Za-z]|{fragment('abbreviations')}))[.!?;])"
    r"(?=\s+[A-Z“\"‘'(\p{Han}])"
)
# every sentence end follows one of these marks: SENTENCE_END is tried only just after one
END_MARK = regex.compile(rf"[{chars('tight_end')};!?.]")
CJK = regex.compile(r"\p{Han}")
T = TypeVar("T")
# ASCII letters → "a", every other byte → " ": the words of a text's bytes, split at C speed
LETTERS_ONLY = bytes(ord("a") if chr(b).isascii() and chr(b).isalpha() else ord(" ") for b in range(256))


@dataclass(slots=True)
class Unit:
    """A sentence or table row."""

    block_text: CleanText  # the clean text of its block
    start: int  # clean offsets of this unit inside block_text
    end: int
    block: Block
    index: int  # position among all units, in reading order

    @property
    def text(self) -> str:
        return self.block_text.text[self.start : self.end]

    @property
    def is_row(self) -> bool:
        return self.block.kind == "row"


class Units(list):
    """The units in reading order. Iterating skips the ones a regex timed out on, and remembers
    the unit handed out last: a timeout escaping a field is blamed on it (pipeline.summarize)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.skipped: set[int] = set()
        self.current: Unit | None = None

    def __iter__(self):
        for unit in super().__iter__():
            if unit.index not in self.skipped:
                self.current = unit
                yield unit


@dataclass
class Context:
    doc: Document
    rules: RuleSet
    language: str
    units: Units = field(default_factory=Units)
    block_text: dict[int, CleanText] = field(default_factory=dict)  # block index → clean text
    ignored_tables: set[int] = field(default_factory=set)  # revision histories and the like
    grids: dict = field(default_factory=dict)  # table index → TableGrid, built once (fields.tables.grid_of)
    sections: Sections = field(default_factory=Sections)  # headings and the spans they govern
    memo: dict = field(default_factory=dict)  # facts a field derives once per document

    def once(self, name: str, key, compute: Callable[[], T]) -> T:
        """compute(), worked out once per document for each key of the fact `name` (the fields
        ask the same question of a table cell per row and per column, of a sentence per field)."""
        seen = self.memo.setdefault(name, {})
        if key not in seen:
            seen[key] = compute()
        return seen[key]

    def table_indexes(self) -> list[int]:
        """The tables that may hold terms."""
        return [t for t in range(len(self.doc.tables)) if t not in self.ignored_tables]

    @cached_property
    def paragraphs(self) -> list[tuple[Block, CleanText]]:
        return [(b, self.block_text[i]) for i, b in enumerate(self.doc.blocks)]

    def abbreviations_in(self, text: str) -> list[tuple[str, str]]:
        """(term, rest of its defining sentence) for each abbreviation in text that the document
        defines ("The service level window (SLW) is the time …")."""
        if "abbreviations" not in self.memo:
            self.memo["abbreviations"] = defined_abbreviations(self.units)
        table: dict[str, tuple[str, str]] = self.memo["abbreviations"]
        used = ABBREVIATION_USE.findall(text, timeout=REGEX_TIMEOUT)
        return [table[a] for a in dict.fromkeys(used) if a in table]

    @cached_property
    def table_row_units(self) -> dict[tuple[int, int | None], Unit]:
        """(table, row) → the row's unit; read once for all tables, after the units are built."""
        return {(u.block.table, u.block.row): u for u in self.units if u.block.table is not None}

    def evidence(self, clean_text: CleanText, start: int, end: int) -> Evidence:
        raw_start, raw_end = clean_text.raw_span(start, end)
        quote = " ".join(clean_text.text[start:end].split())
        return Evidence(text=quote, **self.doc.evidence_fields(raw_start, raw_end))

    def unit_evidence(self, unit: Unit) -> Evidence:
        return self.evidence(unit.block_text, unit.start, unit.end)

    def cell_clean(self, cell) -> str:
        if cell is None:
            return ""
        return clean(self.doc.text[cell.start : cell.end]).text.strip()


ABBREVIATION = regex.compile(r"(?P<term>\b[A-Z][\w -]{2,40}?)\s*\((?P<abbr>[A-Z]{2,5})\)")
ABBREVIATION_USE = regex.compile(r"\b[A-Z]{2,5}\b")


def defined_abbreviations(units: list[Unit]) -> dict[str, tuple[str, str]]:
    """Abbreviation → (the term, the rest of the sentence that defines it), first definition wins."""
    out: dict[str, tuple[str, str]] = {}
    for unit in units:
        if unit.is_row or "(" not in unit.text:
            continue
        for m in ABBREVIATION.finditer(unit.text, timeout=REGEX_TIMEOUT):
            out.setdefault(m.group("abbr"), (m.group("term"), unit.text[m.end() :]))
    return out


def detect_language(text: str, chunk: int = 50_000) -> str:
    """en, zh or mixed, from the share of CJK characters against Latin words.

    Counted a piece at a time, so that each regex call stays far inside its timeout however long
    the document is; pieces are cut between words, so the counts are those of the whole text."""
    cjk = latin = 0
    for piece in pieces(text, chunk):
        if not piece.isascii():  # an ASCII piece has no CJK character to count
            cjk += len(CJK.findall(piece, timeout=REGEX_TIMEOUT))
        latin += latin_letters(piece)
    total = cjk + latin
    if total == 0:
        return "en"
    share = cjk / total
    if share > 0.85:
        return "zh"
    if share < 0.05:
        return "en"
    return "mixed" if share < 0.85 else "zh"


def latin_letters(text: str) -> int:
    """The letters of the text's Latin words of two letters or more (a lone letter is a list mark
    or an initial, not language). Each non-ASCII character becomes one "?", a word boundary."""
    words = text.encode("ascii", "replace").translate(LETTERS_ONLY).split()
    return sum(len(w) for w in words if len(w) > 1)


def pieces(text: str, size: int):
    """text in pieces of about size characters, each cut just before a character that is not a Latin letter."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
        yield text[start:end]
        start = end


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    try:
        for mark in END_MARK.finditer(text, timeout=REGEX_TIMEOUT):
            end = mark.end()  # lookbehinds see the text before `end`, as in a search of the whole
            if SENTENCE_END.match(text, end, timeout=REGEX_TIMEOUT) is None:
                continue
            if end > pos and text[pos:end].strip():
                spans.append((pos, end))
            pos = end
    except TimeoutError:
        pass  # pathological text: the rest stays one sentence
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return [(s + (len(text[s:e]) - len(text[s:e].lstrip())), e) for s, e in spans]


# The longest unit, in characters; the longest sentence of the test and real contracts is under
# 1,000. Fields look at a unit's words around each hit, so a unit of unbounded length (800 lines
# of a .txt without a full stop) would cost time quadratic in its length.
MAX_UNIT = 2000


def bounded(clean_text: CleanText, raw: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A span longer than MAX_UNIT cut at its line ends (one clause per line, as a .txt export
    has them), and a line still longer cut at the last space before the limit."""
    s, e = span
    if e - s <= MAX_UNIT:
        return [span]
    cuts = [i for i in range(s, e) if clean_text.text[i] == " " and raw[clean_text.to_raw(i)] == "\n"]
    out: list[tuple[int, int]] = []
    for a, b in zip([s, *cuts], [*cuts, e], strict=True):
        while b - a > MAX_UNIT:
            cut = clean_text.text.rfind(" ", a + MAX_UNIT // 2, a + MAX_UNIT)
            cut = cut if cut > a else a + MAX_UNIT
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return [trimmed for piece in out if (trimmed := strip_span(clean_text.text, piece)) is not None]


def strip_span(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


RUN_IN_HEADING = regex.compile(r"^[^\n]{1,40}(?=\n)")
TERMINAL = regex.compile(rf"[{chars('stop', 'semicolon', 'colon', 'comma', 'exclaim', 'close_bracket')}]\s*$")


def split_run_in_heading(raw: str, clean_text: CleanText, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A short first line with no closing punctuation ("5 Availability and credits") is a heading
    that layout glued to its paragraph; it is its own unit, so its words do not colour the
    first sentence."""
    m = RUN_IN_HEADING.match(raw, timeout=REGEX_TIMEOUT)
    if not m or TERMINAL.search(m.group(0), timeout=REGEX_TIMEOUT) or len(m.group(0)) * 2 > len(raw.split("\n", 2)[1]):
        return spans
    cut = next(
        (i for i in range(len(clean_text.text) + 1) if clean_text.to_raw(i) >= clean_text.raw_start + m.end()), None
    )
    if not cut or not spans or not spans[0][0] < cut < spans[0][1]:
        return spans
    first_start, first_end = spans[0]
    rest = cut + (len(clean_text.text[cut:first_end]) - len(clean_text.text[cut:first_end].lstrip()))
    return [(first_start, cut), (rest, first_end), *spans[1:]]


def revision_history_tables(doc: Document, rules: RuleSet, language: str) -> set[int]:
    """Tables that record a document's revisions: their rows quote superseded terms."""
    found = set()
    for t, table in enumerate(doc.tables):
        first = " ".join(doc.text[c.start : c.end] for c in (table.rows[0] if table.rows else []) if c)
        at = doc.first_block_of_table(t)
        start = doc.blocks[at].start if at is not None else 0
        before = doc.text[max(0, start - 80) : start]
        if rules.search_any("context", "revision_history", clean(first + " " + before).text, language):
            found.add(t)
    return found


def muted_sections(ctx: Context) -> list:
    """Sections whose heading says that nothing under it is a term (a worked example, a revision
    history, reviewer or negotiation notes, rejected proposals, exclusions)."""
    return [
        s
        for s in ctx.sections.items
        if ctx.rules.search_any("context", "veto_section", clean(s.title).text, ctx.language)
    ]


def build_context(doc: Document, rules: RuleSet, sections: Sections | None = None) -> Context:
    ctx = Context(doc=doc, rules=rules, language=detect_language(doc.text), sections=sections or Sections())
    history_tables = ctx.ignored_tables = revision_history_tables(doc, rules, ctx.language)
    muted = muted_sections(ctx)
    for i, block in enumerate(doc.blocks):
        clean_text = clean(doc.text[block.start : block.end], block.start)
        ctx.block_text[i] = clean_text
        if any(s.governs(block.start) for s in muted):
            if block.kind == "row":
                ctx.ignored_tables.add(block.table)  # type: ignore[arg-type]
            continue  # a worked example, a revision history, negotiation notes: no field reads them
        spans = [(0, len(clean_text.text))] if block.kind != "para" else split_sentences(clean_text.text)
        if block.kind == "para":
            spans = split_run_in_heading(doc.text[block.start : block.end], clean_text, spans)
        if block.kind != "row":
            spans = [piece for span in spans for piece in bounded(clean_text, doc.text, span)]
        for s, e in spans:
            # drafting notes, reviewer comments and revision-history rows are not terms: no field reads them
            if block.kind == "row":
                note = block.table in history_tables
            else:
                note = rules.search_any("context", "veto_note", clean_text.text[s:e], ctx.language) is not None
            if not note:
                ctx.units.append(Unit(clean_text, s, e, block, len(ctx.units)))
    return ctx
