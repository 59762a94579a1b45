"""One worker slot reading document after document, as a batch does: the tests compare what a
document gives there with what it gives in a fresh worker."""

from __future__ import annotations

from pathlib import Path

from slaextract.batch.worker import Result, Slot


class Worker:
    def __init__(self) -> None:
        self.slot = Slot()

    def run(self, path: Path, password: str | None, max_pages: int | None, timeout: float) -> Result:
        self.slot.submit(path, password, max_pages, timeout)
        return self.slot.receive()

    def stop(self, kill: bool = False) -> None:
        self.slot.stop(kill=kill)
