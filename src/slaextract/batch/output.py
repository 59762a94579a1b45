"""Where result lines go: stdout, flushed line by line, or a file that is valid at every moment.

`--output FILE` is written to a hidden temporary file beside it, one line per finished document,
and renamed over FILE when the run ends, however it ends (done, interrupted, failed): a reader
never sees a half-written FILE, and an interrupted run leaves FILE with every line finished.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


class ReaderGone(Exception):
    """stdout's reader went away (`slaextract extract dir | head -1`): not a failure of ours."""


class StdoutLines:
    def __init__(self, printer: Callable[[str], None] | None = None) -> None:
        self.printer = printer  # the progress bar's console, which keeps the bar below the lines

    def write(self, line: str) -> None:
        if self.printer is not None:
            self.printer(line)
            return
        try:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            # click would report it as exit 1, our "findings" code; later writes go nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise ReaderGone from None

    def finish(self) -> None:
        pass


class FileLines:
    """Lines into `target`, through a temporary file renamed over it by `finish()`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
        self.fh: TextIO | None = self.temporary.open("w", encoding="utf-8")  # OSError: the caller says so

    def write(self, line: str) -> None:
        assert self.fh is not None
        self.fh.write(line + "\n")
        self.fh.flush()

    def finish(self) -> None:
        if self.fh is None:
            return
        self.fh.close()
        self.fh = None
        os.replace(self.temporary, self.target)
