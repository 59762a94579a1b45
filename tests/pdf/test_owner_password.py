"""--password does not stop a PDF that needs none (only an owner password restricts printing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaextract.errors import EncryptedError
from slaextract.pdf import read_document

TEXT = "Availability: the Service will be available 99.9% of each month."


def encrypted_pdf(path: Path, user: str, owner: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption(user, ownerPassword=owner, canPrint=0))
    c.drawString(72, 760, TEXT)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("password", [None, "owner-secret", "some-other-files-password"])
def test_an_owner_only_pdf_opens_with_or_without_a_password(tmp_path, password):
    path = encrypted_pdf(tmp_path / "owner-only.pdf", user="", owner="owner-secret")
    assert "99.9%" in read_document(path, password=password).text


def test_a_user_password_is_still_required_and_checked(tmp_path):
    path = encrypted_pdf(tmp_path / "locked.pdf", user="open-sesame", owner="owner-secret")
    assert "99.9%" in read_document(path, password="open-sesame").text
    with pytest.raises(EncryptedError, match="wrong password"):
        read_document(path, password="nope")
    with pytest.raises(EncryptedError, match="pass --password"):
        read_document(path)
