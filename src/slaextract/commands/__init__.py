"""What each command does between its options (cli.py) and its exit code (cli.py again).

A command here reads, runs and writes; it returns what happened (results, an interrupt, a diff)
and raises an SlaError when it cannot do its job. It never exits and never decides an exit code:
cli.py owns every one of those. One module per command family:

    extract   the clause summary of one file, or JSON Lines of many
    check     a policy's verdict on each document (and the presets)
    views     diff, compare and the HTML report
    score     summaries against the user's own gold files
    table     the analysts' table of a batch's results
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UsageError


def write_output(text: str, output: Path | None) -> None:
    """A report or view to stdout, or to --output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{output}: cannot write report ({exc.strerror})") from None
