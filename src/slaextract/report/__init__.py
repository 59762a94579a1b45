"""Every output format of every command, behind one interface: ``render(value) -> str``.

    kind      value (from)                     formats
    summary   ClauseSummary (extract)          json, text
    check     check.base.CheckReport (check)   text, json, sarif, junit, github
    diff      views.diff.SummaryDiff (diff)    text, json, markdown, github
    compare   views.compare.Comparison         text, markdown, html, csv, json

A format is a module-level function named here as "module:function" (relative to the slaextract
package); the registry imports it only when it renders, so that the command line can list the
choices (``format_names``) without importing the models behind them (`--help` stays fast).
A text format fits the terminal's width by itself. To add a format: write the function, add its line below.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Protocol

FORMATS: dict[str, dict[str, str]] = {
    "summary": {
        "json": "report.summary.json:render",
        "text": "report.summary.text:render",
    },
    "check": {
        "text": "report.check.text:render",
        "json": "report.check.json:render",
        "sarif": "report.check.sarif:render",
        "junit": "report.check.junit:render",
        "github": "report.check.github:render",
    },
    "diff": {
        "text": "views.diff_render:render_text",
        "json": "views.diff_render:render_json",
        "markdown": "views.diff_render:render_markdown",
        "github": "views.diff_render:render_github",
    },
    "compare": {
        "text": "views.compare:render_text",
        "markdown": "views.compare:render_markdown",
        "html": "views.compare:render_html",
        "csv": "views.compare:render_csv",
        "json": "views.compare:render_json",
    },
}


PACKAGE = __name__.rpartition(".")[0]  # the names above are relative to slaextract


class Renderer(Protocol):
    def __call__(self, value: Any, /) -> str: ...


def format_names(kind: str) -> tuple[str, ...]:
    """The formats of one kind of output, in the order `--help` lists them (the first is the default)."""
    return tuple(FORMATS[kind])


def renderer(kind: str, name: str) -> Renderer:
    """The function that renders `name` for this kind of output; KeyError for an unknown one."""
    module, function = FORMATS[kind][name].split(":")
    return getattr(import_module(f"{PACKAGE}.{module}"), function)


def render(kind: str, name: str, value: Any) -> str:
    return renderer(kind, name)(value)
