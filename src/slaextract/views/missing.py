"""Where the tool looked for a term it did not find: the passages that mention the term's keywords
(views/keywords.yaml), grouped by the sections that govern them (the structure stage's heading
tree), so a reviewer can check by hand."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..pdf import Document
from ..structure import build_sections
from .terms import keywords

MAX_CANDIDATES = 6
SNIPPET = 180  # characters of a passage shown
TIMEOUT = 1.0  # seconds per search: the keyword lists are plain alternations, this is a safety net

# the keyword list to search for each requirement type of a policy
TERM_OF_TYPE = {
    "coverage": "coverage",
    "response_time": "response_times",
    "availability": "availability",
    "channels": "channels",
    "service_credits": "service_credits",
    "language": "language",
}


@dataclass(frozen=True)
class Candidate:
    page: int
    heading: str | None  # the headings that govern the passages, outermost first; None before the first
    snippet: str  # the first passage that mentions the term
    hits: int  # passages under this heading on this page that mention it


def _pattern(term: str, language: str) -> regex.Pattern[str] | None:
    words = keywords(term, language)
    if not words:
        return None
    return regex.compile("|".join(f"(?:{w})" for w in words), flags=regex.IGNORECASE | regex.VERSION1)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def candidates(requirement_type: str, doc: Document, language: str) -> list[Candidate]:
    """Passages about the requirement's term, best places first (most mentions, then page order)."""
    pattern = _pattern(TERM_OF_TYPE.get(requirement_type, ""), language)
    if pattern is None:
        return []
    sections = build_sections(doc)
    found: dict[tuple[str | None, int], list[str]] = {}
    for block in doc.blocks:
        text = doc.text[block.start : block.end]
        try:
            matched = pattern.search(text, timeout=TIMEOUT) is not None
        except TimeoutError:
            matched = False
        if matched:
            heading = " › ".join(_snippet(s.title) for s in sections.path(block.start)) or None
            found.setdefault((heading, block.page), []).append(text)
    ranked = sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0][1]))[:MAX_CANDIDATES]
    places = [
        Candidate(page=page, heading=h, snippet=_snippet(texts[0]), hits=len(texts)) for (h, page), texts in ranked
    ]
    return sorted(places, key=lambda c: c.page)
