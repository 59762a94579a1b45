"""A Word package opened safely: what is not a .docx says so in one line, nothing inflates unbounded.

A .docx is a ZIP of XML parts. Before any part is parsed: the ZIP must open, hold
word/document.xml, not be macro-enabled (.docm), and stay within entry-count and inflated-size
limits (a zip bomb declares small sizes or a huge ratio; each part is also read with a hard cap,
since declared sizes can lie). XML is parsed without DTDs, entities or network (no XXE, no
billion laughs). An encrypted Word file is not a ZIP at all but an OLE compound file holding an
"EncryptedPackage" stream; a legacy .doc is an OLE file too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import EncryptedError, InputError, LimitError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_PART = "word/document.xml"
MAX_ENTRIES = 5000
MAX_PART_BYTES = 64 << 20  # one inflated XML part
MAX_TOTAL_BYTES = 256 << 20  # all parts we read, inflated
MAX_RATIO = 200  # inflated / compressed, for parts over 1 MB
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
OTHER_OFFICE = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint deck"}


class Package:
    """The parts of a .docx, read on demand and bounded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            raise InputError("damaged or truncated Word file (not a readable ZIP package)", str(path)) from None
        self.names = {info.filename: info for info in self.zip.infolist()}
        self.read_total = 0
        self.check()

    def check(self) -> None:
        where = str(self.path)
        if MAIN_PART not in self.names:
            other = next((what for part, what in OTHER_OFFICE.items() if part in self.names), None)
            if other:
                raise InputError(f"is a ZIP archive ({other}), not a Word .docx", where)
            raise InputError("is a ZIP archive but not a Word .docx (no word/document.xml)", where)
        if len(self.names) > MAX_ENTRIES:
            raise LimitError(f"Word package has more than {MAX_ENTRIES} parts (a zip bomb?)", where)
        declared = sum(info.file_size for info in self.names.values())
        if declared > MAX_TOTAL_BYTES or any(inflates_too_much(info) for info in self.names.values()):
            raise LimitError("Word package inflates far beyond its size (a zip bomb?)", where)
        content_types = self.text("[Content_Types].xml") or ""
        if "macroEnabled" in content_types:
            raise InputError("is a macro-enabled Word file (.docm); save it as a .docx without macros", where)

    def has(self, name: str) -> bool:
        return name in self.names

    def text(self, name: str) -> str | None:
        data = self.read(name)
        return None if data is None else data.decode("utf-8", "replace")

    def read(self, name: str) -> bytes | None:
        """A part's bytes, or None when the package lacks it; never more than the caps allow."""
        if name not in self.names:
            return None
        left = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self.read_total)
        try:
            with self.zip.open(name) as fh:
                data = fh.read(left + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise InputError(f"damaged Word file (part {name}: {exc})", str(self.path)) from None
        if len(data) > left:
            raise LimitError(f"Word part {name} inflates beyond {left >> 20} MB (a zip bomb?)", str(self.path))
        self.read_total += len(data)
        return data

    def xml(self, name: str):
        """A part as an lxml element (None when absent), parsed without DTD, entities or network."""
        from lxml import etree  # noqa: PLC0415

        data = self.read(name)
        if data is None:
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        try:
            return etree.fromstring(data, parser=parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"damaged Word file (part {name} is not well-formed XML: {exc})", str(self.path)) from None

    def close(self) -> None:
        self.zip.close()


def inflates_too_much(info: zipfile.ZipInfo) -> bool:
    return info.file_size > MAX_PART_BYTES or (
        info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    )


def refuse_ole(path: Path) -> None:
    """An OLE compound file: a password-protected Word file, or a legacy binary Office file."""
    with path.open("rb") as fh:
        data = fh.read(MAX_PART_BYTES)
    if ENCRYPTED_STREAM in data:
        raise EncryptedError("password-protected Word file; remove the password in Word and save it again", str(path))
    raise InputError("legacy Office binary file (.doc, .xls?); save it as .docx or PDF", str(path))
