"""A pattern that times out on one sentence costs that sentence, not the document.

Every regex runs under a timeout (limits.REGEX_TIMEOUT). A rule that times out on a text gives
no match there and notes the text here; the pipeline turns the notes into warnings that name the
page. A field extractor that still raises TimeoutError (a regex outside the rules) gives an empty
field and a warning, and the other fields are still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_noted: list[str] | None = None


def note(text: str) -> None:
    if _noted is not None:
        _noted.append(text)


@contextmanager
def collect() -> Iterator[list[str]]:
    """The texts rules timed out on while the block runs."""
    global _noted
    outer, _noted = _noted, []
    try:
        yield _noted
    finally:
        _noted = outer


def guarded(name: str, read: Callable[[], T], empty: T, warnings: list[str]) -> T:
    try:
        return read()
    except TimeoutError:
        warnings.append(f"{name}: not read, a pattern took too long on this document")
        return empty


def warnings_for(texts: list[str], units: list, page_of: Callable[[object], int]) -> list[str]:
    """One warning per page with a sentence a rule timed out on."""
    pages: set[int] = set()
    for text in texts:
        unit = next((u for u in units if text in u.text or u.text in text), None)
        if unit is not None:
            pages.add(page_of(unit))
    return [
        f"page {page}: a pattern took too long on a sentence; the sentence was skipped by that pattern"
        for page in sorted(pages)
    ]
