"""The policy file, as pydantic models: what a contract must promise, and the waivers granted.

Every model forbids unknown keys, so a misspelt key is an error with a line number
(see load.py) rather than a requirement silently not checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model import Channel, Kind, TimeWindow
from .timewindow import parse_window

Severity = Literal["error", "warning"]
SEVERITY_RANK: dict[str, int] = {"warning": 1, "error": 2}

DayName = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEK: tuple[DayName, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_SETS: dict[str, tuple[DayName, ...]] = {"daily": WEEK, "weekdays": WEEK[:5], "weekends": WEEK[5:]}

ConsistencyCheck = Literal["rank-order", "availability-conflict", "availability-without-credit", "coverage-vs-response"]
ConsistencySetting = Literal["error", "warning", "off"]
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Requirement(_Strict):
    id: str = Field(pattern=ID_PATTERN, description="Stable id; findings, waivers and SARIF ruleIds use it.")
    severity: Severity = Field(default="error", description="How bad a finding against this requirement is.")
    description: str | None = Field(default=None, description="Shown in reports; a default is derived when absent.")

    def describe(self) -> str:
        return self.description or self.default_description()

    def default_description(self) -> str:
        raise NotImplementedError


class CoverageRequirement(_Requirement):
    """Support must be staffed at least days×hours, and/or during a daily window."""

    type: Literal["coverage"]
    min_days_per_week: int | None = Field(default=None, ge=1, le=7)
    min_hours_per_day: float | None = Field(default=None, gt=0, le=24)
    window: str | None = Field(
        default=None,
        description="A daily window that must be covered, quoted: '19:00-24:00'. "
        "A 7×24 item covers every window; a shorter one only when its evidence text shows one containing it.",
    )
    days: Literal["daily", "weekdays", "weekends"] | list[DayName] = Field(
        default="daily", description="The days the window applies to."
    )
    scope: str | None = Field(default=None, description="Only coverage items whose scope contains this text count.")

    @field_validator("window", mode="before")
    @classmethod
    def _window_is_quoted(cls, value: object) -> object:
        if isinstance(value, int):
            # YAML 1.1 reads an unquoted 19:00 as the base-60 number 1140.
            # (ValueError, not TypeError: pydantic reports only the former as a validation error.)
            raise ValueError('quote the window, e.g. window: "19:00-24:00" (unquoted, YAML reads 19:00 as a number)')
        return value

    @field_validator("window")
    @classmethod
    def _window_parses(cls, value: str | None) -> str | None:
        if value is not None and parse_window(value) is None:
            raise ValueError("write the window as 'HH:MM-HH:MM', e.g. '19:00-24:00'")
        return value

    @model_validator(mode="after")
    def _asks_something(self) -> CoverageRequirement:
        if (self.min_days_per_week is None) != (self.min_hours_per_day is None):
            raise ValueError("give min_days_per_week and min_hours_per_day together (7 and 24 for 7×24)")
        if self.min_days_per_week is None and self.window is None:
            raise ValueError("give min_days_per_week with min_hours_per_day, or window, or both")
        return self

    @property
    def has_minimum(self) -> bool:
        return self.min_days_per_week is not None and self.min_hours_per_day is not None

    @property
    def time_window(self) -> TimeWindow | None:
        return parse_window(self.window) if self.window else None

    @property
    def day_names(self) -> tuple[DayName, ...]:
        return DAY_SETS[self.days] if isinstance(self.days, str) else tuple(self.days)

    def default_description(self) -> str:
        parts = []
        if self.has_minimum:
            parts.append(f"support staffed at least {self.min_days_per_week}×{self.min_hours_per_day:g}")
        if self.window:
            days = self.days if isinstance(self.days, str) else ", ".join(self.days)
            parts.append(f"support during {self.window} ({days})")
        return "Coverage: " + " and ".join(parts)


class ResponseTimeRequirement(_Requirement):
    """The best time stated for a priority rank and kind must not exceed max_minutes."""

    type: Literal["response_time"]
    rank: int = Field(ge=1, description="1 = the most severe priority in the contract's own ladder.")
    kind: Kind = "response"
    max_minutes: float = Field(gt=0)
    allow_business_time: bool = Field(
        default=True,
        description="When false, a time counted in business hours ('4 business hours') does not satisfy it.",
    )
    scope: str | None = Field(
        default=None,
        description="Only items whose scope (plan) contains this text count; otherwise the best plan counts.",
    )

    def default_description(self) -> str:
        return f"Rank-{self.rank} {self.kind} time at most {self.max_minutes:g} minutes"


class AvailabilityRequirement(_Requirement):
    type: Literal["availability"]
    min_percent: float = Field(gt=0, le=100)
    scope: str | None = None

    def default_description(self) -> str:
        return f"Availability commitment of at least {self.min_percent:g}%"


class ChannelsRequirement(_Requirement):
    type: Literal["channels"]
    all_of: list[Channel] = Field(default_factory=list, description="Every one of these must be offered.")
    any_of: list[Channel] = Field(default_factory=list, description="At least one of these must be offered.")

    @model_validator(mode="after")
    def _asks_something(self) -> ChannelsRequirement:
        if not self.all_of and not self.any_of:
            raise ValueError("give all_of or any_of")
        return self

    def default_description(self) -> str:
        parts = []
        if self.all_of:
            parts.append("all of " + ", ".join(self.all_of))
        if self.any_of:
            parts.append("one of " + ", ".join(self.any_of))
        return "Support channels: " + "; ".join(parts)


class ServiceCreditsRequirement(_Requirement):
    type: Literal["service_credits"]
    min_first_tier_percent: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Credit of the first tier (the highest threshold) at least this.",
    )
    min_cap_percent: float | None = Field(default=None, gt=0, le=100)
    min_claim_window_days: float | None = Field(default=None, gt=0)

    def default_description(self) -> str:
        parts = ["required"]
        if self.min_first_tier_percent:
            parts.append(f"first tier ≥ {self.min_first_tier_percent:g}%")
        if self.min_cap_percent:
            parts.append(f"cap ≥ {self.min_cap_percent:g}%")
        if self.min_claim_window_days:
            parts.append(f"claim window ≥ {self.min_claim_window_days:g} days")
        return "Service credits: " + ", ".join(parts)


class LanguageRequirement(_Requirement):
    """Support in a language; judged by a heuristic (evidence wording, then document language)."""

    type: Literal["language"]
    language: Literal["en", "zh"]

    def default_description(self) -> str:
        name = {"en": "English", "zh": "Chinese"}[self.language]
        return f"Support in {name} (heuristic)"


Requirement = Annotated[
    CoverageRequirement
    | ResponseTimeRequirement
    | AvailabilityRequirement
    | ChannelsRequirement
    | ServiceCreditsRequirement
    | LanguageRequirement,
    Field(discriminator="type"),
]


class Waiver(_Strict):
    """An accepted deviation: findings of `requirement` are reported as waived until `expires`."""

    requirement: str = Field(description="A requirement id, or a consistency id such as consistency.rank-order.")
    reason: str = Field(min_length=1)
    expires: dt.date = Field(description="Last day the waiver applies (YYYY-MM-DD).")

    def active_on(self, today: dt.date) -> bool:
        return today <= self.expires


class Policy(_Strict):
    version: Literal[1] = Field(description="Policy format version; 1.")
    name: str | None = None
    description: str | None = None
    requirements: list[Requirement] = Field(default_factory=list)
    consistency: dict[ConsistencyCheck, ConsistencySetting] = Field(
        default_factory=dict,
        description="Severity of each self-consistency check (default warning), or 'off'.",
    )
    waivers: list[Waiver] = Field(default_factory=list)

    @field_validator("consistency", mode="before")
    @classmethod
    def _off_is_false_in_yaml(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted `off` as false; that is what a user writing `off` means.
        if isinstance(value, dict):
            return {check: "off" if setting is False else setting for check, setting in value.items()}
        return value

    def reference_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Cross-field problems pydantic cannot see: duplicate ids, waivers naming no check."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, req in enumerate(self.requirements):
            if req.id in seen:
                problems.append((("requirements", i, "id"), f"duplicate requirement id '{req.id}'"))
            seen.add(req.id)
        known = seen | {f"consistency.{name}" for name in CONSISTENCY_CHECKS}
        for i, waiver in enumerate(self.waivers):
            if waiver.requirement not in known:
                problems.append((("waivers", i, "requirement"), f"no requirement with id '{waiver.requirement}'"))
        return problems

    def consistency_severity(self, check: str) -> ConsistencySetting:
        return self.consistency.get(check, "warning")  # type: ignore[call-overload]


CONSISTENCY_CHECKS: tuple[str, ...] = ConsistencyCheck.__args__  # type: ignore[attr-defined]
