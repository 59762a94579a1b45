"""What response_times reads in tables and prose alike: kind keywords, durations, vetoes,
and the kind a duration belongs to."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment, lexicon
from ..model import Evidence
from ..normalize.durations import to_minutes
from ..normalize.numbers import numeral_chars
from ..rules import fragments
from .context import Context
from .priorities import Label

# "every 4 hours", "每两小时": a cadence, so a status update, whatever outcome the text names
CADENCE_BEFORE = regex.compile(rf"(?i){fragment('cadence')}\s*$")

MAX_MINUTES = 60 * 24 * 31  # a response target longer than a month is not a support target
# a clause ends at a semicolon or full stop, or at a comma before another figure
CLAUSE = regex.compile(
    rf"[{chars('clause_end')}]|[{chars('comma')}](?=\s*(?:{fragment('and_word')}\s+)?(?:[^{chars('comma')}]{{0,40}}"
    rf"(?:\d|[{regex.escape(numeral_chars())}]|\b{fragment('clause_numbers')}\b)))",
    regex.I,
)
# "every 4 hours", "每两小时": a cadence, so a status update, whatever outcome the sentence names
COVERAGE_AROUND = regex.compile(
    # "24 hours a day", "24x7", "24/7" (a slash only when it joins two numbers: "15分钟 / 15 minutes"
    # is one target written twice)
    rf"(?i){fragment('staffing_after')}|\s*[x×*]\s*\d|/\d"
)
BUSINESS_AFTER = regex.compile(fragment("business_after"))
COVERAGE_BEFORE = regex.compile(rf"(?:[x×*]\s*|\d/|{fragment('staffing_before')})$")
REFERENCE_POINT = regex.compile(rf"(?i){fragment('reference_point')}")
HEADER_NOISE = regex.compile(rf"(?i){fragment('header_noise')}|[()/:|]")  # what a header says besides its scope
ALTERNATIVE_FIX = regex.compile(rf"(?i){fragment('alternative_fix')}")
KIND_ORDER = ("update", "restoration", "resolution", "response")


@dataclass(slots=True)
class Candidate:
    label: Label | None
    kind: str
    minutes: float
    business: bool
    scope: str | None
    evidence: Evidence
    rule: str
    # how many rows of its table name a priority: a term stated twice is quoted from the ladder
    # table itself rather than from an overview row that mentions one priority among features
    ladder_rows: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    value: str
    rule: str


def kinds_in(ctx: Context, text: str) -> list[Hit]:
    """Kind keywords, non-overlapping, the more specific kind winning (临时解决方案 is restoration)."""
    return list(ctx.once("kinds", text, lambda: tuple(find_kinds(ctx, text))))


def find_kinds(ctx: Context, text: str) -> list[Hit]:
    hits: list[Hit] = []
    for kind in KIND_ORDER:
        for rule in ctx.rules.get("response_times", "kind", ctx.language):
            if (rule.spec.value or {}).get("kind") != kind:
                continue
            for m in rule.finditer(text):
                if m.end() > m.start() and not any(m.start() < h.end and h.start < m.end() for h in hits):
                    hits.append(Hit(m.start(), m.end(), kind, rule.id))
    return sorted(hits, key=lambda h: h.start)


@cache
def duration_regex() -> regex.Pattern:
    return regex.compile(fragments()["duration"], regex.I)


def durations_in(ctx: Context, text: str) -> list[tuple[int, int, float, bool, str]]:
    """(start, end, minutes, business, rule) for every duration in text, fixed phrases included."""
    return list(ctx.once("durations", text, lambda: tuple(find_durations(ctx, text))))


def find_durations(ctx: Context, text: str) -> list[tuple[int, int, float, bool, str]]:
    out = []
    try:
        for m in duration_regex().finditer(text, timeout=REGEX_TIMEOUT):
            if COVERAGE_AROUND.match(text, m.end(), timeout=REGEX_TIMEOUT) or COVERAGE_BEFORE.search(
                text[max(0, m.start() - 3) : m.start()], timeout=REGEX_TIMEOUT
            ):
                continue  # "24 hours a day, 7 days a week", 7×24小时: a staffing window, not a target
            got = to_minutes(m.group("amount"), m.group("unit"))
            if got and 0 < got[0] <= MAX_MINUTES:
                business = got[1] or bool(BUSINESS_AFTER.match(text, m.end(), timeout=REGEX_TIMEOUT))
                out.append((m.start(), m.end(), got[0], business, "any.duration"))
    except TimeoutError:
        pass  # pathological text: keep what was found so far
    for rule in ctx.rules.get("response_times", "fixed_duration", ctx.language):
        for m in rule.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, *_ in out):
                v = rule.spec.value or {}
                out.append((m.start(), m.end(), float(v["minutes"]), bool(v.get("business_time")), rule.id))
    return sorted(out)


def vetoed(ctx: Context, text: str) -> bool:
    return ctx.rules.search_any("response_times", "veto", text, ctx.language) is not None


def not_a_target(ctx: Context, text: str) -> bool:
    return ctx.rules.search_any("response_times", "veto_near", text, ctx.language) is not None


def scope_from_header(ctx: Context, header: str) -> str | None:
    text = header
    for h in reversed(kinds_in(ctx, header)):
        text = text[: h.start] + text[h.end :]
    text = HEADER_NOISE.sub(" ", text, timeout=REGEX_TIMEOUT)
    text = " ".join(text.split())
    return text or None


def clause_marks(text: str) -> list[int]:
    """Where text's clause separators are (each one character), found once per unit: the bounds
    of every duration's clause are then two bisects, not a scan of the unit per duration."""
    return [m.start() for m in CLAUSE.finditer(text, timeout=REGEX_TIMEOUT)]


def clause_bounds(text: str, start: int, end: int, marks: list[int] | None = None) -> tuple[int, int]:
    """The clause around text[start:end]: from just after the separator before it to the next one."""
    marks = clause_marks(text) if marks is None else marks
    i = bisect.bisect_right(marks, start - 1)  # separators that end (one character on) by start
    j = bisect.bisect_left(marks, end)
    return (marks[i - 1] + 1 if i else 0), (marks[j] if j < len(marks) else len(text))


def nearest_kind(
    ctx: Context, text: str, kinds: list[Hit], start: int, end: int, marks: list[int] | None = None
) -> Hit | None:
    """The kind keyword a duration belongs to: one around it ("每两小时通报"), else the nearest in
    its clause (English looks back first: "response within 15 minutes"), else one just before.
    ``kinds`` are sorted and disjoint, so their starts and their ends both ascend: the kinds of a
    clause, and those just before the time, are slices found by bisection."""
    c0, c1 = clause_bounds(text, start, end, marks)
    lo = bisect.bisect_left(kinds, c0, key=lambda h: h.start)
    in_clause = kinds[lo : max(lo, bisect.bisect_right(kinds, c1, key=lambda h: h.end))]
    around = [h for h in in_clause if h.start < end and start < h.end]
    if around:
        return around[0]
    before = [h for h in in_clause if h.end <= start]
    # "within 5 days after restoration": a kind named after the time as its starting point is not its kind
    # (only the first such kind is ever used, so the search stops there)
    first_after = next(
        (
            h
            for h in in_clause
            if h.start >= end and not REFERENCE_POINT.search(text[end : h.start], timeout=REGEX_TIMEOUT)
        ),
        None,
    )
    after = [first_after] if first_after is not None else []
    last = bisect.bisect_right(kinds, start, key=lambda h: h.end)
    earlier = kinds[bisect.bisect_right(kinds, start - 100, key=lambda h: h.end) : last]
    if after and ctx.rules.search_any("response_times", "kind_after_time", text[end : after[0].start], ctx.language):
        return after[0]  # "4小时内恢复": the language puts the verb after its time
    if lexicon().flag("kind_before_time", ctx.language) and (before or earlier):
        # English names the target before its time: "restore service ..., within 4 hours";
        # "workaround or fix within 8 hours" is met by the workaround: restoration
        pool = before or earlier
        if (
            len(pool) > 1
            and pool[-1].value == "resolution"
            and pool[-2].value == "restoration"
            and ALTERNATIVE_FIX.fullmatch(text[pool[-2].end : pool[-1].start], timeout=REGEX_TIMEOUT)
        ):
            return pool[-2]
        return pool[-1]
    pool = before[-1:] + after[:1]
    if pool:
        return min(pool, key=lambda h: start - h.end if h.end <= start else h.start - end)
    return earlier[-1] if earlier else None
