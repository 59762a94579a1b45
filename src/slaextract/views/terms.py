"""A clause summary as a flat list of terms, each with a key that survives redrafting.

Diff, compare and the HTML report all speak in `Term`s: a row label, a value in words,
the evidence, and `merit` — a number that grows with what is better for the customer
(faster response, higher availability, larger credit, longer claim window, wider coverage).
Keys are what matches an item across two versions or two vendors: rank and kind for a
response time, the channel, the scope; never the position in the list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from ..model import (
    Availability,
    ChannelItem,
    ClauseSummary,
    Coverage,
    Evidence,
    ResponseTime,
    ServiceCredit,
)
from ..policy import messages
from ..policy.messages import Lang
from ..resources import load_yaml

FIELDS = (
    "coverage",
    "response_times",
    "channels",
    "availability",
    "service_credits",
    "credit_cap",
    "claim_window",
)
MINUTES_PER_MONTH = 30 * 24 * 60  # the month convention of every downtime figure: 30 days


@cache
def _catalog(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(files(__package__).joinpath(name).read_text(encoding="utf-8"))
    return data


def label(key: str, lang: Lang, **values: object) -> str:
    """A word of the views in `lang` (labels.yaml), with its fields filled in."""
    return str(_catalog("labels.yaml")[key][lang]).format(**values)


def keywords(term: str, lang: str) -> list[str]:
    """Regexes that show a passage is about `term` (keywords.yaml); both languages for mixed documents."""
    entry = _catalog("keywords.yaml").get(term, {})
    langs = ("en", "zh") if lang == "mixed" else (lang,)
    return [word for code in langs for word in entry.get(code, [])]


def view_language(summary: ClauseSummary) -> Lang:
    return messages.language_of(summary)


@dataclass(frozen=True)
class Term:
    field: str
    key: tuple[Any, ...]
    row: str  # the row label, the same for matching items of two documents
    value: str  # the value in words, with the priority as written where there is one
    # larger is better for the customer, compared element-wise; equal merit = the same promise
    merit: tuple[float, ...]
    evidence: Evidence | None
    rule: str | None = None
    item: Any = field(default=None, compare=False, repr=False)

    @property
    def page(self) -> int | None:
        return self.evidence.page if self.evidence else None


def _scope(scope: str | None, lang: Lang) -> str:
    return label("scope_suffix", lang, scope=scope) if scope else ""


def _coverage(item: Coverage, lang: Lang) -> Term:
    value = label("value.coverage", lang, days=item.days_per_week, hours=f"{item.hours_per_day:g}")
    row = label("row.coverage", lang, scope=_scope(item.scope, lang))
    merit = (item.days_per_week * item.hours_per_day, float(item.days_per_week))
    return Term("coverage", ("coverage", item.scope), row, value, merit, item.evidence, item.rule, item)


def response_row(rank: int | None, kind: str, scope: str | None, lang: Lang) -> str:
    words = {"kind": messages.term(f"kind.{kind}", lang), "scope": _scope(scope, lang)}
    if rank is None:
        return label("row.response_unranked", lang, **words)
    return label("row.response", lang, rank=rank, **words)


def _response(item: ResponseTime, lang: Lang) -> Term:
    value = messages.duration(item.minutes, lang, item.business_time)
    if item.priority:
        value = f"{value} ({item.priority})"
    # business time is slower than the same figure in calendar time: it breaks ties
    merit = (-item.minutes, 0.0 if item.business_time else 1.0)
    key = ("response", item.rank, item.kind, item.scope)
    row = response_row(item.rank, item.kind, item.scope, lang)
    return Term("response_times", key, row, value, merit, item.evidence, item.rule, item)


def _channel(item: ChannelItem, lang: Lang) -> Term:
    name = messages.term(f"channel.{item.channel}", lang)
    value = item.detail or label("value.offered", lang)
    row = label("row.channel", lang, channel=name)
    return Term("channels", ("channel", item.channel), row, value, (1.0,), item.evidence, item.rule, item)


def _availability(item: Availability, lang: Lang) -> Term:
    value = messages.percent(item.percent)
    row = label("row.availability", lang, scope=_scope(item.scope, lang))
    key = ("availability", item.scope)
    return Term("availability", key, row, value, (item.percent,), item.evidence, item.rule, item)


def _credit_tiers(items: list[ServiceCredit], lang: Lang) -> Iterator[Term]:
    """Tiers are matched by their place in the ladder (1 = the first shortfall), per scope:
    a redraft that moves a threshold changes tier 1, it does not remove one tier and add another."""
    by_scope: dict[str | None, list[ServiceCredit]] = {}
    for item in items:
        by_scope.setdefault(item.scope, []).append(item)
    for scope, tiers in by_scope.items():
        for n, item in enumerate(sorted(tiers, key=lambda c: -c.below_percent), start=1):
            value = label("value.credit_tier", lang, below=f"{item.below_percent:g}", credit=f"{item.credit_percent:g}")
            row = label("row.credit_tier", lang, n=n, scope=_scope(scope, lang))
            merit = (item.below_percent, item.credit_percent)  # credit starts sooner, and is larger
            yield Term("service_credits", ("credit", scope, n), row, value, merit, item.evidence, item.rule, item)


def _single_terms(summary: ClauseSummary, lang: Lang) -> Iterator[Term]:
    if summary.credit_cap_percent is not None:
        cap = summary.credit_cap_percent
        value = label("value.percent_of_fee", lang, n=f"{cap:g}")
        yield Term("credit_cap", ("cap",), label("row.credit_cap", lang), value, (cap,), summary.credit_cap_evidence)
    if summary.claim_window_days is not None:
        days = summary.claim_window_days
        value = messages.days(days, lang)
        row = label("row.claim_window", lang)
        yield Term("claim_window", ("claim",), row, value, (days,), summary.claim_window_evidence)


def terms_of(summary: ClauseSummary, lang: Lang | None = None) -> list[Term]:
    """Every term of the summary, in the order of FIELDS."""
    lang = lang or view_language(summary)
    out = [_coverage(item, lang) for item in summary.coverage]
    out += [_response(item, lang) for item in sorted(summary.response_times, key=_response_order)]
    out += [_channel(item, lang) for item in summary.channels]
    out += [_availability(item, lang) for item in summary.availability]
    out += list(_credit_tiers(summary.service_credits, lang))
    out += list(_single_terms(summary, lang))
    return out


def _response_order(item: ResponseTime) -> tuple[int, str, str]:
    kinds = ("response", "resolution", "restoration", "update")
    return (item.rank or 99, str(kinds.index(item.kind)), item.scope or "")


def downtime_minutes(percent: float) -> float:
    """Minutes of downtime a monthly availability allows in a 30-day month."""
    return round((100.0 - percent) / 100.0 * MINUTES_PER_MONTH, 1)
