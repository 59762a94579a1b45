"""One batch run, as the commands drive it: inputs, result store, workers or cluster, progress, signals.

`each_document` is the loop every command that reads many documents shares; `extract` adds its
output (slaextract.commands.extract). Problems that stop the run before it starts raise
UsageError; cli.py turns them into one line and exit 2.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from . import scheduler, signals
from .inputs import expand_inputs, is_pattern
from .progress import Tally, progress_wanted
from .scheduler import Backend, Outcome
from .signals import Interrupted
from .store import Redo, ResultStore, default_cache_dir


@dataclass
class BatchOptions:
    """The options every command that reads many documents takes."""

    password: str | None = None
    timeout: float | None = None
    max_pages: int | None = 2000
    jobs: int | None = None
    cluster: str | None = None
    out_dir: Path | None = None
    redo: Redo = Redo.nothing


def gather(files: list[Path]) -> tuple[list[Path], bool]:
    """The inputs, and whether this is a batch (JSON Lines, a result store) rather than one file."""
    inputs = expand_inputs(files)
    if not inputs:
        raise UsageError("no input files found")
    many = len(inputs) > 1 or any(f.is_dir() or is_pattern(f) for f in files)
    return inputs, many


def open_store(options: BatchOptions, many: bool) -> ResultStore | None:
    """--out-dir, or for a batch the results cache (so that an interrupted batch can resume)."""
    if options.out_dir is not None:
        try:
            return ResultStore(options.out_dir)
        except OSError as exc:
            raise UsageError(f"{options.out_dir}: cannot write results there ({exc.strerror})") from None
    cache = default_cache_dir() if many else None
    try:
        return ResultStore(cache, keep_failures=False) if cache is not None else None
    except OSError:  # a read-only home: the batch runs, it just cannot be resumed
        return None


@contextmanager
def backend_for(options: BatchOptions) -> Iterator[Backend | None]:
    if options.cluster is None:
        yield None
        return
    from .cluster import ClusterError, dask_backend  # noqa: PLC0415 - Dask is an optional extra

    try:
        with dask_backend(options.cluster) as backend:
            yield backend
    except ClusterError as exc:
        raise UsageError(str(exc)) from None


def read_documents(
    inputs: list[Path],
    options: BatchOptions,
    store: ResultStore | None,
    on_outcome: Callable[[Outcome], None],
    tally: Tally,
) -> Interrupted | None:
    """Read every input (workers, store, signals) and pass each outcome on in input order;
    the interrupt that stopped the run, if one did (its message is already said)."""
    with backend_for(options) as backend, signals.interruptible():
        outcomes = scheduler.run_documents(
            inputs,
            password=options.password,
            timeout=options.timeout,
            max_pages=options.max_pages,
            jobs=options.jobs,
            store=store,
            redo=options.redo,
            backend=backend,
            observer=tally,
        )
        try:
            with closing(outcomes):
                for outcome in outcomes:
                    on_outcome(outcome)
                    signals.check()
        except Interrupted as stop:
            tally.close(summary=False)
            tally.say(f"slaextract: interrupted after {tally.done} of {tally.total}; rerun the same command to resume")
            return stop
    return None


def each_document(
    files: list[Path], options: BatchOptions, on_outcome: Callable[[Outcome], None]
) -> Interrupted | None:
    """Read the files (folders and globs expanded) as a batch and pass each outcome on, in input
    order; the interrupt that stopped the run, if one did. For `check` and `compare`."""
    inputs, many = gather(files)
    tally = Tally(show=many and progress_wanted())  # one file: nothing but its result
    stop = read_documents(inputs, options, open_store(options, many), on_outcome, tally)
    if stop is None:
        tally.close(summary=True)
    return stop


def redo_from(force: bool, retry_failed: bool) -> Redo:
    if force:
        return Redo.everything
    return Redo.failed if retry_failed else Redo.nothing
