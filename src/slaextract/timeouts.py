"""A pattern that times out on one sentence costs that sentence, not the document.

Every regex runs under a timeout (budgets.REGEX_TIMEOUT). A rule that times out on a text gives
no match there and notes the text here; the pipeline turns the notes into warnings that name the
page. A regex outside the rules that still raises TimeoutError costs its passage instead
(fields.slow: the document is read again without it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

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
