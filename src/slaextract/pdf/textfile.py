"""Plain text and Markdown → Document (no layout: every box is None)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from ..errors import InputError
from ..lexicon import chars
from .document import Block, Document, TextBuilder
from .ingest import NUMBERED_START, sha256_of

LINE_END = regex.compile(rf"[{chars('stop', 'semicolon', 'colon')}]$")  # a line that ends a sentence is no heading

# Tried in order; a legacy Chinese file is most often GB18030, a legacy Western one cp1252.
ENCODINGS = ("utf-8-sig", "gb18030", "cp1252")


# git's test for a binary file: a NUL byte among the first 8,000 bytes (text in UTF-16 has a BOM)
BINARY_PROBE = 8000
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, path: Path) -> str:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("text file starts like UTF-16 but is not valid UTF-16", str(path)) from None
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError("binary data (NUL bytes), not a text file", str(path))
    encodings = list(ENCODINGS)
    if looks_western(data):
        encodings.remove("cp1252")
        encodings.insert(1, "cp1252")
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError("text file is not UTF-8, GB18030 or cp1252", str(path))  # pragma: no cover (cp1252 decodes most)


def looks_western(data: bytes) -> bool:
    """GB18030 decodes most byte strings, cp1252 text included ("è" + "m" is one CJK character).
    Chinese text pairs high bytes with high bytes; Western text puts a lone accented byte
    between ASCII letters. Whichever pattern dominates decides."""
    lone = paired = 0
    i = 0
    while i < len(data) - 1:
        if data[i] >= 0x80:
            if data[i + 1] >= 0x80:
                paired += 1
                i += 2
                continue
            lone += 1
        i += 1
    return lone > paired


def read_text(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", str(path)) from None
    doc = document_from_text(decode(data, path), str(path), sha256_of(path))
    if not doc.text.strip():
        raise InputError("file is empty", str(path))
    return doc


def document_from_text(text: str, name: str = "<text>", sha256: str | None = None) -> Document:
    """Paragraphs split at blank lines and at numbered clauses; Markdown tables are read as rows."""
    doc = Document(
        path=name,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "replace")).hexdigest(),
        pages=1,
    )
    out = TextBuilder()
    for para in regex.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        # a line that starts a numbered clause starts its own paragraph, as in a PDF
        groups: list[list[str]] = []
        for ln in lines:
            if not groups or NUMBERED_START.match(ln) or ln.startswith("|"):
                groups.append([ln])
            else:
                groups[-1].append(ln)
        for group in groups:
            start = out.length
            for j, ln in enumerate(group):
                if j:
                    out.add("\n")
                out.add(ln.lstrip("#").strip() if ln.startswith("#") else ln, 1, None)
            heading = group[0].startswith("#") or (
                len(group) == 1 and len(group[0]) < 60 and not LINE_END.search(group[0])
            )
            level = len(group[0]) - len(group[0].lstrip("#")) if group[0].startswith("#") else None
            doc.blocks.append(Block(start, out.length, 1, "heading" if heading else "para", level=level))
            out.add("\n\n")
    doc.text = out.text()
    doc.segments = out.segments
    doc.finish()
    return doc
