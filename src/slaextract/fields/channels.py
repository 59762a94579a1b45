"""channels: how customers reach support. Only sentences about getting support count."""

from __future__ import annotations

from ..model import ChannelItem
from .context import Context


def extract(ctx: Context) -> list[ChannelItem]:
    items: dict[str, ChannelItem] = {}
    for unit in ctx.units:
        text = unit.text
        if not ctx.rules.may_match("channels", text, ctx.language):
            continue
        if ctx.rules.search_any("channels", "negative", text, ctx.language):
            continue
        about_support = ctx.rules.search_any("channels", "context", text, ctx.language) is not None
        for rule in ctx.rules.get("channels", "channel", ctx.language):
            value = rule.spec.value or {}
            channel = value["channel"]
            # phone numbers and e-mail addresses are everywhere; a knowledge base or a TAM is support by nature
            if channel in items or (value.get("needs_context", True) and not about_support):
                continue
            m = rule.search(text)
            if m:
                items[channel] = ChannelItem(
                    channel=channel, detail=m.group(0).strip(), evidence=ctx.unit_evidence(unit), rule=rule.id
                )
    return list(items.values())
