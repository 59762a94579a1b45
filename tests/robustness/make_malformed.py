"""Generate the malformed-input corpus into a folder (run at test time; no binaries are committed).

    python tests/robustness/make_malformed.py OUT_DIR

Every PDF is written by hand with a tiny writer below, so each defect is exactly the one named
(a loop in the page tree, a wrong startxref, a stream that inflates to a gigabyte …) and no PDF
library is needed to build the corpus. ``CASES`` maps each file name to what it reproduces.
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

CONTRACT_LINES = [
    "Service Level Agreement",
    "Support is available 24x7 by phone and email.",
    "Severity 1 incidents: initial response within 15 minutes.",
    "The Service will be available 99.9% of the time in each calendar month.",
]
USER_PASSWORD = "secret"
OWNER_PASSWORD = "owner-pw"


# --------------------------------------------------------------------------- a minimal PDF writer


def pdf_string(text: str) -> bytes:
    return b"(" + text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_content(lines: list[str], size: float = 12) -> bytes:
    ops = [b"BT /F1 %g Tf 72 720 Td %g TL" % (size, size * 1.4)]
    for line in lines:
        ops.append(pdf_string(line) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def assemble(objects: list[bytes], trailer: bytes = b"", xref: bool = True, startxref: int | None = None) -> bytes:
    """Objects are numbered from 1 in order; object 1 is the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    xref_at = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer))
    out.write(b"startxref\n%d\n%%%%EOF\n" % (xref_at if startxref is None else startxref))
    return out.getvalue()


def text_pdf(pages: list[list[str]], size: float = 12, media: bytes = b"[0 0 612 792]") -> bytes:
    """Catalog (1), page tree (2), font (3), then a content stream and a page per page."""
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages))).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        objects.append(stream(page_content(lines, size)))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (media, 4 + 2 * i))
    return assemble(objects)


def valid_pdf() -> bytes:
    """A three-page contract; the malformed variants below are cut or bent from files like it."""
    pages = [CONTRACT_LINES, [f"Clause {i}. The parties agree to the terms in this schedule." for i in range(30)],
             CONTRACT_LINES[1:]]
    return text_pdf(pages)


# --------------------------------------------------------------------------- malformed PDFs


def truncated(fraction: float) -> Callable[[], bytes]:
    def make() -> bytes:
        data = valid_pdf()
        return data[: int(len(data) * fraction)]
    return make


def broken_xref() -> bytes:
    """Every xref offset points at the wrong place (pdfium must rebuild the table by scanning)."""
    data = valid_pdf()
    head, _, tail = data.partition(b"xref\n")
    lines = tail.split(b"\n")
    lines = [b"%010d 00000 n " % (7 + i * 13) if ln.endswith(b" n ") else ln for i, ln in enumerate(lines)]
    return head + b"xref\n" + b"\n".join(lines)


def broken_xref_with_table() -> bytes:
    """A ruled grid (so the table finder runs) in a file whose xref offsets are all wrong: PDFium
    rebuilds the table and reads the text, pdfplumber does not find the page."""
    grid = [b"72 %d m 500 %d l S" % (600 - 20 * i, 600 - 20 * i) for i in range(8)]
    grid += [b"%d 440 m %d 600 l S" % (72 + 107 * i, 72 + 107 * i) for i in range(5)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(page_content(CONTRACT_LINES) + b"\n" + b"\n".join(grid)),
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
         b"/Contents 4 0 R >>"),
    ]
    head, _, tail = assemble(objects).partition(b"xref\n")
    lines = [b"%010d 00000 n " % (7 + i * 13) if ln.endswith(b" n ") else ln for i, ln in enumerate(tail.split(b"\n"))]
    return head + b"xref\n" + b"\n".join(lines)


def bad_startxref() -> bytes:
    data = valid_pdf()
    head, _, _ = data.rpartition(b"startxref\n")
    return head + b"startxref\n999999999\n%%EOF\n"


def no_xref_no_trailer() -> bytes:
    data = valid_pdf()
    return data[: data.index(b"xref\n")]


def looping_page_tree() -> bytes:
    """The page tree's Kids point back at the tree itself (and a child node points at its parent)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 3 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>",
    ]
    return assemble(objects)


def zero_pages() -> bytes:
    return assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def encrypted() -> bytes:
    """The valid contract under the standard security handler, revision 2 (RC4, 40-bit key)."""
    def pad(pw: str) -> bytes:
        return (pw.encode("latin-1") + PASSWORD_PAD)[:32]

    permissions = -4
    doc_id = hashlib.md5(b"slaextract malformed corpus").digest()
    owner = rc4(hashlib.md5(pad(OWNER_PASSWORD)).digest()[:5], pad(USER_PASSWORD))
    key = hashlib.md5(pad(USER_PASSWORD) + owner + struct.pack("<i", permissions) + doc_id).digest()[:5]
    user = rc4(key, PASSWORD_PAD)

    def seal(num: int, data: bytes) -> bytes:
        return rc4(hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:10], data)

    content = page_content(CONTRACT_LINES)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(seal(4, content)),
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
         b"/Contents 4 0 R >>"),
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (owner.hex().encode(), user.hex().encode(),
                                                                      permissions),
    ]
    return assemble(objects, trailer=b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (doc_id.hex().encode(), doc_id.hex().encode()))


def image_only() -> bytes:
    """A 'scanned' page: one image, no text operators at all."""
    pixels = bytes(random.Random(7).randrange(256) for _ in range(64 * 64))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        stream(pixels, (b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 ")),
        stream(b"q 468 0 0 648 72 72 cm /Im1 Do Q"),
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 3 0 R >> >> "
         b"/Contents 4 0 R >>"),
    ]
    return assemble(objects)


def zeros_deflated(size_mb: int) -> bytes:
    """A zlib stream of size_mb MiB of zeros, built from one compressed MiB repeated (no GB compression)."""
    comp = zlib.compressobj(9)
    first = comp.compress(bytes(1 << 20)) + comp.flush(zlib.Z_FULL_FLUSH)  # zlib header + one MiB
    again = comp.compress(bytes(1 << 20)) + comp.flush(zlib.Z_FULL_FLUSH)  # a full flush makes MiBs identical
    adler = ((size_mb << 20) % 65521) << 16 | 1  # Adler-32 of zeros: a = 1, b = length mod 65521
    return first + again * (size_mb - 1) + b"\x03\x00" + adler.to_bytes(4, "big")  # empty final block


def inflate_bomb(size_mb: int = 1024) -> bytes:
    """A page whose FlateDecode content stream inflates to ~1 GB of zeros (~1 MB on disk); page 2 is fine."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R 7 0 R] /Count 2 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(zeros_deflated(size_mb), b"/Filter /FlateDecode "),
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
         b"/Contents 4 0 R >>"),
        stream(page_content(CONTRACT_LINES)),
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
         b"/Contents 6 0 R >>"),
    ]
    return assemble(objects)


def many_pages(n: int = 2000) -> bytes:
    """n tiny pages that share one content stream (one short line each)."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(n)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(b"BT /F1 6 Tf 10 40 Td (Availability 99.9% per month.) Tj ET"),
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 144 72] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents 4 0 R >>")
    objects += [page] * n
    return assemble(objects)


def zip_named_pdf() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("contract.txt", "\n".join(CONTRACT_LINES))
    return buf.getvalue()


# --------------------------------------------------------------------------- text files

GB18030_TEXT = "服务等级协议\n\n一级故障响应时间不超过15分钟。\n\n服务可用性不低于99.9%。\n"
CP1252_TEXT = ("Service Level Agreement \u2013 Caf\u00e9 Cr\u00e8me\n\n"
               "Support from the Caf\u00e9 \u2013 Cr\u00e8me helpdesk is available 24x7.\n\n"
               "Severity 1: response within 15 minutes.\n")

CASES: dict[str, Callable[[], bytes]] = {
    "empty.pdf": lambda: b"",
    "random-bytes.pdf": lambda: random.Random(1).randbytes(8192),
    "html-named.pdf": lambda: b"<!doctype html><html><body><p>Support 24x7.</p></body></html>\n",
    "zip-named.pdf": zip_named_pdf,
    "header-only.pdf": lambda: b"%PDF-1.7\n",
    "truncated-10.pdf": truncated(0.10),
    "truncated-50.pdf": truncated(0.50),
    "truncated-90.pdf": truncated(0.90),
    "broken-xref.pdf": broken_xref,
    "bad-startxref.pdf": bad_startxref,
    "broken-xref-with-table.pdf": broken_xref_with_table,
    "no-xref-no-trailer.pdf": no_xref_no_trailer,
    "looping-page-tree.pdf": looping_page_tree,
    "zero-pages.pdf": zero_pages,
    "encrypted.pdf": encrypted,
    "image-only.pdf": image_only,
    "inflate-bomb.pdf": inflate_bomb,
    "two-thousand-pages.pdf": many_pages,
    "valid.pdf": valid_pdf,
    "legacy-gb18030.txt": lambda: GB18030_TEXT.encode("gb18030"),
    "legacy-cp1252.txt": lambda: CP1252_TEXT.encode("cp1252"),
}


def make(out: Path, names: list[str] | None = None) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in names or list(CASES):
        path = out / name
        path.write_bytes(CASES[name]())
        written[name] = path
    return written


if __name__ == "__main__":
    for p in make(Path(sys.argv[1] if len(sys.argv) > 1 else "malformed")).values():
        print(p)
