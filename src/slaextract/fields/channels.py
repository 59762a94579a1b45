"""channels: how customers reach support. Only sentences about getting support count."""

from __future__ import annotations

from ..model import ChannelItem
from .base import FieldSpec, page, roles
from .context import Context


def extract(ctx: Context) -> list[ChannelItem]:
    """One item per channel. Its evidence is the first sentence about getting support that names
    it; a channel that needs no such context (a knowledge base, a TAM) falls back to its first
    mention when no support sentence names it."""
    best: dict[str, ChannelItem] = {}
    settled: set[str] = set()  # channels whose evidence is already a support sentence
    for unit in ctx.units:
        text = unit.text
        if not ctx.rules.may_match("channels", text, ctx.language):
            continue
        if ctx.rules.search_any("channels", "veto", text, ctx.language):
            continue
        about_support = ctx.rules.search_any("channels", "context", text, ctx.language) is not None
        for rule in ctx.rules.get("channels", "channel", ctx.language):
            value = rule.spec.value or {}
            channel = value["channel"]
            # phone numbers and e-mail addresses are everywhere; a knowledge base or a TAM is support by nature
            if channel in settled or (channel in best and not about_support):
                continue
            if value.get("needs_context", True) and not about_support:
                continue
            m = rule.search(text)
            if m:
                best[channel] = ChannelItem(
                    channel=channel, detail=m.group(0).strip(), evidence=ctx.unit_evidence(unit), rule=rule.id
                )
                if about_support:
                    settled.add(channel)
    return list(best.values())


FIELD = FieldSpec(
    name="channels",
    term="channels",
    roles=roles("channels", "prefilter", "veto", "context", "channel"),
    title="Channels",
    columns=("channel", "detail", "page"),
    cells_fn=lambda c: [c.channel, c.detail or "", page(c.evidence)],
    extract_fn=lambda ctx, found: {"channels": extract(ctx)},
    score_fn=lambda item: item["channel"],
    id_areas=("channel",),
    value_keys=frozenset({"channel"}),
)
