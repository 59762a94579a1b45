"""Word .docx → Document: the body as it stands with tracked changes accepted (or rejected).

Read with lxml straight over the package parts rather than python-docx: python-docx hides
tracked changes (it neither drops deletions nor tells insertions apart), comments and
footnotes, which are exactly what a draft under review is made of. The body is walked in
order: paragraphs (heading level from the style's outline level or its "Heading N" name,
list numbers rendered from numbering.xml), tables (gridSpan and vMerge as merged cells) and
content controls. Running headers and footers live in parts of their own and are never read.
Footnotes follow the paragraph that cites them; reviewer comments become warnings.
"""

from __future__ import annotations

from pathlib import Path

from ..pdf.document import Document
from .docx_numbering import Numbering, Styles
from .docx_package import Package, W, refuse_ole
from .flow import Flow
from .sniff import kind_of, sha256_of

CONTAINERS = {"hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "bdo", "dir", "r"}
INSERTED = {"ins", "moveTo"}
DELETED = {"del", "moveFrom"}
COMMENT_QUOTE = 160


def local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def attr(el, name: str) -> str | None:
    return el.get(f"{{{W}}}{name}")


def read_docx(path: Path, changes: str = "accept") -> Document:
    with path.open("rb") as fh:
        head = fh.read(8)
    if kind_of(head) == "ole":
        refuse_ole(path)
    package = Package(path)
    try:
        return DocxReader(package, changes).read()
    finally:
        package.close()


class DocxReader:
    def __init__(self, package: Package, changes: str) -> None:
        self.package = package
        self.accept = changes != "reject"
        self.flow = Flow(str(package.path), sha256_of(package.path.read_bytes()))
        self.styles = Styles(package.xml("word/styles.xml"))
        self.numbering = Numbering(package.xml("word/numbering.xml"))
        self.footnotes = notes(package.xml("word/footnotes.xml"), "footnote")
        self.comments = comments(package.xml("word/comments.xml"))
        self.changed = {"inserted": 0, "deleted": 0}

    def read(self) -> Document:
        root = self.package.xml("word/document.xml")
        body = root.find(f"{{{W}}}body") if root is not None else None
        if body is not None:
            self.blocks(body)
        self.warn_changes()
        return self.flow.finish()

    # ------------------------------------------------------------ the body

    def blocks(self, parent) -> None:
        for el in parent:
            name = local(el)
            if name == "p":
                self.paragraph(el)
            elif name == "tbl":
                self.table(el)
            elif name in ("sdt", "sdtContent", "customXml") or self.stands(name):
                self.blocks(el)

    def paragraph(self, p) -> None:
        text = self.text_of(p)
        style = self.styles.of(p)
        label = self.numbering.label(p, style, self.styles)
        level = self.styles.heading_level(p, style)
        if level is not None and text.strip():
            self.flow.heading(f"{label}{text}", level)
        else:
            self.flow.paragraph(f"{label}{text}")
        self.cite_notes_and_comments(p)

    def cite_notes_and_comments(self, p) -> None:
        paragraph = self.flow.paragraphs
        for ref in p.iter(f"{{{W}}}footnoteReference"):
            note = self.footnotes.get(attr(ref, "id") or "")
            if note:
                self.flow.paragraph(note)
        for ref in p.iter(f"{{{W}}}commentReference"):
            found = self.comments.get(attr(ref, "id") or "")
            if found:
                author, said = found
                quote = said if len(said) <= COMMENT_QUOTE else said[: COMMENT_QUOTE - 1] + "…"
                self.flow.warn(f"comment by {author} on ¶ {paragraph} (not read as terms): {quote}")

    def table(self, tbl) -> None:
        rows: list[list[str | None]] = []
        above: dict[int, str] = {}  # grid column → text of the cell a vertical merge continues
        header_rows = 0
        for tr in tbl.iter(f"{{{W}}}tr"):
            if owner_table(tr) is not tbl or not self.row_stands(tr):
                continue
            row: list[str | None] = []
            for tc in row_cells(tr):
                column = len(row)
                props = tc.find(f"{{{W}}}tcPr")
                merge = props.find(f"{{{W}}}vMerge") if props is not None else None
                if merge is not None and attr(merge, "val") != "restart":
                    text = above.get(column, "")
                else:
                    text = "\n".join(self.text_of(p) for p in tc.iter(f"{{{W}}}p"))
                above[column] = text
                row.append(text)
                row.extend([None] * (grid_span(props) - 1))
            rows.append(row)
            if len(rows) == header_rows + 1 and is_header_row(tr):
                header_rows += 1
        self.flow.table(rows, header_rows)

    def stands(self, name: str) -> bool:
        """An inserted element is read once changes are accepted, a deleted one once they are rejected."""
        return (name in INSERTED and self.accept) or (name in DELETED and not self.accept)

    def row_stands(self, tr) -> bool:
        """A row inserted or deleted as a whole is in or out with the changes."""
        props = tr.find(f"{{{W}}}trPr")
        if props is None:
            return True
        if props.find(f"{{{W}}}del") is not None:
            return not self.accept
        if props.find(f"{{{W}}}ins") is not None:
            return self.accept
        return True

    # ------------------------------------------------------------ text of a paragraph

    def text_of(self, el) -> str:
        pieces: list[str] = []
        self.collect(el, pieces)
        return "".join(pieces)

    def collect(self, el, pieces: list[str]) -> None:
        for child in el:
            name = local(child)
            if name == "t" or (name == "delText" and not self.accept):
                pieces.append(child.text or "")
            elif name in ("tab", "ptab"):
                pieces.append(" ")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "noBreakHyphen":
                pieces.append("-")
            elif name in INSERTED:
                self.changed["inserted"] += 1
                if self.accept:
                    self.collect(child, pieces)
            elif name in DELETED:
                self.changed["deleted"] += 1
                if not self.accept:
                    self.collect(child, pieces)
            elif name in CONTAINERS:
                self.collect(child, pieces)

    def warn_changes(self) -> None:
        ins, dels = self.changed["inserted"], self.changed["deleted"]
        if ins or dels:
            how = "accepted (--changes reject reads the original)" if self.accept else "rejected (the original text)"
            self.flow.warn(f"tracked changes: {ins} insertion(s) and {dels} deletion(s), read as {how}")


def owner_table(tr):
    return next(tr.iterancestors(f"{{{W}}}tbl"), None)


def row_cells(tr) -> list:
    """The row's cells, those inside content controls too, not those of a nested table."""
    return [tc for tc in tr.iter(f"{{{W}}}tc") if next(tc.iterancestors(f"{{{W}}}tr"), None) is tr]


def grid_span(props) -> int:
    span = props.find(f"{{{W}}}gridSpan") if props is not None else None
    try:
        return min(max(int(attr(span, "val") or 1), 1), 64) if span is not None else 1
    except ValueError:
        return 1


def is_header_row(tr) -> bool:
    props = tr.find(f"{{{W}}}trPr")
    return props is not None and props.find(f"{{{W}}}tblHeader") is not None


def notes(root, kind: str) -> dict[str, str]:
    """Footnote id → its text (separators and continuation notices, ids -1 and 0, are not notes)."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for note in root.findall(f"{{{W}}}{kind}"):
        if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in note.iter(f"{{{W}}}p"))
        if text.strip():
            out[attr(note, "id") or ""] = text.strip()
    return out


def comments(root) -> dict[str, tuple[str, str]]:
    """Comment id → (author, text)."""
    out: dict[str, tuple[str, str]] = {}
    if root is None:
        return out
    for comment in root.findall(f"{{{W}}}comment"):
        text = " ".join("".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in comment.iter(f"{{{W}}}p"))
        out[attr(comment, "id") or ""] = (attr(comment, "author") or "a reviewer", " ".join(text.split()))
    return out
