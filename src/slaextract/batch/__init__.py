"""Reading many documents: isolated workers, parallel or on a Dask cluster, resumable, visible.

    from slaextract.batch import run_documents
    for outcome in run_documents(paths, jobs=4):     # outcomes in input order
        outcome.path, outcome.result                 # a ClauseSummary, or the SlaError that stopped it

Layout: `worker` (one isolated process per slot, its bounds), `caps` (time and memory caps),
`scheduler` (run_documents: slots, ordering, the result store), `store` (--out-dir and the
results cache), `inputs` (folders and globs), `output` (stdout and --output lines), `progress`
(the bar and the summary), `signals` (SIGINT/SIGTERM), `cluster` (Dask), `table` (the analysts'
table), `commands` and `table_command` (what the CLI calls).
"""

from __future__ import annotations

import importlib
from typing import Any

# name → module: imported on first use, so that registering the CLI commands stays instant
EXPORTS = {
    "DEFAULT_MEMORY_MB": "caps",
    "memory_limit": "caps",
    "time_limit": "caps",
    "timeout_message": "caps",
    "document_suffixes": "inputs",
    "expand_inputs": "inputs",
    "Outcome": "scheduler",
    "Settings": "scheduler",
    "default_jobs": "scheduler",
    "run_documents": "scheduler",
    "run_one": "scheduler",
    "stop_worker": "scheduler",
    "Redo": "store",
    "ResultStore": "store",
}
__all__ = sorted(EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in EXPORTS:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{EXPORTS[name]}", __name__), name)
