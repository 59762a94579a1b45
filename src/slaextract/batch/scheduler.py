"""Many documents, each in an isolated worker, up to --jobs at a time; outcomes in input order.

`run_documents` is the one entry point `extract`, `check` and `compare` share: it reuses stored
results (see store.py), hands the rest to a local pool of worker slots or to a Dask cluster
(cluster.py), saves each result as soon as it is finished (in completion order, so an
interrupted run loses nothing it finished), and yields the outcomes in input order, each as
soon as every earlier one has been yielded.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Protocol

from ..budgets import timeout_for
from ..errors import SlaError
from ..model import ClauseSummary
from . import signals
from .store import Redo, ResultStore, content_hash
from .worker import Result, Slot, process_context, run_here

TICK = 0.2  # seconds between checks of deadlines, memory and signals while workers are busy


@dataclass(frozen=True)
class Settings:
    """What every document is read with."""

    password: str | None = None
    timeout: float | None = None  # None: the default for each document's length (budget)
    max_pages: int | None = 10_000

    def seconds(self, path: Path) -> float:
        return timeout_for(path, self.timeout)


@dataclass(frozen=True)
class Outcome:
    """One input's result: its clause summary or the error that stopped it."""

    index: int
    path: Path
    result: Result
    reused: bool = False  # taken from the result store, not read again

    @property
    def failed(self) -> bool:
        return isinstance(self.result, SlaError)

    @property
    def pages(self) -> int:
        return self.result.document.pages if isinstance(self.result, ClauseSummary) else 0


class Observer(Protocol):
    """Told about progress (the progress bar, the summary, the interrupt message)."""

    def begin(self, total: int) -> None: ...

    def finished(self, outcome: Outcome) -> None: ...


class Quiet:
    def begin(self, total: int) -> None:
        pass

    def finished(self, outcome: Outcome) -> None:
        pass


Backend = Callable[[list[tuple[int, Path]], Settings, int], Iterator[Outcome]]


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def run_documents(
    paths: Iterable[Path | str],
    *,
    password: str | None = None,
    timeout: float | None = None,
    max_pages: int | None = 2000,
    jobs: int | None = None,
    store: ResultStore | None = None,
    redo: Redo = Redo.nothing,
    backend: Backend | None = None,
    observer: Observer | None = None,
) -> Iterator[Outcome]:
    """Read every document and yield one Outcome per input, in input order. Never raises for a
    bad document (its Outcome carries the error); raises signals.Interrupted when a signal noted
    by `signals.interruptible()` arrives, after killing every worker.

    With a store, an input whose content has a stored result is not read again, and inputs with
    the same content (copies) are read once: the others get a copy of the result."""
    settings = Settings(password, timeout, max_pages)
    inputs = [Path(p) for p in paths]
    observer = observer or Quiet()
    observer.begin(len(inputs))
    hashes = [content_hash(p) if store else None for p in inputs]
    plan = Plan(inputs, hashes, store, observer)
    todo = plan.reuse_or_schedule(redo)
    yield from plan.in_order()  # stored results before the first document to read
    run = backend or local_backend
    for outcome in run(todo, settings, jobs or default_jobs()):
        plan.finished(outcome, reused=False)
        for copy in plan.copies_of(outcome):
            plan.finished(copy, reused=True)
        yield from plan.in_order()
    yield from plan.in_order()


class Plan:
    """Which inputs are read, which reuse a result; what is finished; what may be yielded next."""

    def __init__(
        self, inputs: list[Path], hashes: list[str | None], store: ResultStore | None, observer: Observer
    ) -> None:
        self.inputs, self.hashes, self.store, self.observer = inputs, hashes, store, observer
        self.ready: dict[int, Outcome] = {}
        self.next = 0
        self.copies: dict[int, list[int]] = {}  # index read → indices with the same content

    def reuse_or_schedule(self, redo: Redo) -> list[tuple[int, Path]]:
        todo: list[tuple[int, Path]] = []
        reading: dict[str, int] = {}
        for index, (path, sha) in enumerate(zip(self.inputs, self.hashes, strict=True)):
            stored = self.store.lookup(path, sha, redo) if self.store and sha else None
            if stored is not None:
                self.finished(Outcome(index, path, stored, reused=True), reused=True)
            elif sha is not None and sha in reading:
                self.copies.setdefault(reading[sha], []).append(index)
            else:
                if sha is not None:
                    reading[sha] = index
                todo.append((index, path))
        return todo

    def finished(self, outcome: Outcome, reused: bool) -> None:
        if self.store is not None:
            self.store.save(outcome.path, self.hashes[outcome.index], outcome.result, reused=reused)
        self.observer.finished(outcome)
        self.ready[outcome.index] = outcome

    def copies_of(self, outcome: Outcome) -> Iterator[Outcome]:
        for index in self.copies.pop(outcome.index, []):
            path = self.inputs[index]
            yield Outcome(index, path, addressed_to(outcome.result, path), reused=True)

    def in_order(self) -> Iterator[Outcome]:
        while self.next in self.ready:
            yield self.ready.pop(self.next)
            self.next += 1


def addressed_to(result: Result, path: Path) -> Result:
    """The same result, naming `path` (a copy of the document, or the path as the user wrote it)."""
    if isinstance(result, ClauseSummary):
        copy = result.model_copy(deep=True)
        copy.document.path = str(path)
        return copy
    if isinstance(result, SlaError) and result.path is not None:
        return type(result)(result.message, str(path))
    return result


def warm_up(documents: int = 1) -> SlaError | None:
    """Import the pipeline and load the rules here, once, so that every forked worker inherits
    them; a broken patterns/ folder is an error for every document alike. For a batch, compile
    and gate every rule too (each worker would otherwise do it again); one document compiles
    only the rules its language asks, in its worker."""
    from ..pipeline import extract  # noqa: F401, PLC0415 - loaded once, inherited by every worker
    from ..rules import default_rules  # noqa: PLC0415

    try:
        rules = default_rules()
        if documents > 1:
            rules.prepare()
    except SlaError as exc:
        return exc
    return None


def isolation_available() -> bool:
    return os.name == "posix"


def local_backend(todo: list[tuple[int, Path]], settings: Settings, jobs: int) -> Iterator[Outcome]:
    """Up to `jobs` worker slots on this machine; outcomes in completion order."""
    if not todo:
        return
    broken = warm_up(len(todo))
    if broken is not None or not isolation_available():
        for index, path in todo:
            signals.check()
            result = broken or run_here(path, settings.password, settings.seconds(path), settings.max_pages)
            yield Outcome(index, path, result)
        return
    slots = [Slot() for _ in range(max(1, min(jobs, len(todo))))]
    reading: dict[Slot, int] = {}
    pending = deque(todo)
    try:
        while pending or reading:
            signals.check()
            for slot in slots:
                if slot not in reading and pending:
                    index, path = pending.popleft()
                    if (failed := hand_over(slot, path, settings)) is not None:
                        yield Outcome(index, path, failed)
                    else:
                        reading[slot] = index
            yield from collect(slots, reading)
    finally:
        for slot in slots:
            slot.stop(kill=True)


def hand_over(slot: Slot, path: Path, settings: Settings) -> Result | None:
    """Give the document to the slot's worker; if no worker can start, read it here, under the timer."""
    try:
        slot.submit(path, settings.password, settings.max_pages, settings.seconds(path))
        return None
    except OSError:
        slot.stop(kill=True)
        return run_here(path, settings.password, settings.seconds(path), settings.max_pages)


def collect(slots: list[Slot], reading: dict[Slot, int]) -> Iterator[Outcome]:
    """Wait up to one tick for results; then end the documents that broke a bound."""
    by_pipe = {slot.conn: slot for slot in reading}
    for conn in wait(list(by_pipe), timeout=TICK):
        signals.check()  # a signal that also reached the workers must not become their error
        slot = by_pipe[conn]
        path = slot.path
        assert path is not None
        yield Outcome(reading.pop(slot), path, slot.receive())
    for slot in list(reading):
        path = slot.path
        if (error := slot.overrun()) is not None:
            assert path is not None
            yield Outcome(reading.pop(slot), path, error)


# ------------------------------------------------------------------ one document (the library)

_local = threading.local()  # a Dask worker may read documents in several threads: a slot each
_slots: list[Slot] = []


def default_slot() -> Slot:
    """The worker `run_one` uses in this thread: kept between calls, so a loop over documents pays
    one start."""
    slot = getattr(_local, "slot", None)
    if slot is None:
        slot = _local.slot = Slot()
        if not _slots:
            atexit.register(stop_worker)
        _slots.append(slot)
    return slot


def stop_worker() -> None:
    """Let run_one's workers go (each exits when its pipe closes); the next document starts a new one."""
    for slot in _slots:
        slot.stop()


def run_one(
    path: Path,
    password: str | None = None,
    timeout: float | None = None,
    max_pages: int | None = None,
    isolate: bool | None = None,
) -> Result:
    """The summary of one document, or the error that stopped it. Never raises (but KeyboardInterrupt)."""
    if isolate is None:
        isolate = isolation_available()
    if not isolate:
        return run_here(path, password, timeout_for(path, timeout), max_pages)
    if process_context().get_start_method() == "fork" and (broken := warm_up()) is not None:
        return broken
    slot = default_slot()
    if (failed := hand_over(slot, path, Settings(password, timeout, max_pages))) is not None:
        return failed
    try:
        while True:
            assert slot.conn is not None
            if slot.conn.poll(TICK):
                return slot.receive()
            if (error := slot.overrun()) is not None:
                return error
    except BaseException:  # Ctrl-C while waiting: the worker must not outlive us
        slot.stop(kill=True)
        raise
