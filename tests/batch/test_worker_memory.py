"""When a worker is retired: after a document that grew what it holds (resident memory) past
the cap, not after one that only reserved address space (the OCR engine does, once per worker)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaextract.batch import worker
from slaextract.batch.worker import Slot
from slaextract.model import ClauseSummary

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "en-msa-sla-exhibit.pdf"


@pytest.fixture
def slot():
    slot = Slot()
    yield slot
    slot.stop(kill=True)


def read_one(slot: Slot, monkeypatch: pytest.MonkeyPatch, rss_growth: int, vm_growth: int) -> object:
    slot.submit(SAMPLE, None, None, 60.0)
    start_rss = slot.start_rss
    limit = worker.memory_limit()
    monkeypatch.setattr(worker, "rss_bytes", lambda pid: start_rss + rss_growth * limit)
    monkeypatch.setattr(worker, "vm_bytes", lambda pid: 10 * vm_growth * limit, raising=False)
    assert slot.conn is not None and slot.conn.poll(60)
    return slot.receive()


def test_a_worker_that_only_reserved_address_space_keeps_serving(slot, monkeypatch):
    result = read_one(slot, monkeypatch, rss_growth=0, vm_growth=2)
    assert isinstance(result, ClauseSummary)
    assert slot.process is not None and slot.process.is_alive()


def test_a_worker_whose_resident_memory_grew_past_the_cap_is_retired(slot, monkeypatch):
    result = read_one(slot, monkeypatch, rss_growth=2, vm_growth=0)
    assert isinstance(result, ClauseSummary)  # the document's result is kept
    assert slot.process is None  # and the next document gets a new worker
