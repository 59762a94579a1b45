"""The bounds on one document: seconds (--timeout) and address space (SLAEXTRACT_MAX_MEMORY_MB).

Each bound is enforced twice. The worker enforces its own (a timer that raises in Python code,
a watchdog thread that kills the process when C code does not return, RLIMIT_AS), so a worker
whose parent is gone still stops; the parent enforces them again from outside (it kills a
worker at the deadline or when its resident memory passes the cap), because PDFium's C code
cannot be interrupted from inside and RLIMIT_AS is ignored on some systems.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path

from ..errors import LimitError

# Address space one document may add to the worker, in MiB (env SLAEXTRACT_MAX_MEMORY_MB; 0 = no cap).
DEFAULT_MEMORY_MB = 1024


def timeout_message(seconds: float) -> str:
    return f"took longer than --timeout {seconds:g} s"


def memory_limit() -> int:
    """Bytes of address space a worker may add (0: no cap)."""
    try:
        return max(int(os.environ.get("SLAEXTRACT_MAX_MEMORY_MB", DEFAULT_MEMORY_MB)), 0) << 20
    except ValueError:
        return DEFAULT_MEMORY_MB << 20


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


def vm_bytes(pid: int | str = "self") -> int:
    """Virtual memory size of a process (0 where /proc is missing)."""
    return _statm(pid, 0)


def rss_bytes(pid: int | str = "self") -> int:
    """Resident memory of a process (0 where /proc is missing)."""
    return _statm(pid, 1)


def _statm(pid: int | str, column: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[column]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def cap_memory() -> None:
    """Let this process's address space grow by at most memory_limit() from here (RLIMIT_AS)."""
    extra = memory_limit()
    if not extra:
        return
    try:
        import resource  # noqa: PLC0415 - missing on Windows

        current = vm_bytes()
        if not current:
            return
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = current + extra
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):  # no RLIMIT_AS: the parent's check still holds
        return
