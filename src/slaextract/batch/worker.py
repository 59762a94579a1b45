"""The isolated worker: a child process that reads one document at a time for its parent.

PDFs are read by PDFium, C code that a Python signal cannot interrupt and that aborts the
process when an allocation fails, so each document runs in a worker process (multiprocessing:
Process, Pipe, poll, kill) that can be killed and replaced without losing the batch. One worker
serves document after document, so what it loads lazily (spaCy, jieba) is loaded once per
worker; on Linux it is forked after the parent has imported the pipeline and compiled the
rules, so a fresh worker costs a few milliseconds.

The worker never outlives its parent: on Linux the kernel kills it when the parent dies
(PR_SET_PDEATHSIG), and elsewhere its watchdog thread notices the new parent id. The same
watchdog ends a document that overruns --timeout while stuck in C code, so a worker whose
parent is frozen still stops. SIGINT and SIGTERM are ignored here alike: the parent decides
what an interrupt means and ends its workers itself. SLAEXTRACT_DEBUG=1 keeps the worker's
stderr (PDF library warnings) visible.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import InputError, LimitError, SlaError
from ..model import ClauseSummary
from .caps import cap_memory, memory_limit, rss_bytes, time_limit, timeout_message

Result = ClauseSummary | SlaError
PR_SET_PDEATHSIG = 1  # linux/prctl.h
EXIT_TIMEOUT = 124  # the worker's own watchdog ended an overrun document (as timeout(1) exits)
EXIT_ORPHANED = 125  # the parent is gone
GRACE = 2.0  # seconds the worker's watchdog allows beyond --timeout: the parent's kill comes first


def run_here(path: Path, password: str | None, timeout: float, max_pages: int | None) -> Result:
    """The summary of one document read in this process, or the error that stopped it. Never raises."""
    from ..pipeline import extract  # noqa: PLC0415 - the pipeline is heavy; `--help` must not pay for it

    try:
        with time_limit(timeout, path):
            return extract(path, password=password, max_pages=max_pages)
    except SlaError as exc:
        return exc
    except MemoryError:
        return LimitError("ran out of memory reading this document", str(path))
    except RecursionError:
        return InputError("PDF structure is too deeply nested (a looping page tree?)", str(path))
    except Exception as exc:
        detail = " ".join(str(exc).split())[:300]  # one line
        return InputError(f"could not be processed ({type(exc).__name__}: {detail})", str(path))


# ------------------------------------------------------------------------------ the child side


def serve(conn: Connection, parent: int) -> None:
    """The worker's loop: a request in, a summary or an SlaError out, until the pipe closes.

    `parent` is the pid that forked it, or 0 when a fork server did (the server, its parent,
    exits when the process that started it does)."""
    parent = parent or os.getppid()
    die_with_parent(parent)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    quiet_stderr()
    watchdog = Watchdog(parent)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):  # the parent closed the pipe (or died): nothing more to do
            return
        path, password, max_pages, timeout = request
        cap_memory()
        watchdog.arm(timeout + GRACE if timeout > 0 else 0)
        result = run_here(Path(path), password, timeout, max_pages)
        watchdog.arm(0)
        try:
            conn.send(result)
        except (EOFError, OSError):
            return
        except Exception as exc:  # a result that does not pickle is still one error line
            conn.send(InputError(f"could not be processed (unpicklable result: {exc})", path))


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux); leave if it already has."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes  # noqa: PLC0415 - only the worker needs it

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watchdog's parent check remains
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(EXIT_ORPHANED)


class Watchdog:
    """A thread that ends this process when the current document overruns or the parent is gone.

    A thread is used because PDFium runs with the GIL released: the thread keeps running while
    the main thread is stuck in C code that no signal handler would ever interrupt.
    """

    TICK = 0.25

    def __init__(self, parent: int) -> None:
        self.parent = parent
        self.deadline = 0.0  # monotonic seconds; 0 = no document running
        threading.Thread(target=self.watch, name="slaextract-watchdog", daemon=True).start()

    def arm(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds if seconds > 0 else 0.0

    def watch(self) -> None:
        while True:
            time.sleep(self.TICK)
            if os.getppid() != self.parent:
                os._exit(EXIT_ORPHANED)
            if self.deadline and time.monotonic() > self.deadline:
                os._exit(EXIT_TIMEOUT)


def quiet_stderr() -> None:
    """The parent is the only one that talks to the user (PDF libraries print warnings of their own)."""
    if os.environ.get("SLAEXTRACT_DEBUG"):
        return
    import faulthandler  # noqa: PLC0415 - it writes to a copy of stderr of its own (pytest enables it)

    faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


# ----------------------------------------------------------------------------- the parent side


def process_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (the parent is single-threaded: nothing to inherit half-locked), else a
    fork server that has imported the pipeline (a Dask worker runs tasks in threads)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["slaextract.batch.preload"])
        return context
    return multiprocessing.get_context("spawn")


class Slot:
    """One worker process and the document it is reading; the parent's half of the bounds.

    A worker that overruns the deadline or the memory cap is killed; one that dies is reaped and
    its exit status becomes the error; in both cases the next document gets a new worker. A
    worker whose resident memory has grown by more than the cap is retired after its document.
    """

    def __init__(self) -> None:
        self.process: multiprocessing.process.BaseProcess | None = None
        self.conn: Connection | None = None
        self.path: Path | None = None  # the document being read
        self.deadline = 0.0
        self.timeout = 0.0
        self.start_rss = 0

    @property
    def pid(self) -> int:
        return (self.process.pid or 0) if self.process is not None else 0

    @property
    def busy(self) -> bool:
        return self.path is not None

    def start(self) -> None:
        context = process_context()
        parent_end, child_end = context.Pipe()
        parent = os.getpid() if context.get_start_method() == "fork" else 0
        process = context.Process(target=serve, args=(child_end, parent), name="slaextract-worker", daemon=True)
        process.start()
        child_end.close()
        self.process, self.conn = process, parent_end
        self.start_rss = rss_bytes(process.pid)

    def submit(self, path: Path, password: str | None, max_pages: int | None, timeout: float) -> None:
        """Hand a document to the worker (starting one if needed); raises OSError if none can start."""
        request = (str(path), password, max_pages, timeout)
        if self.process is None or not self.process.is_alive():
            self.stop(kill=True)
            self.start()
        assert self.conn is not None
        try:
            self.conn.send(request)
        except (BrokenPipeError, EOFError):  # it died between documents: start afresh once
            self.stop(kill=True)
            self.start()
            self.conn.send(request)
        self.path, self.timeout = path, timeout
        self.deadline = time.monotonic() + timeout if timeout > 0 else 0.0

    def receive(self) -> Result:
        """The result the worker sent (call when its pipe is readable), or the error it died of."""
        assert self.conn is not None and self.path is not None
        path, self.path = self.path, None
        try:
            result = self.conn.recv()
        except (EOFError, OSError):
            return died(self.stop(kill=True), path, self.timeout)
        except Exception as exc:
            self.stop(kill=True)
            return InputError(f"could not be processed (worker sent a broken result: {exc})", str(path))
        limit = memory_limit()
        # Retire it if it ran out of memory once, or if what it holds has grown past the cap. What
        # it holds is resident memory: the OCR engine reserves address space it never touches
        # (about 1 GB after one scan), and a worker retired for that would load the models and
        # fault their arena in again for every scan, three times the cost of reading it.
        if isinstance(result, LimitError) or (limit and rss_bytes(self.pid) > self.start_rss + limit):
            self.stop()
        return result

    def overrun(self) -> Result | None:
        """If the document broke a bound seen from outside (deadline, resident memory), kill the
        worker and give the error; None while it is within bounds."""
        if not self.busy:
            return None
        assert self.path is not None
        limit = memory_limit()
        if self.deadline and time.monotonic() >= self.deadline:
            error = LimitError(timeout_message(self.timeout), str(self.path))
        elif limit and rss_bytes(self.pid) > self.start_rss + limit:
            error = LimitError(f"used more than the {limit >> 20} MB memory limit", str(self.path))
        else:
            return None
        self.path = None
        self.stop(kill=True)
        return error

    def stop(self, kill: bool = False) -> int:
        """Close the pipe and reap the worker (killing it first if asked); its exit code."""
        process, self.process, self.path = self.process, None, None
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if process is None:
            return 0
        if kill:
            process.kill()
        process.join(None if kill else 5)
        if process.exitcode is None:  # a worker that ignores a closed pipe
            process.kill()
            process.join()
        return process.exitcode or 0


def died(exitcode: int, path: Path, timeout: float = 0.0) -> SlaError:
    """The error for a worker that exited without a result (exitcode < 0: killed by that signal)."""
    if exitcode == EXIT_TIMEOUT:  # its own watchdog stopped it (the parent was too late to)
        return LimitError(timeout_message(timeout), str(path))
    if exitcode < 0:
        sig = -exitcode
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        if sig in (signal.SIGABRT, signal.SIGKILL) and memory_limit():
            return LimitError(
                f"the PDF reader stopped ({name}), most likely at the {memory_limit() >> 20} MB "
                "memory limit (a stream that inflates to gigabytes?)",
                str(path),
            )
        return InputError(f"the PDF reader crashed ({name}) on this file", str(path))
    return InputError(f"could not be processed (worker exited with status {exitcode})", str(path))
