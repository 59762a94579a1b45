"""credit_cap_percent: the most a customer can be credited, as a share of the fees."""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import chars
from ..model import Evidence
from ..normalize.percentages import percents
from .base import credit_scalar, roles
from .context import Context

CLAUSE_END = regex.compile(rf"[{chars('clause_end', 'comma')}]")


def clause_around(text: str, at: int) -> tuple[int, int]:
    lo = max((m.end() for m in CLAUSE_END.finditer(text, 0, at, timeout=REGEX_TIMEOUT)), default=0)
    m = CLAUSE_END.search(text, at, timeout=REGEX_TIMEOUT)
    return lo, (m.start() if m else len(text))


def extract_cap(ctx: Context) -> tuple[float | None, Evidence | None]:
    for unit in ctx.units:
        text = unit.text
        if not ctx.rules.search_any("service_credits", "credit", text, ctx.language):
            continue
        cap = ctx.rules.search_any("service_credits", "cap", text, ctx.language)
        if cap is None or ctx.rules.search_any("service_credits", "veto_cap", text, ctx.language):
            continue
        # the percentage in the cap words' own clause, nearest them, preferring one after
        # ("not exceed 30%" over "以…100%为限")
        at = cap[1].start()
        lo, hi = clause_around(text, at)
        vals = sorted(
            (abs(s - at) + (0 if s >= at else 15), v) for v, s, _ in percents(text) if 0 < v <= 100 and lo <= s < hi
        )
        if vals:
            return vals[0][1], ctx.unit_evidence(unit)
        words = ctx.rules.search_any("service_credits", "cap_words", text, ctx.language)
        if words:  # "one month's fees" → 100, "half of the monthly fee" → 50
            return float((words[0].spec.value or {}).get("percent", 100)), ctx.unit_evidence(unit)
    return None, None


ROLES = roles("service_credits", "credit", "cap", "veto_cap", "cap_words")
FIELD = credit_scalar("credit_cap_percent", ROLES, "Credit cap", "%", extract_cap)
