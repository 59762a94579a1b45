"""What a file is, from its first bytes: never from its name.

A PDF has "%PDF-" near its start; a Word file is a ZIP package with word/document.xml (the
package is checked by the docx reader, which has to open it anyway); an encrypted Word file
or a legacy .doc is an OLE compound file; an HTML page opens with a doctype or a known tag;
Markdown is text with Markdown marks (ATX headings, pipe tables, setext underlines); anything
else that has no NUL and few control bytes is plain text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from ..pdf.textfile import decode

HEAD_BYTES = 8192
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PAGE_TAGS = "html head body meta title article main section div h[1-6] p table"  # how a page opens
OPENING_TAGS = PAGE_TAGS.split()
HTML_START = regex.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|" + "|".join(OPENING_TAGS).encode() + rb")\b",
    regex.IGNORECASE | regex.DOTALL,
)
PAGE_START = regex.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b", regex.IGNORECASE | regex.DOTALL
)
MARKDOWN_MARKS = regex.compile(
    r"^(?:#{1,6}[ \t]+\S"  # an ATX heading
    r"|\|?[ \t]*:?-{3,}:?[ \t]*\|"  # the delimiter row of a pipe table
    r"|(?:=+|-{3,})[ \t]*$"  # a setext underline
    r"|```)",  # a fenced code block
    regex.MULTILINE,
)
CONTROL = set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def kind_of(head: bytes) -> str:
    """pdf, zip, ole, html, markdown, text, empty or binary."""
    if not head:
        return "empty"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte order mark: NUL bytes, yet text
    if not looks_text(head):
        return "binary"
    head = head.removeprefix(b"\xef\xbb\xbf")
    markdown = bool(MARKDOWN_MARKS.search(head.decode("utf-8", "replace")))
    if PAGE_START.match(head) or (HTML_START.match(head) and not markdown):
        return "html"  # a Markdown file may open with an HTML block (a centred logo): it stays Markdown
    return "markdown" if markdown else "text"


def looks_text(head: bytes) -> bool:
    """No NUL and at most 1 % control bytes: text in any of the encodings we read (not UTF-16)."""
    if b"\x00" in head:
        return False
    return sum(1 for b in head if b in CONTROL) <= len(head) // 100


def decode_text(data: bytes, path: Path) -> str:
    return decode(data, path)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
