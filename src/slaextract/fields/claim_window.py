"""claim_window_days: how long a customer has to claim a credit."""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from ..model import Evidence
from ..normalize.durations import to_minutes
from ..normalize.numbers import parse_number
from .base import credit_scalar, roles
from .context import Context

CLAIM_WORD = regex.compile(rf"(?i){fragment('claim_word')}")


def extract_claim_window(ctx: Context) -> tuple[float | None, Evidence | None]:
    for unit in ctx.units:
        text = unit.text
        if not ctx.rules.search_any("service_credits", "claim", text, ctx.language):
            continue  # the rarer test first: few sentences speak of claiming
        # the credit may be named in the question or heading just before ("How do I get a credit?")
        before = ctx.units[unit.index - 1].text if unit.index else ""
        if not any(
            ctx.rules.search_any("service_credits", "credit", t, ctx.language)
            or CLAIM_WORD.search(t, timeout=REGEX_TIMEOUT)
            for t in (text, before)
        ):
            continue
        for rule in ctx.rules.get("service_credits", "window", ctx.language):
            for m in rule.finditer(text):
                around = text[max(m.start() - 60, 0) : m.end() + 10]
                if ctx.rules.search_any("service_credits", "veto_claim", around, ctx.language):
                    continue
                amount = m.group("amount") or m.groupdict().get("amount2")
                unit_word = (m.group("unit") or m.groupdict().get("unit2") or "").lower()
                n = parse_number(amount) if amount else None
                per = days_per(unit_word)
                if n and per:
                    return n * per, ctx.unit_evidence(unit)
    return None, None


def days_per(unit_word: str) -> float | None:
    """Days in one unit of a claim window, from the shared duration units (a month is 30 days)."""
    got = to_minutes("1", unit_word)
    return got[0] / 1440 if got else None


ROLES = roles("service_credits", "credit", "claim", "window", "veto_claim")
FIELD = credit_scalar("claim_window_days", ROLES, "Claim window", " days", extract_claim_window)
