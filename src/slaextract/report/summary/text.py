"""The clause summary as readable tables (rich), each term with its page reference."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from ...fields.base import page
from ...fields.registry import FIELDS
from ...model import ClauseSummary
from ...views.textout import terminal_width


def plural(n: float, word: str) -> str:
    return f"{n:g} {word}" + ("" if n == 1 else "s")


def render(summary: ClauseSummary, width: int | None = None) -> str:
    buf = io.StringIO()
    # the terminal's width (issue 16): tables fold their cells to fit 80 columns
    con = Console(file=buf, width=width or terminal_width(120), force_terminal=False, color_system=None)
    d = summary.document
    con.print(f"[bold]{d.path}[/bold]  {plural(d.pages, 'page')}, language {d.language}")

    def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
        t = Table(title=title, title_justify="left", show_lines=False)
        for c in columns:
            t.add_column(c)
        for r in rows:
            t.add_row(*r)
        if not rows:
            t.add_row(*(["(none found)"] + [""] * (len(columns) - 1)))
        con.print(t)

    # one section per field, in registry order: a table per list field, then a line per scalar
    for field in FIELDS:
        if not field.scalar:
            table(field.title, list(field.columns), [field.cells(item) for item in getattr(summary, field.name)])
    for field in FIELDS:
        if field.scalar:
            value = getattr(summary, field.name)
            shown = field.cells(value)[0] if value is not None else "not stated"
            evidence = getattr(summary, field.evidence_key) if field.evidence_key else None
            con.print(f"{field.title}: {shown} {page(evidence)}")
    for w in summary.warnings:
        con.print(f"warning: {w}")
    return buf.getvalue()
