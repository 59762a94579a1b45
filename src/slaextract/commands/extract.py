"""`slaextract extract`: one file's summary (JSON or text), or JSON Lines of many in input order."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..batch.output import FileLines, ReaderGone, StdoutLines
from ..batch.progress import Tally, progress_wanted
from ..batch.scheduler import Outcome
from ..batch.session import BatchOptions, gather, open_store, read_documents
from ..batch.signals import Interrupted
from ..errors import UsageError


@dataclass(frozen=True)
class BatchEnd:
    """How a batch ended: whether any input failed, and the interrupt that stopped it, if one did."""

    failed: bool = False
    stop: Interrupted | None = None


def set_reader_options(changes: str, ocr: str) -> None:
    """--changes and --ocr reach every reader (in this process or a worker) through the environment."""
    from ..readers import CHANGES, OCR_MODES  # noqa: PLC0415

    if changes not in CHANGES:
        raise UsageError(f"unknown --changes {changes!r}; choose accept or reject")
    if ocr not in OCR_MODES:
        raise UsageError(f"unknown --ocr {ocr!r}; choose auto, always or never")
    os.environ["SLAEXTRACT_CHANGES"], os.environ["SLAEXTRACT_OCR"] = changes, ocr


def error_line(path: Path, error: BaseException) -> str:
    message = getattr(error, "message", str(error))
    return json.dumps({"path": str(path), "error": message}, ensure_ascii=False)


def extract(files: list[Path], output: Path | None, fmt: str, options: BatchOptions) -> BatchEnd:
    """Read the files and write each summary as it is ready; a reader that went away (a closed
    pipe) ends the run quietly."""
    from ..report import format_names, renderer  # noqa: PLC0415 - the renderers import the models
    from ..report.summary.json import render_line  # noqa: PLC0415 - a batch's JSON Lines record

    if fmt not in format_names("summary"):
        raise UsageError(f"unknown --format {fmt!r}; choose {' or '.join(format_names('summary'))}")
    render = renderer("summary", fmt)
    inputs, many = gather(files)
    store = open_store(options, many)
    tally = Tally(show=many and progress_wanted())  # one file: nothing but its result
    try:
        sink = FileLines(output) if output is not None else None
    except OSError as exc:
        raise UsageError(f"{output}: cannot write ({exc.strerror})") from None
    failed = False

    def emit(outcome: Outcome) -> None:
        nonlocal failed
        result = outcome.result
        if outcome.failed:
            failed = True
            tally.say(f"slaextract: {result}")
            if not many:
                return
            line = error_line(outcome.path, result)  # type: ignore[arg-type]
        else:
            line = render_line(result) if many and fmt == "json" else render(result)
        (sink or StdoutLines(tally.printer())).write(line)

    try:
        stop = read_documents(inputs, options, store, emit, tally)
    except ReaderGone:
        return BatchEnd()
    finally:
        if sink is not None:
            sink.finish()
    if stop is None:
        tally.close(summary=True)
    return BatchEnd(failed, stop)
