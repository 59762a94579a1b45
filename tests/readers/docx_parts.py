"""Minimal Word packages written part by part, for the cases python-docx cannot write (footnotes,
vertical merges, macro-enabled or hostile packages)."""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def body(xml: str) -> str:
    return f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{xml}</w:body></w:document>'


def para(text: str, extra: str = "") -> str:
    return f'<w:p>{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def write_docx(path: Path, document: str, parts: dict[str, str] | None = None, main: str = DOCX_MAIN) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=main))
        z.writestr("word/document.xml", document)
        for name, xml in (parts or {}).items():
            z.writestr(name, xml)
    return path
