"""Check a clause summary against a policy: what a contract must promise, and how it falls short.

policy = load_policy("policy.yaml")        # or load_preset("strict-enterprise")
verdict = check(summary, policy)           # Verdict: findings, waived findings, rules
"""

from __future__ import annotations

from typing import Any

from .evaluate import check
from .findings import Finding, FindingKind, RuleInfo, Verdict
from .load import PolicyValidationError, load_policy, load_policy_text
from .model import Policy, Severity, Waiver
from .presets import PresetInfo, list_presets, load_preset, preset_text

__all__ = [
    "Finding",
    "FindingKind",
    "Policy",
    "PolicyValidationError",
    "PresetInfo",
    "RuleInfo",
    "Severity",
    "Verdict",
    "Waiver",
    "check",
    "list_presets",
    "load_policy",
    "load_policy_text",
    "load_preset",
    "policy_schema",
    "preset_text",
]


def policy_schema() -> dict[str, Any]:
    """The JSON Schema of the policy file (for editors and for documentation)."""
    schema = Policy.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "slaextract policy"
    return schema
