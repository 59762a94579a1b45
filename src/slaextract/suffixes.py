"""The file names slaextract reads, by kind: one list for folders, globs, the scorer and the readers.

The readers know a file by its content, never its name; names matter only where a command has
to choose files (a folder's contracts, the contract beside a gold file) or explain a refusal.
"""

from __future__ import annotations

BY_KIND: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "html": (".html", ".htm"),
    "markdown": (".md", ".markdown"),
    "text": (".txt", ".text"),
}
# every suffix a folder contributes, in the order a command prefers them when several share a name
DOCUMENT_SUFFIXES: tuple[str, ...] = tuple(s for names in BY_KIND.values() for s in names)
PLAIN_TEXT_SUFFIXES = frozenset(BY_KIND["markdown"] + BY_KIND["text"])
