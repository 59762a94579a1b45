"""`slaextract` with a stand-in reader, for tests that signal or kill a running batch.

    python tests/batch/stub_cli.py extract FILES... [options]

The stand-in reads a document with the real pipeline, then appends its path to $STUB_LOG (so a
test can count how many times each input was read to the end). A document whose name contains
$STUB_STUCK is never finished: it sleeps with SIGALRM blocked, as PDFium stuck in C code would
(and first creates the file $STUB_STUCK_MARK, when set).
The forked workers inherit the stand-in.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import slaextract.pipeline as pipeline
from slaextract.cli import main

real_extract = pipeline.extract


def stand_in(path, password=None, max_pages=None):
    stuck = os.environ.get("STUB_STUCK")
    if stuck and stuck in os.path.basename(str(path)):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        if mark := os.environ.get("STUB_STUCK_MARK"):  # tells a test the document has started
            open(mark, "w").close()
        time.sleep(600)
    summary = real_extract(path, password=password, max_pages=max_pages)
    if log := os.environ.get("STUB_LOG"):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{path}\n")
    return summary


pipeline.extract = stand_in
if __name__ == "__main__":
    sys.argv[0] = "slaextract"
    main()
