"""Which files a command reads: files as given, folders, and glob patterns, in a stable order."""

from __future__ import annotations

import glob
from pathlib import Path

from ..suffixes import DOCUMENT_SUFFIXES

GLOB_CHARACTERS = frozenset("*?[")


def document_suffixes() -> frozenset[str]:
    """The suffixes a folder contributes: those the readers know (slaextract.suffixes)."""
    return frozenset(DOCUMENT_SUFFIXES)


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given (in order); a folder contributes its contract files, sorted; a pattern that
    names no existing file ("contracts/**/*.pdf", quoted so the shell left it) its matches, sorted.
    A missing file stays in the list: reading it gives its own error."""
    suffixes = document_suffixes()
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        elif is_pattern(path):
            matches = sorted(glob.glob(str(path), recursive=True))
            out += expand_inputs([Path(m) for m in matches]) if matches else [path]
        else:
            out.append(path)
    return out


def is_pattern(path: Path) -> bool:
    """A glob pattern the shell left alone (quoted, or no file matched it)."""
    return not path.exists() and bool(GLOB_CHARACTERS & set(str(path)))
