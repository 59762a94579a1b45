"""channels: how customers reach support. Only sentences about getting support count.

Which channels a document offers is decided mention by mention (a vetoed sentence names none);
which sentence becomes a channel's evidence is a second question: the clause that offers the
channel, not the first place that names it. Every qualifying mention is scored from the
document's structure (the headings that govern it) and the rules of roles `offer`,
`definition`, `other_process`, `channel_heading` and `off_heading` in patterns/*/channels.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars, fragment
from ..model import ChannelItem
from ..rules import Rule
from .base import FieldSpec, page, roles
from .context import Context, Unit

# A block's first unit this short is a run-in heading ("3.4 How to contact support") that the
# section tree does not hold: it governs the sentences of its paragraph.
RUN_IN_HEADING_CHARS = 48
ROW_SEPARATOR = " | "  # how a table row's cells are joined in its unit text

# A list item's mark: a short token in brackets or before a stop ("(3)", "(c)", "3."), a bullet,
# or a language's own clause number ("三、"). An item takes its context from the sentence that
# introduces the list ("…in any of the following ways:"), which ends in a colon; LIST_REACH
# items back at most.
LIST_ITEM = regex.compile(
    rf"^\s*(?:\(\s*[^()\s]{{1,3}}\s*\)|[^\s.)]{{1,3}}[.)]|[•·▪●■\-–]|{fragment('clause_number')})"
)
INTRO_END = regex.compile(rf"[{chars('colon')}]\s*$")
LIST_REACH = 12

# Weights of the evidence score: a governing heading that announces support channels says the
# most, an offer sentence next; a definition, another process's procedure or an unrelated
# section pulls a mention down below any plain one.
HEADING_BONUS = 2
OFFER_BONUS = 1
DEFINITION_MALUS = 3
OTHER_PROCESS_MALUS = 2
OFF_HEADING_MALUS = 2


@dataclass(slots=True)
class Mention:
    unit: Unit
    rule: Rule
    detail: str
    about_support: bool


def extract(ctx: Context) -> list[ChannelItem]:
    """One item per channel offered, with the best of its mentions as evidence."""
    mentions: dict[str, list[Mention]] = {}
    for unit in ctx.units:
        for channel, mention in unit_mentions(ctx, unit):
            mentions.setdefault(channel, []).append(mention)
    items = []
    for channel, found in mentions.items():
        best = choose_evidence(ctx, found)
        items.append(
            ChannelItem(channel=channel, detail=best.detail, evidence=ctx.unit_evidence(best.unit), rule=best.rule.id)
        )
    return items


def unit_mentions(ctx: Context, unit: Unit) -> list[tuple[str, Mention]]:
    """The channels this unit names in a way that counts: not in a vetoed sentence, and in a
    sentence about getting support unless the channel is support by nature (a knowledge base)."""
    text = unit.text
    if not ctx.rules.may_match("channels", text, ctx.language) or vetoed(ctx, text):
        return []
    about_support = ctx.rules.search_any("channels", "context", text, ctx.language) is not None or (
        list_intro_about_support(ctx, unit)
    )
    out: list[tuple[str, Mention]] = []
    seen: set[str] = set()
    for rule in ctx.rules.get("channels", "channel", ctx.language):
        value = rule.spec.value or {}
        channel = value["channel"]
        if channel in seen or (value.get("needs_context", True) and not about_support):
            continue
        m = rule.search(text)
        if m:
            seen.add(channel)
            out.append((channel, Mention(unit, rule, m.group(0).strip(), about_support)))
    return out


def list_intro_about_support(ctx: Context, unit: Unit) -> bool:
    """Whether the unit is an item of a list whose introducing sentence, ending in a colon, is
    about getting support ("可通过下列方式联系技术支持：" over "（3）发送邮件至…")."""
    if not LIST_ITEM.match(unit.text, timeout=REGEX_TIMEOUT):
        return False
    for prev in reversed(ctx.units[max(unit.index - LIST_REACH, 0) : unit.index]):
        if INTRO_END.search(prev.text, timeout=REGEX_TIMEOUT):  # the intro (a numbered clause itself, maybe)
            return ctx.rules.search_any("channels", "context", prev.text, ctx.language) is not None
        if not LIST_ITEM.match(prev.text, timeout=REGEX_TIMEOUT):
            return False  # prose between: no list
    return False


def vetoed(ctx: Context, text: str) -> bool:
    """A veto rule matches outside every `exempt` span (a veto word that only names one kind
    of question a channel takes, beside technical ones, vetoes nothing)."""
    exempt = [m.span() for r in ctx.rules.get("channels", "exempt", ctx.language) for m in r.finditer(text)]
    for rule in ctx.rules.get("channels", "veto", ctx.language):
        for m in rule.finditer(text):
            if not any(s <= m.start() and m.end() <= e for s, e in exempt):
                return True
    return False


def choose_evidence(ctx: Context, mentions: list[Mention]) -> Mention:
    """A mention in a sentence about support beats one that is not; then the highest score; ties
    go to the earliest, as a reader meets the offer first."""
    return max(mentions, key=lambda m: (m.about_support, evidence_score(ctx, m.unit), -m.unit.index))


def evidence_score(ctx: Context, unit: Unit) -> int:
    """How plainly this unit states an offer of a channel (see the weights above). The section
    headings and the unit's own label (a run-in heading, a row's first cell) each count: a row
    labelled "Phone" in a table under "Contact" outranks one in a table of plan features."""
    sections, label = governing_titles(ctx, unit)
    score = 0
    for titles in (sections, [label] if label else []):
        if any(matches(ctx, "channel_heading", t) for t in titles):
            score += HEADING_BONUS
        if any(matches(ctx, "off_heading", t) for t in titles):
            score -= OFF_HEADING_MALUS
    if matches(ctx, "offer", unit.text):
        score += OFFER_BONUS
    if matches(ctx, "definition", unit.text):
        score -= DEFINITION_MALUS
    if matches(ctx, "other_process", unit.text):
        score -= OTHER_PROCESS_MALUS
    return score


def matches(ctx: Context, role: str, text: str) -> bool:
    return ctx.rules.search_any("channels", role, text, ctx.language) is not None


def governing_titles(ctx: Context, unit: Unit) -> tuple[list[str], str | None]:
    """The section headings that govern a unit, outermost first, and its own label: the run-in
    heading of its paragraph or the first cell of its row."""
    offset = unit.block_text.raw_span(unit.start, unit.end)[0]
    sections = [s.title for s in ctx.sections.path(offset)]
    return sections, row_label(unit) if unit.is_row else run_in_heading(ctx, unit)


def row_label(unit: Unit) -> str | None:
    """A table row's first cell labels the row ("Support channels | portal | portal; phone")."""
    label, sep, _ = unit.text.partition(ROW_SEPARATOR)
    return label.strip() if sep and label.strip() else None


def run_in_heading(ctx: Context, unit: Unit) -> str | None:
    """The short first unit of the unit's paragraph, when there is one and it is not this unit."""
    firsts = ctx.memo.get("channels.block_first")
    if firsts is None:
        firsts = ctx.memo["channels.block_first"] = {}
        for u in ctx.units:
            firsts.setdefault(id(u.block), u)
    first = firsts.get(id(unit.block))
    if first is None or first is unit or len(first.text.strip()) > RUN_IN_HEADING_CHARS:
        return None
    return first.text.strip()


FIELD = FieldSpec(
    name="channels",
    term="channels",
    roles=roles(
        "channels",
        "prefilter",
        "veto",
        "exempt",
        "context",
        "channel",
        # choosing a channel's evidence
        "offer",
        "definition",
        "other_process",
        "channel_heading",
        "off_heading",
    ),
    title="Channels",
    columns=("channel", "detail", "page"),
    cells_fn=lambda c: [c.channel, c.detail or "", page(c.evidence)],
    extract_fn=lambda ctx, found: {"channels": extract(ctx)},
    score_fn=lambda item: item["channel"],
    id_areas=("channel",),
    value_keys=frozenset({"channel"}),
)
