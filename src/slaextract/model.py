"""Typed values passed between stages, and the clause summary (the output contract).

Field names and normal forms follow ``shared/spec/clause-summary.md``; extra
keys (``rule``, ``warnings``) sit beside them, as the spec allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer
from pydantic.json_schema import SkipJsonSchema

SCHEMA_VERSION = "1"

Language = Literal["en", "zh", "mixed"]
Kind = Literal["response", "resolution", "restoration", "update"]
Channel = Literal["phone", "email", "ticket", "chat", "dedicated_manager", "community", "docs"]
Period = Literal["month", "quarter", "year"]
BBox = tuple[float, float, float, float]
DAY = 1440  # minutes


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A daily window in minutes from midnight; one that runs past midnight ends after DAY."""

    start: int
    end: int

    @property
    def hours(self) -> float:
        return (self.end - self.start) / 60

    def contains(self, other: TimeWindow) -> bool:
        # Either window may run past midnight, so compare on the neighbouring days too.
        return any(self.start <= other.start + shift and other.end + shift <= self.end for shift in (-DAY, 0, DAY))

    def __str__(self) -> str:
        end = self.end if self.end <= DAY else self.end - DAY
        return f"{clock_text(self.start)}–{clock_text(end)}"


def clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a term was found: 1-based page, the sentence or table row, and its box in PDF points."""

    page: int | None = Field(ge=1, description="1-based page; null where the source has no pages (.docx, HTML, .md)")
    text: str
    bbox: BBox | None = Field(
        default=None, description="[x0, top, x1, bottom] from the page's top-left, as pdfplumber reports"
    )
    location: str | None = Field(
        default=None,
        description='where it sits in a source without pages: heading path and paragraph ("Support › Hours, ¶ 12") '
        'or table row ("table 2, row 3"); omitted for PDFs',
    )
    ocr: bool | None = Field(default=None, description="true when the text was read from a page image by OCR")

    @model_serializer(mode="wrap")
    def _omit_unset_provenance(self, handler):
        """location and ocr appear only where they say something, so a PDF's summary is as before."""
        data = handler(self)
        for key in ("location", "ocr"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class DocumentInfo(_Model):
    path: str
    sha256: str
    pages: int
    language: Language


# Every extracted term ends with its evidence and the rule that found it; they are
# declared last in each class so that in JSON a term's values come before its evidence.
RuleId = Annotated[str | None, Field(description="id of the rule that produced this item")]
Percent = Annotated[float, Field(gt=0, le=100)]
Scope = Annotated[str | None, Field(description="the part of the service a term is for (a product, plan or region)")]


class _Item(_Model):
    """An extracted term."""


class Coverage(_Item):
    days_per_week: int = Field(ge=1, le=7)
    hours_per_day: float = Field(gt=0, le=24)
    scope: Scope = None
    evidence: Evidence
    rule: RuleId = None
    # The daily window the item's text states, read once at extraction (policy compares it). It
    # travels with the item between stages and processes but is not part of the JSON summary.
    window: SkipJsonSchema[TimeWindow | None] = Field(default=None, exclude=True)


class ResponseTime(_Item):
    priority: str | None
    rank: int | None = Field(ge=1)
    kind: Kind
    minutes: float = Field(gt=0)
    business_time: bool = False
    scope: Scope = None
    evidence: Evidence
    rule: RuleId = None


class ChannelItem(_Item):
    channel: Channel
    detail: str | None = None
    evidence: Evidence
    rule: RuleId = None


class Availability(_Item):
    percent: Percent
    period: Period | None = None
    scope: Scope = None
    evidence: Evidence
    rule: RuleId = None


class ServiceCredit(_Item):
    below_percent: Percent
    credit_percent: Percent
    scope: Scope = None
    evidence: Evidence
    rule: RuleId = None


class ClauseSummary(_Model):
    """The JSON clause summary of one contract."""

    schema_version: str = SCHEMA_VERSION
    document: DocumentInfo
    coverage: list[Coverage] = Field(default_factory=list)
    response_times: list[ResponseTime] = Field(default_factory=list)
    channels: list[ChannelItem] = Field(default_factory=list)
    availability: list[Availability] = Field(default_factory=list)
    service_credits: list[ServiceCredit] = Field(default_factory=list)
    credit_cap_percent: float | None = None
    credit_cap_evidence: Evidence | None = None
    claim_window_days: float | None = None
    claim_window_evidence: Evidence | None = None
    warnings: list[str] = Field(default_factory=list, description="things the reader should know (e.g. pages skipped)")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)
