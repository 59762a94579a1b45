"""The bounds every stage shares: how long and how large a document may be, and how long one regex may run.

A fixed 60 s per document fails long contracts on a busy machine (300 pages take a few seconds
alone, several times that when the cores are shared), so the default time grows with the page
count: BASE_SECONDS plus SECONDS_PER_PAGE for each page. The page count is estimated in the
parent process from the file's bytes (page objects), not by opening the PDF: a hostile file is
opened only in the bounded worker.
"""

from __future__ import annotations

import re
from pathlib import Path

BASE_SECONDS = 60.0
SECONDS_PER_PAGE = 0.1
# Seconds one regex may run on one piece of text before it is abandoned (the `regex` package's
# timeout). Rules are checked to be free of catastrophic backtracking; this is the backstop.
REGEX_TIMEOUT = 0.5

MAX_PAGES = 10_000  # memory stays flat (pages are read one at a time); this only refuses absurd files
SCAN_BYTES = 64 << 20
BYTES_PER_PAGE = 3_000  # when page objects are compressed out of sight: a conservative size-based guess

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


def estimated_pages(path: Path) -> int:
    """Page objects visible in the file, or a size-based guess when they sit in compressed streams."""
    try:
        size = path.stat().st_size
        if path.suffix.lower() != ".pdf":
            return 1
        with path.open("rb") as f:
            data = f.read(SCAN_BYTES)
    except OSError:
        return 1
    return len(PAGE_OBJECT.findall(data)) or max(size // BYTES_PER_PAGE, 1)


def default_timeout(path: Path) -> float:
    return BASE_SECONDS + SECONDS_PER_PAGE * estimated_pages(path)


def timeout_for(path: Path, given: float | None) -> float:
    """--timeout when the user gave one, else the default for this document's length."""
    return given if given is not None else default_timeout(path)
