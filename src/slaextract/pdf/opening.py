"""Opening a PDF with PDFium, and why it refused a file in the words a user needs.

PDFium keeps one process-wide "last error" that only a failing load sets and nothing resets:
a document that loads but has no pages leaves the previous document's code in place (after an
encrypted file, an empty page tree would read as "encrypted"). So the code is read right after
a load that failed, and never otherwise; a document with no pages is known by its page count.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import EncryptedError, InputError

# FPDF_GetLastError codes after a failed FPDF_LoadDocument (fpdfview.h)
ERR_FILE, ERR_FORMAT, ERR_PASSWORD, ERR_SECURITY, ERR_PAGE = 2, 3, 4, 5, 6
REASONS = {
    ERR_FILE: "cannot read file",
    ERR_FORMAT: "damaged or truncated PDF (no readable cross-reference table or catalog)",
    ERR_PAGE: "damaged PDF (page not found or content error)",
}


def open_pdf(path: Path, password: str | None):
    """A pypdfium2 PdfDocument with at least one page, or an InputError that names the cause."""
    import pypdfium2 as pdfium  # noqa: PLC0415  (import cost paid only for PDFs)
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    secret = None if password is None else (password + "\x00").encode("utf-8")
    raw = pdfium_c.FPDF_LoadDocument((str(path) + "\x00").encode("utf-8", "surrogateescape"), secret)
    if not raw:
        raise load_error(pdfium_c.FPDF_GetLastError(), path, password)
    if pdfium_c.FPDF_GetPageCount(raw) < 1:
        pdfium_c.FPDF_CloseDocument(raw)
        raise InputError("PDF has no pages", str(path))
    return pdfium.PdfDocument(raw)


def load_error(code: int, path: Path, password: str | None) -> InputError:
    """The error for a load that failed with PDFium's `code` (read right after the failing call)."""
    if code == ERR_PASSWORD:
        if password:
            return EncryptedError("wrong password for this encrypted PDF", str(path))
        return EncryptedError("PDF is encrypted; pass --password", str(path))
    if code == ERR_SECURITY:
        return EncryptedError("PDF uses an encryption scheme that cannot be read", str(path))
    return InputError(REASONS.get(code, f"damaged PDF that PDFium cannot open (error {code})"), str(path))
