"""What every check format reads: a CheckReport (each file's verdict or error), and small helpers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...policy.findings import Finding, RuleInfo, Verdict
from ...policy.model import Severity

TOOL_NAME = "slaextract"


@dataclass(frozen=True)
class CheckResult:
    """One input file: its verdict, or the one-line reason it could not be checked."""

    path: str
    verdict: Verdict | None = None
    error: str | None = None


@dataclass(frozen=True)
class CheckReport:
    results: Sequence[CheckResult]
    fail_on: Severity = "error"
    color: bool = False

    @property
    def rules(self) -> list[RuleInfo]:
        """Every rule of the run, once, in policy order (each file was checked against the same policy)."""
        seen: dict[str, RuleInfo] = {}
        for result in self.results:
            for rule in result.verdict.rules if result.verdict else []:
                seen.setdefault(rule.id, rule)
        return list(seen.values())


def tool_version() -> str:
    from ... import __version__  # noqa: PLC0415 - the package root imports lazily; ask it only when rendering

    return __version__


def page_of(finding: Finding) -> int | None:
    return finding.evidence.page if finding.evidence else None


def quote(finding: Finding, limit: int = 200) -> str | None:
    if finding.evidence is None:
        return None
    text = " ".join(finding.evidence.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def artifact_path(path: str) -> str:
    """The path as CI systems show it: relative to the working directory (the repository root) when inside it."""
    candidate = Path(path)
    if candidate.is_absolute() and candidate.is_relative_to(Path.cwd()):
        candidate = candidate.relative_to(Path.cwd())
    return candidate.as_posix()
