"""Running extraction over many inputs: expand folders, bound each document in time, never lose a result."""

from __future__ import annotations

import json
import signal
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, LimitError, SlaError
from .model import ClauseSummary

SUFFIXES = {".pdf", ".txt", ".md", ".markdown"}


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

    def on_alarm(signum, frame):  # noqa: ANN001
        raise LimitError(f"took longer than --timeout {seconds:g} s", str(path))

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


def run_one(path: Path, password: str | None = None, timeout: float = 60.0,
            max_pages: int | None = None) -> ClauseSummary | SlaError:
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
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return InputError(f"could not be processed ({type(exc).__name__}: {exc})", str(path))


def error_line(path: Path, error: SlaError) -> str:
    return json.dumps({"path": str(path), "error": error.message}, ensure_ascii=False)
