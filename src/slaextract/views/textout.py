"""Small helpers shared by the text and Markdown views: terminal width, page references, table cells."""

from __future__ import annotations

import os
import shutil
from io import StringIO

from rich.console import Console, Group


def terminal_width(default: int = 100) -> int:
    """The terminal's width; COLUMNS wins (CI logs set it), and a pipe gets `default`."""
    if os.environ.get("COLUMNS", "").isdigit():
        return max(int(os.environ["COLUMNS"]), 40)
    return max(shutil.get_terminal_size((default, 24)).columns, 40)


def console_text(blocks: list[object], width: int) -> str:
    """Render rich renderables to plain text at `width` columns (tables wrap their cells to fit)."""
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False)
    console.print(Group(*blocks))  # type: ignore[arg-type]
    return buffer.getvalue()


def page_ref(page: int | None) -> str:
    return f"p.{page}" if page else ""


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")
