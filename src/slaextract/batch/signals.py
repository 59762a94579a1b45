"""SIGINT and SIGTERM, handled alike: note the signal, let the batch stop at its next safe point.

A handler that raised at once could cut a line of output in half; instead the batch loop calls
`check()` between documents and while it waits, keeps every finished result, and exits
128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). A second signal stops at once.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The user (or a supervisor) asked the batch to stop. BaseException, as KeyboardInterrupt is,
    so that no `except Exception` on the way turns it into a document's error."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_received: int | None = None


def check() -> None:
    """Raise Interrupted if a signal arrived since `interruptible()` began."""
    if _received is not None:
        raise Interrupted(_received)


def note(signum: int, frame: object) -> None:
    global _received
    if _received is not None:  # asked twice: the user does not want to wait for a safe point
        raise Interrupted(signum)
    _received = signum


@contextmanager
def interruptible() -> Iterator[None]:
    """Within this block SIGINT and SIGTERM are noted for `check()` instead of killing the process."""
    global _received
    _received = None
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, note) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _received = None
