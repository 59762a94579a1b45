"""Output formats for `slaextract check`, one module each behind `render(report) -> str`."""

from __future__ import annotations

from . import github, junit, sarif, text
from . import json as json_format
from .base import CheckResult, Renderer, Report

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}

__all__ = ["FORMATS", "CheckResult", "Report", "render"]


def render(fmt: str, report: Report) -> str:
    return FORMATS[fmt](report)
