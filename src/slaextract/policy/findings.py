"""What a check produces: findings per requirement, gathered into a verdict for one document."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Evidence
from .model import SEVERITY_RANK, Severity, Waiver

FindingKind = Literal["missing", "below_minimum", "inconsistent"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Finding(_Model):
    requirement: str = Field(description="Requirement id, or consistency.<check> for self-consistency checks.")
    check: str = Field(description="Which test of the requirement failed (stable; e.g. coverage.window).")
    kind: FindingKind
    severity: Severity
    message: str
    evidence: Evidence | None = Field(default=None, description="Where the contract says it; null for missing terms.")
    actual: str | None = Field(default=None, description="What the contract says, in words (7×12, 30 min, 99.5%).")
    required: str | None = Field(default=None, description="What the policy asks for, in words.")
    waiver: Waiver | None = Field(default=None, description="The waiver that covers this finding, when waived.")

    def fails_at(self, fail_on: Severity) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[fail_on]


class RuleInfo(_Model):
    """One requirement or consistency check as reports describe it (SARIF rules, JUnit testcases)."""

    id: str
    type: str
    severity: Severity
    description: str


class Verdict(_Model):
    policy: str | None
    language: str = Field(description="The document language the messages were written for.")
    rules: list[RuleInfo]
    findings: list[Finding] = Field(description="Findings not waived.")
    waived: list[Finding] = Field(default_factory=list, description="Findings covered by an active waiver.")
    expired_waivers: list[Waiver] = Field(
        default_factory=list,
        description="Waivers that matched a finding but had expired, so no longer waive it.",
    )

    def failing(self, fail_on: Severity = "error") -> list[Finding]:
        return [f for f in self.findings if f.fails_at(fail_on)]

    @property
    def passed(self) -> bool:
        """No finding at error severity (what `slaextract check` exits 0 on by default)."""
        return self.passed_at("error")

    def passed_at(self, fail_on: Severity = "error") -> bool:
        """No finding at fail_on or above: passed_at("warning") also fails on warnings."""
        return not self.failing(fail_on)

    def findings_for(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.requirement == rule_id]

    def waived_for(self, rule_id: str) -> list[Finding]:
        return [f for f in self.waived if f.requirement == rule_id]
