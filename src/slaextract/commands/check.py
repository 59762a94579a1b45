"""`slaextract check` and `presets`: a policy's verdict on each document, and the built-in policies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..batch.session import BatchOptions, each_document
from ..errors import SlaError, UsageError

if TYPE_CHECKING:
    from ..batch.scheduler import Outcome
    from ..batch.signals import Interrupted
    from ..policy import Policy
    from ..report.check.base import CheckResult


def choose_policy(policy: Path | None, preset: str | None) -> Policy:
    from ..policy import load_policy, load_preset  # noqa: PLC0415

    if (policy is None) == (preset is None):
        raise UsageError("give exactly one of --policy FILE or --preset NAME (see `slaextract presets`)")
    return load_policy(policy) if policy is not None else load_preset(preset or "")


def optional_policy(policy: Path | None, preset: str | None) -> Policy | None:
    return None if policy is None and preset is None else choose_policy(policy, preset)


def check_outcome(outcome: Outcome, policy: Policy) -> CheckResult:
    from ..model import ClauseSummary  # noqa: PLC0415 - --help and presets load none of this
    from ..policy import check  # noqa: PLC0415
    from ..report.check.base import CheckResult  # noqa: PLC0415

    result = outcome.result
    if isinstance(result, ClauseSummary):
        return CheckResult(str(outcome.path), verdict=check(result, policy))
    if isinstance(result, SlaError):
        return CheckResult(str(outcome.path), error=result.message)
    return CheckResult(str(outcome.path), error=f"internal error: {type(result).__name__}: {result}")


def check_documents(
    files: list[Path], policy: Policy, options: BatchOptions
) -> tuple[list[CheckResult], Interrupted | None]:
    """Each document's verdict (or the reason it could not be checked), in input order, and the
    interrupt that stopped the run, if one did."""
    results: list[CheckResult] = []
    stop = each_document(files, options, lambda outcome: results.append(check_outcome(outcome, policy)))
    return results, stop


def render_check(results: list[CheckResult], fmt: str, fail_on: str, color: bool) -> str:
    from ..report import render  # noqa: PLC0415
    from ..report.check.base import CheckReport  # noqa: PLC0415

    return render("check", fmt, CheckReport(results, fail_on=fail_on, color=color))  # type: ignore[arg-type]


def policy_schema_text() -> str:
    from ..policy import policy_schema  # noqa: PLC0415

    return json.dumps(policy_schema(), indent=2, ensure_ascii=False)


def presets_listing() -> str:
    from ..policy import list_presets  # noqa: PLC0415

    infos = list_presets()
    width = max(len(info.name) for info in infos)
    return "".join(f"{info.name.ljust(width)}  {info.description}\n" for info in infos)
