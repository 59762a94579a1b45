"""Imported by the fork server (where workers cannot be forked from a single-threaded parent,
e.g. inside a Dask worker): import the pipeline and compile the rules once, so that every
worker forked from the server starts with both."""

from __future__ import annotations

from contextlib import suppress

from ..errors import SlaError
from ..pipeline import extract  # noqa: F401 - imported for the workers to inherit
from ..rules import default_rules

with suppress(SlaError):  # a broken patterns/ folder: each document reports it
    default_rules().prepare()
