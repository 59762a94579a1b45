from __future__ import annotations

from pathlib import Path

import pytest

from slaextract.pdf import Document, read_document

FIXTURES = Path(__file__).parent / "fixtures"
_CACHE: dict[str, Document] = {}


@pytest.fixture
def read():
    """Read a fixture PDF by name (each file is read once per session)."""

    def _read(name: str) -> Document:
        if name not in _CACHE:
            _CACHE[name] = read_document(FIXTURES / name)
        return _CACHE[name]

    return _read
