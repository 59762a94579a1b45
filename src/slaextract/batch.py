"""Running extraction over many inputs: expand folders, bound each document in time and memory, never lose a result.

PDFs are read in a forked worker process. The parent waits at most ``--timeout`` seconds for
each document and then kills the worker, which is the only way to stop PDFium, whose C code
a Python signal cannot interrupt. The worker's address space is capped per document
(``memory_limit``, env SLAEXTRACT_MAX_MEMORY_MB), so a stream that inflates to gigabytes
ends that one document, not the machine; a worker that dies (PDFium aborts when an
allocation fails) becomes an error line like any other, and the next document gets a new
worker. One worker serves document after document, so what it loads lazily (spaCy)
is loaded once per batch, not once per file; the parent imports the pipeline and compiles
the rules before forking, so a fresh worker costs a few milliseconds.
Text files need none of this (pure Python, regexes with timeouts): they are read in-process
under a SIGALRM timer, as everything is where fork is missing (Windows) or unsafe (threads
are running). SLAEXTRACT_DEBUG=1 keeps the worker's stderr (PDF library warnings) visible.
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import select
import signal
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import InputError, LimitError, SlaError
from .model import ClauseSummary

SUFFIXES = {".pdf", ".txt", ".md", ".markdown"}
# Address space one document may add to the worker, in MiB (env SLAEXTRACT_MAX_MEMORY_MB; 0 = no cap).
DEFAULT_MEMORY_MB = 1024


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given (in order); a folder contributes its contract files, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            out.append(p)
    return out


@contextmanager
def time_limit(seconds: float, path: Path):
    """Abort the document after `seconds` (SIGALRM; only where it exists and on the main thread)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise LimitError(timeout_message(seconds), str(path))

    try:
        old = signal.signal(signal.SIGALRM, on_alarm)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def timeout_message(seconds: float) -> str:
    return f"took longer than --timeout {seconds:g} s"


def memory_limit() -> int:
    """Bytes of address space a worker may add (0: no cap)."""
    try:
        return max(int(os.environ.get("SLAEXTRACT_MAX_MEMORY_MB", DEFAULT_MEMORY_MB)), 0) << 20
    except ValueError:
        return DEFAULT_MEMORY_MB << 20


def can_fork() -> bool:
    return (
        hasattr(os, "fork") and threading.current_thread() is threading.main_thread() and threading.active_count() == 1
    )


def run_one(
    path: Path,
    password: str | None = None,
    timeout: float = 60.0,
    max_pages: int | None = None,
    isolate: bool | None = None,
) -> ClauseSummary | SlaError:
    """The summary of one document, or the error that stopped it. Never raises (but KeyboardInterrupt)."""
    if isolate is None:
        isolate = can_fork() and is_pdf(path)
    if isolate:
        return run_in_worker(path, password, timeout, max_pages)
    return run_here(path, password, timeout, max_pages)


def is_pdf(path: Path) -> bool:
    """The same test read_document applies (a PDF is known by its magic bytes, not its name)."""
    try:
        with path.open("rb") as fh:
            return b"%PDF-" in fh.read(1024)
    except OSError:
        return False


def run_here(path: Path, password: str | None, timeout: float, max_pages: int | None) -> ClauseSummary | SlaError:
    from .pipeline import extract  # noqa: PLC0415

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


def run_in_worker(path: Path, password: str | None, timeout: float, max_pages: int | None) -> ClauseSummary | SlaError:
    global _worker
    from .pipeline import extract  # noqa: F401, PLC0415 - imported once here, inherited by every worker
    from .rules import default_rules  # noqa: PLC0415

    try:
        default_rules()
    except SlaError as exc:  # a broken patterns/ folder: every document would fail the same way
        return exc
    if _worker is None:
        _worker = Worker()
        atexit.register(stop_worker)
    try:
        return _worker.run(path, password, max_pages, timeout)
    except OSError:  # no process or pipe left for a worker: read it here, under the timer
        _worker.stop(kill=True)
        return run_here(path, password, timeout, max_pages)
    except BaseException:  # Ctrl-C while waiting: the worker must not outlive us
        _worker.stop(kill=True)
        raise


def stop_worker() -> None:
    """Let the worker go (it exits when its request pipe closes); the next PDF starts a new one."""
    if _worker is not None:
        _worker.stop()


class Worker:
    """A forked process that reads one document per request until it is stopped, killed or dies.

    Requests and results cross two pipes as length-prefixed pickles. A worker that overruns
    the deadline is killed; one that dies is reaped and its exit status becomes the error; in
    both cases the next document gets a new worker. A worker whose memory has grown by more than
    the per-document cap is retired after its document.
    """

    def __init__(self) -> None:
        self.pid = 0
        self.requests = self.results = -1
        self.start_vm = 0

    def start(self) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        req_r, req_w = os.pipe()
        res_r, res_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (req_r, req_w, res_r, res_w):
                os.close(fd)
            raise
        if pid == 0:  # the worker: never returns
            os.close(req_w)
            os.close(res_r)
            serve(req_r, res_w)
        os.close(req_r)
        os.close(res_w)
        self.pid, self.requests, self.results = pid, req_w, res_r
        self.start_vm = vm_bytes(pid)

    def stop(self, kill: bool = False) -> int:
        """Close the pipes and reap the worker (killing it first if asked); its wait status."""
        if not self.pid:
            return 0
        for fd in (self.requests, self.results):
            with suppress(OSError):
                os.close(fd)
        if kill:
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return status

    def run(self, path: Path, password: str | None, max_pages: int | None, timeout: float) -> ClauseSummary | SlaError:
        if not self.pid:
            self.start()
        try:
            write_frame(self.requests, pickle.dumps((str(path), password, max_pages)))
        except BrokenPipeError:  # it died between documents: start afresh once
            self.stop(kill=True)
            self.start()
            write_frame(self.requests, pickle.dumps((str(path), password, max_pages)))
        payload = read_frame(self.results, time.monotonic() + timeout if timeout > 0 else None)
        if payload is None:
            self.stop(kill=True)
            return LimitError(timeout_message(timeout), str(path))
        if payload == b"":
            return died(self.stop(kill=True), path)
        try:
            result = pickle.loads(payload)
        except Exception as exc:
            self.stop(kill=True)
            return InputError(f"could not be processed (worker sent a broken result: {exc})", str(path))
        limit = memory_limit()
        if isinstance(result, LimitError) or (limit and vm_bytes(self.pid) > self.start_vm + limit):
            self.stop()  # retire it: it ran out of memory once, or its heap has grown past the cap
        return result


_worker: Worker | None = None


def serve(requests: int, results: int) -> None:
    """The worker's loop: a request in, a summary or an SlaError out, until the pipe closes."""
    code = 0
    try:
        quiet_stderr()
        while frame := read_frame(requests, None):
            path, password, max_pages = pickle.loads(frame)
            cap_memory()
            result = run_here(Path(path), password, 0, max_pages)
            try:
                data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                data = pickle.dumps(InputError(f"could not be processed (unpicklable result: {exc})", path))
            write_frame(results, data)
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(8, "big") + data)
    while view:
        view = view[os.write(fd, view) :]


def read_frame(fd: int, deadline: float | None) -> bytes | None:
    """One length-prefixed message; b"" if the pipe closed first, None if the deadline passed."""
    head = read_exactly(fd, 8, deadline)
    if not head:
        return head
    return read_exactly(fd, int.from_bytes(head, "big"), deadline)


def read_exactly(fd: int, n: int, deadline: float | None) -> bytes | None:
    chunks: list[bytes] = []
    while n:
        wait = None if deadline is None else deadline - time.monotonic()
        if wait is not None and wait <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            continue
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return b""
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def vm_bytes(pid: int | str = "self") -> int:
    """Virtual memory size of a process (0 where /proc is missing)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def quiet_stderr() -> None:
    """The parent is the only one that talks to the user (PDF libraries print warnings of their own)."""
    if os.environ.get("SLAEXTRACT_DEBUG"):
        return
    import faulthandler  # noqa: PLC0415 - it writes to a copy of stderr of its own (pytest enables it)

    faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def cap_memory() -> None:
    extra = memory_limit()
    if not extra:
        return
    try:
        import resource  # noqa: PLC0415

        current = vm_bytes()
        if not current:
            return
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = current + extra
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):  # no RLIMIT_AS: run uncapped
        return


def died(status: int, path: Path) -> SlaError:
    """The error for a worker that exited without a result."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
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
    return InputError(
        f"could not be processed (worker exited with status {os.waitstatus_to_exitcode(status)})", str(path)
    )


def error_line(path: Path, error: SlaError) -> str:
    return json.dumps({"path": str(path), "error": error.message}, ensure_ascii=False)
