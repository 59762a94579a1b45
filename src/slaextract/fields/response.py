"""response_times: per-priority targets from tables (a row per priority, columns per kind or plan) and prose."""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from ..model import ResponseTime
from ..structure import Section
from .base import FieldSpec, num, page, roles
from .context import Context, Unit
from .priorities import Label, Ladder, defined_ladder, find_labels, label_of, tier_of
from .response_parts import (
    CADENCE_BEFORE,
    Candidate,
    clause_bounds,
    clause_marks,
    durations_in,
    kinds_in,
    nearest_kind,
    not_a_target,
    vetoed,
)
from .response_table import from_table
from .tables import grid_of

BUSINESS_HOURS = regex.compile(rf"(?i){fragment('business_hours')}")


def from_sentence(ctx: Context, unit: Unit, block_label: Label | None) -> list[Candidate]:
    text = unit.text
    if not ctx.rules.may_match("response_times", text, ctx.language):
        return []
    found = durations_in(ctx, text)
    if not found or ctx.rules.search_any("response_times", "veto_sentence", text, ctx.language):
        return []
    kinds = kinds_in(ctx, text)
    if not kinds:
        return []
    labels = find_labels(text, ctx.rules, ctx.language) or rungs_named_in(ctx, text)
    marks = clause_marks(text)
    out: list[Candidate] = []
    for start, end, minutes, business, _rule in found:
        c0, c1 = clause_bounds(text, start, end, marks)
        if vetoed(ctx, text[c0:c1]) or not_a_target(ctx, text[max(c0, start - 4) : start]):
            continue
        if len(found) > 1 and ctx.rules.search_any("response_times", "partial_target", text[c0:start], ctx.language):
            continue  # "80% of cases within 5 days": the target is the time for all of them
        kind = nearest_kind(ctx, text, kinds, start, end, marks)
        if kind is None:
            continue
        if kind.value != "update" and CADENCE_BEFORE.search(text[max(0, start - 12) : start], timeout=REGEX_TIMEOUT):
            kind = next((h for h in kinds if h.value == "update"), kind)
        label = (
            label_named_after(text, labels, end)
            or next((lab for lab in reversed(labels) if lab.end <= start), None)
            or next((lab for lab in labels if c0 <= lab.start < c1), None)
            or block_label
        )
        if label is None and not ctx.rules.search_any("response_times", "support_context", text, ctx.language):
            continue
        ev = ctx.evidence(unit.block_text, unit.start, unit.end)
        business = business or bool(BUSINESS_HOURS.search(text[c0:c1], timeout=REGEX_TIMEOUT))
        for each in joined_labels(text, labels, label):
            out.append(Candidate(each, kind.value, minutes, business, None, ev, kind.rule))
    return out


FOR_LABEL = regex.compile(rf"(?i){fragment('for_label')}$")
LABEL_JOINER = regex.compile(rf"(?i)\s*(?:,|/|&|{fragment('list_joiner')})\s*{fragment('list_joiner_tail')}?")


def label_named_after(text: str, labels: list[Label], end: int) -> Label | None:
    """ "thirty minutes for P1 and P2": the priority follows the time it sets."""
    for lab in labels:
        if end <= lab.start <= end + 12 and FOR_LABEL.fullmatch(text[end : lab.start], timeout=REGEX_TIMEOUT):
            return lab
    return None


def joined_labels(text: str, labels: list[Label], label: Label | None) -> list[Label | None]:
    """A label and those listed with it ("P1 or P2", "P3, P4 and P5"): the time binds them all."""
    if label is None or label not in labels:
        return [label]
    i = labels.index(label)
    group = [label]
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(labels):
            a, b = (labels[j + step], labels[j]) if step < 0 else (labels[j], labels[j + step])
            if not LABEL_JOINER.fullmatch(text[a.end : b.start], timeout=REGEX_TIMEOUT):
                break
            j += step
            group.append(labels[j])
    return sorted(group, key=lambda lab: lab.start)


P0 = regex.compile(r"(?<![A-Za-z0-9])P\s?0(?!\d)")


def mentions_p0(ctx: Context) -> bool:
    """A ladder that has a P0 anywhere (a definition table, a heading) starts at zero."""
    return any(P0.search(u.text, timeout=REGEX_TIMEOUT) for u in ctx.units)


SUB_ITEM = regex.compile(r"^\s*(?:\((?:[ivx]+|[a-z]|\d+)\)|[ivx]+[.)]|[a-z][.)]|[•·▪\-–])\s")
ITEM_MARK = regex.compile(r"^\s*(?:\(?(?:[ivx]+|[a-z]|\d+)[.)]|\d+(?:\.\d+)*\.?|[•·▪\-–])?\s*")


def heading_label(ctx: Context, unit: Unit, reach: int = 3) -> Label | None:
    """A label that heads the lines just above ("严重 Critical" over "Response: 30 min"), or the
    list item a sub-item hangs from ("(a) Priority A …" over "(i) response within 30 minutes")."""
    sub_item = bool(SUB_ITEM.match(unit.text, timeout=REGEX_TIMEOUT))
    for prev in ctx.units[max(unit.index - (6 if sub_item else reach), 0) : unit.index][::-1]:
        if prev.is_row:
            return None
        lab = leading_label(ctx, prev)
        if lab is not None and lab.start < 6 and (len(prev.text) <= 60 or sub_item):
            return lab
        if sub_item and SUB_ITEM.match(prev.text, timeout=REGEX_TIMEOUT):
            continue  # a sibling sub-item: keep looking for the parent
    return None


def leading_label(ctx: Context, unit: Unit) -> Label | None:
    """The label at the head of a unit, after any list mark; worked out once per unit, since
    each unit is looked back at from the few after it."""
    return ctx.once("leading_labels", unit.index, lambda: label_after_mark(ctx, unit.text))


def label_after_mark(ctx: Context, text: str) -> Label | None:
    lead = ITEM_MARK.match(text, timeout=REGEX_TIMEOUT)
    offset = lead.end() if lead else 0
    return label_of(text[offset : offset + 40], ctx.rules, ctx.language)


def block_labels(ctx: Context) -> dict[int, Label]:
    """The label a paragraph opens with ("Severity 1. …"), which later sentences in it inherit."""
    out: dict[int, Label] = {}
    for _i, (block, clean_text) in enumerate(ctx.paragraphs):
        head = clean_text.text[:40]
        lab = label_of(head, ctx.rules, ctx.language)
        if lab is not None and lab.start < 15:
            out[id(block)] = lab
    return out


def sentence_heads(ctx: Context) -> dict[int, Label]:
    """Unit index → the label that governs it inside its paragraph: the label the paragraph
    opens with, until a later sentence opens with a label of its own ("二级故障：…" after the
    targets of "一级故障" when layout ran both into one paragraph)."""
    opening = block_labels(ctx)
    out: dict[int, Label] = {}
    block = None
    current: Label | None = None
    for unit in ctx.units:
        if unit.is_row:
            continue
        if unit.block is not block:
            block, current = unit.block, opening.get(id(unit.block))
        else:
            lab = label_of(unit.text[:40], ctx.rules, ctx.language)
            if lab is not None and lab.start < 6:
                current = lab
        if current is not None:
            out[unit.index] = current
    return out


def names_a_target(ctx: Context, unit: Unit) -> bool:
    text = unit.text
    return (
        ctx.rules.may_match("response_times", text, ctx.language)
        and bool(durations_in(ctx, text))
        and bool(kinds_in(ctx, text))
    )


def section_labels(ctx: Context) -> dict[int, Label]:
    """Section index → the priority its heading names: a label in the title ("Severity 1"), or
    its rung in a ladder that sibling headings define ("Critical", "Severe", "Medium", "Low")."""
    sections = ctx.sections.items
    out: dict[int, Label] = {}
    for section in sections:
        lab = label_of(section.title, ctx.rules, ctx.language)
        if lab is not None and lab.start < 6 and len(section.title) <= 60:
            out[section.index] = lab
    families: dict[int | None, list[Section]] = {}
    for section in sections:
        families.setdefault(section.parent, []).append(section)
    # a ladder needs two rungs that name a severity: look for targets only under such families
    possible = [f for f in families.values() if sum(tier_of(s.title) is not None for s in f) >= 2]
    if not possible:
        return out
    targeted: set[int] = set()
    for unit in ctx.units:
        if not unit.is_row and names_a_target(ctx, unit):
            targeted.update(s.index for s in ctx.sections.path(unit_offset(unit)))
    for family in possible:
        siblings = [s for s in family if s.index in targeted]
        ladder = defined_ladder([s.title for s in siblings], ctx.rules, ctx.language)
        for section, lab in zip(siblings, ladder or [], strict=False):
            out[section.index] = lab
    return out


def unit_offset(unit: Unit) -> int:
    return unit.block_text.raw_span(unit.start, unit.end)[0]


def governing_label(ctx: Context, unit: Unit, labels: dict[int, Label]) -> Label | None:
    """The priority named by the nearest heading above this sentence that names one."""
    for section in reversed(ctx.sections.path(unit_offset(unit))):
        if section.index in labels:
            return labels[section.index]
    return None


def extract(ctx: Context) -> list[ResponseTime]:
    cands: list[Candidate] = []
    for t in ctx.table_indexes():
        cands += from_table(ctx, grid_of(ctx, t))
    heads = sentence_heads(ctx)
    by_section = section_labels(ctx)
    for unit in ctx.units:
        if not unit.is_row:
            label = heads.get(unit.index) or governing_label(ctx, unit, by_section) or heading_label(ctx, unit)
            cands += from_sentence(ctx, unit, label)
    ladder = Ladder([c.label for c in cands if c.label], zero_based=mentions_p0(ctx))
    items: list[ResponseTime] = []
    best: dict[tuple, Candidate] = {}
    for c in cands:
        key = (ladder.rank(c.label), c.kind, round(c.minutes, 3), c.scope)
        if key not in best or c.ladder_rows > best[key].ladder_rows:
            best[key] = c
    chosen = set(map(id, best.values()))
    for c in cands:
        rank = ladder.rank(c.label)
        if id(c) not in chosen or restated(c, rank, best, ladder):
            continue
        items.append(
            ResponseTime(
                priority=c.label.text if c.label else None,
                rank=rank,
                kind=c.kind,  # type: ignore[arg-type]
                minutes=c.minutes,
                business_time=c.business,
                scope=c.scope,
                evidence=c.evidence,
                rule=c.rule,
            )
        )
    return items


def restated(c: Candidate, rank: int | None, best: dict[tuple, Candidate], ladder: Ladder) -> bool:
    """The same target quoted again where a ladder table states it, under a wordier scope
    ("Extended SLA Business hours" in an overview row, "Extended SLA" in the ladder)."""
    for (r, kind, minutes, scope), other in best.items():
        if (r, kind, minutes) != (rank, c.kind, round(c.minutes, 3)) or other is c:
            continue
        if other.ladder_rows > c.ladder_rows and scope and c.scope and scope in c.scope:
            return True
    return False


def minutes_text(minutes: float, business: bool) -> str:
    """A target as the text report shows it: "4 h", "2 d (business)", "30 min"."""
    suffix = " (business)" if business else ""
    if minutes % 1440 == 0:
        return f"{minutes / 1440:g} d{suffix}"
    if minutes % 60 == 0:
        return f"{minutes / 60:g} h{suffix}"
    return f"{minutes:g} min{suffix}"


FIELD = FieldSpec(
    name="response_times",
    term="response_times",
    roles=roles(
        "response_times",
        "prefilter",
        "kind",
        "fixed_duration",
        "label",
        "support_context",
        "veto",
        "veto_near",
        "veto_sentence",
        "partial_target",
        "kind_after_time",
    ),
    title="Response times",
    columns=("priority", "rank", "kind", "target", "scope", "page"),
    cells_fn=lambda r: [
        r.priority or "(any)",
        str(r.rank or ""),
        r.kind,
        minutes_text(r.minutes, r.business_time),
        r.scope or "",
        page(r.evidence),
    ],
    extract_fn=lambda ctx, found: {"response_times": extract(ctx)},
    score_fn=lambda item: (item["rank"], item["kind"], num(item["minutes"])),
    id_areas=("response", "priority"),
    value_keys=frozenset({"kind", "minutes", "rank"}),
)


def rungs_named_in(ctx: Context, text: str) -> list[Label]:
    """Rungs of a ladder a table defined ("System down", "Degraded") named again in prose."""
    low = text.lower()
    found = []
    for rung in ctx.memo.get("defined_rungs", []):
        at = low.find(rung.text.lower())
        if rung.text and at >= 0:
            found.append(Label(rung.text, rung.family, rung.key, at, at + len(rung.text)))
    return sorted(found, key=lambda lab: lab.start)
