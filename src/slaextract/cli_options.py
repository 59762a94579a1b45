"""How the command line's options look, declared once: the format choices (from the report
registry), the options several commands share, flags shown as flags (no `<bool>`), and usage
errors in one line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
import typer.core
from typer.core import TyperCommand, TyperGroup

from .report import format_names

# the click typer runs on: its own copy since typer 0.22, the click package before
CLICK = getattr(typer.core, "_click", None) or typer.core.click  # type: ignore[attr-defined]

JOBS = typer.Option("--jobs", "-j", min=1, help="Documents read at once (default: the machine's cores).")
OUT_DIR = typer.Option("--out-dir", help="Also write one JSON per input and an index here; a rerun reuses them.")
FORCE = typer.Option("--force", help="Read every input again, even those with a stored result.")
RETRY_FAILED = typer.Option("--retry-failed", help="Read again only the inputs whose stored result is a failure.")
CLUSTER = typer.Option(
    "--cluster", help="Run on Dask: local[:N] starts N worker processes, tcp://HOST:8786 uses a running scheduler."
)


def choices(name: str, values: tuple[str, ...]) -> type[Enum]:
    """An Enum of the formats a command knows (the report registry's), so `--help` lists them."""
    return Enum(name, {value: value for value in values}, type=str)  # type: ignore[return-value]


SummaryFormat = choices("SummaryFormat", format_names("summary"))
CheckFormat = choices("CheckFormat", format_names("check"))
DiffFormat = choices("DiffFormat", format_names("diff"))
CompareFormat = choices("CompareFormat", format_names("compare"))
ScoreFormat = choices("ScoreFormat", ("text", "json"))
TableFormat = choices("TableFormat", ("csv", "parquet", "xlsx"))
FailOn = choices("FailOn", ("error", "warning"))

# options several commands share, declared once
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
Password = Annotated[str | None, typer.Option("--password", help="Password of encrypted PDFs.")]
Timeout = Annotated[
    float | None, typer.Option(help="Seconds allowed per document (default: 60, plus 0.1 a page).", show_default=False)
]
MaxPages = Annotated[int, typer.Option("--max-pages", help="Refuse documents longer than this.")]
PolicyFile = Annotated[Path | None, typer.Option("--policy", help="Policy YAML file.")]
Preset = Annotated[str | None, typer.Option("--preset", help="A built-in policy (see `slaextract presets`).")]
Jobs = Annotated[int | None, JOBS]
Cluster = Annotated[str | None, CLUSTER]


def quiet_flags(params: list) -> list:
    for param in params:
        if getattr(param, "is_flag", False) and getattr(param, "metavar", None) is None:
            param.metavar = ""  # typer >= 0.20 prints <bool> for a flag, which takes no value
    return params


@contextmanager
def one_line_usage_errors() -> Iterator[None]:
    """A misspelt option or a bad choice is bad input like any other: one line and exit 2, not
    click's usage block. Asking for nothing (`slaextract`) still shows the help."""
    try:
        yield
    except getattr(CLICK.exceptions, "NoArgsIsHelpError", ()):
        raise
    except CLICK.exceptions.UsageError as exc:
        where = f"{exc.ctx.command_path}: " if exc.ctx is not None else ""
        typer.echo(f"{where}{exc.format_message().rstrip('.')}; see --help", err=True)
        raise typer.Exit(2) from None


class PlainUsage:
    """What every command and group here does: flags without `<bool>`, usage errors in one line."""

    def get_params(self, ctx):
        return quiet_flags(super().get_params(ctx))  # type: ignore[misc]

    def make_context(self, *args, **kwargs):
        with one_line_usage_errors():
            return super().make_context(*args, **kwargs)  # type: ignore[misc]


class Command(PlainUsage, TyperCommand):
    pass


class Group(PlainUsage, TyperGroup):
    def resolve_command(self, ctx, args):
        with one_line_usage_errors():
            return super().resolve_command(ctx, args)
