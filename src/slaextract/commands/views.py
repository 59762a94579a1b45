"""`slaextract diff`, `compare` and `report`: the logic lives in slaextract.views; this reads the inputs."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SlaError, UsageError

if TYPE_CHECKING:  # pydantic models: `slaextract --help` does not import them
    from ..model import ClauseSummary
    from ..policy import Policy
    from ..views.compare import Comparison
    from ..views.diff import SummaryDiff


def check_format(kind: str, fmt: str) -> None:
    from ..report import format_names  # noqa: PLC0415

    if fmt not in format_names(kind):
        raise UsageError(f"unknown --format {fmt!r}; choose {', '.join(format_names(kind))}")


def summaries(files: list[Path], password: str | None, timeout: float, jobs: int | None = 1) -> list[ClauseSummary]:
    """Each file in a bounded worker (up to `jobs` at once), as `extract` reads it, in input order;
    the first failure stops the command (its error names the file)."""
    from ..batch import run_documents  # noqa: PLC0415 - the PDF stack loads on use

    out = []
    with closing(run_documents(files, password=password, timeout=timeout, jobs=jobs)) as outcomes:
        for outcome in outcomes:
            if isinstance(outcome.result, SlaError):
                exc = outcome.result
                raise exc if exc.path else SlaError(exc.message, str(outcome.path))
            out.append(outcome.result)
    return out


def diff_files(old: Path, new: Path, policy: Policy | None, password: str | None, timeout: float) -> SummaryDiff:
    from ..views.diff import diff_summaries  # noqa: PLC0415 - keeps `slaextract --help` fast

    before, after = summaries([old, new], password, timeout)
    return diff_summaries(before, after, policy)


def compare_files(
    files: list[Path], policy: Policy | None, password: str | None, timeout: float, jobs: int | None
) -> Comparison:
    from ..batch import expand_inputs  # noqa: PLC0415
    from ..views.compare import build_comparison  # noqa: PLC0415

    files = expand_inputs(files)
    if len(files) < 2:
        raise UsageError("compare needs two contracts or more")
    return build_comparison(summaries(files, password, timeout, jobs), policy)


def report_page(file: Path, policy: Policy | None, password: str | None, max_pages: int) -> str:
    from ..views.report import build_report  # noqa: PLC0415

    try:
        return build_report(file, policy, password=password, max_pages=max_pages)
    except SlaError as exc:
        raise exc if exc.path else SlaError(exc.message, str(file)) from None
