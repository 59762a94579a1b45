"""What a batch shows while it runs: a progress bar on a terminal, a summary at the end.

The bar (documents, pages/s, failures, ETA) appears only when both stdout and stderr are
terminals and no CI variable is set: in a pipe, a log or a CI job the output stays exactly the
result lines and one line per failure. The bar is redrawn by this process between documents,
never by a thread of rich's own, so that forking a worker never copies a half-held lock.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .scheduler import Outcome

CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD")
REDRAW = 0.1  # seconds between redraws of the bar


def wants_progress(stdout_tty: bool, stderr_tty: bool, environ: Mapping[str, str]) -> bool:
    return stdout_tty and stderr_tty and not any(environ.get(name) for name in CI_VARIABLES)


def progress_wanted() -> bool:
    return wants_progress(sys.stdout.isatty(), sys.stderr.isatty(), os.environ)


@dataclass
class Tally:
    """Counts what finished (the interrupt message and the summary need it); draws the bar if asked."""

    show: bool = False
    total: int = 0
    done: int = 0
    read: int = 0  # extracted in this run (not reused from the store)
    pages: int = 0
    reused: int = 0
    failures: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    _bar: object | None = None
    _task: int = 0
    _drawn: float = 0.0

    def begin(self, total: int) -> None:
        self.total, self.started = total, time.monotonic()
        if self.show:
            self._start_bar()

    def finished(self, outcome: Outcome) -> None:
        self.done += 1
        self.reused += outcome.reused
        self.read += not outcome.reused
        if not outcome.reused:
            self.pages += outcome.pages
        if outcome.failed:
            self.failures.append(str(outcome.result))
        self._redraw(force=self.done == self.total)

    def say(self, line: str) -> None:
        """A line for the user on stderr (above the bar, if one is drawn)."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)  # type: ignore[attr-defined]
        else:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def printer(self) -> Callable[[str], None] | None:
        """Result lines for stdout, printed above the bar (the bar is drawn on the same terminal)."""
        if self._bar is None:
            return None

        def print_line(line: str) -> None:
            self._bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)  # type: ignore[attr-defined]

        return print_line

    def close(self, summary: bool) -> None:
        if self._bar is not None:
            self._redraw(force=True)
            self._bar.stop()  # type: ignore[attr-defined]
            self._bar = None
        if summary and self.show:
            for line in self.summary():
                self.say(line)

    def summary(self) -> list[str]:
        seconds = time.monotonic() - self.started
        rate = f"{self.read / seconds:.1f} documents/s, {self.pages / seconds:.1f} pages/s" if seconds > 0 else ""
        lines = [
            f"slaextract: {self.done} documents ({self.reused} reused), {self.pages} pages read "
            f"in {seconds:.1f} s ({rate}); {len(self.failures)} failed"
        ]
        lines += [f"  failed: {failure}" for failure in self.failures]
        return lines

    def _start_bar(self) -> None:
        from rich.console import Console  # noqa: PLC0415 - only a terminal run draws a bar
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn  # noqa: PLC0415

        bar = Progress(
            TextColumn("documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            auto_refresh=False,  # no refresh thread: see the module docstring
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = bar.add_task("batch", total=self.total, rate="", failed=0)
        bar.start()
        self._bar = bar

    def _redraw(self, force: bool = False) -> None:
        if self._bar is None or (not force and time.monotonic() - self._drawn < REDRAW):
            return
        seconds = max(time.monotonic() - self.started, 1e-9)
        self._bar.update(  # type: ignore[attr-defined]
            self._task, completed=self.done, rate=f"{self.pages / seconds:.1f} pages/s", failed=len(self.failures)
        )
        self._bar.refresh()  # type: ignore[attr-defined]
        self._drawn = time.monotonic()
