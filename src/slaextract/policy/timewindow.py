"""A policy's daily window ("19:00-24:00", "8 a.m. to 8 p.m."), read with the one clock parser
(normalize.clock).

Coverage items carry the window their text states (read at extraction); the policy only
compares the two.
"""

from __future__ import annotations

import regex

from ..budgets import REGEX_TIMEOUT
from ..lexicon import fragment
from ..model import TimeWindow
from ..normalize.clock import daily_window
from ..text.clean import FOLD


def _side(prefix: str) -> str:
    return (
        rf"(?P<{prefix}pre>{fragment('day_part')})?"
        rf"(?P<{prefix}h>\d{{1,2}})(?::(?P<{prefix}m>[0-5]\d))?"
        rf"(?:\s*(?P<{prefix}ap>{fragment('meridiem')})|\s*(?P<{prefix}cn>{fragment('clock_mark')}))?"
    )


_SEPARATOR = rf"\s*(?:-|–|—|~|{fragment('time_range_word')})\s*"
_WINDOW = regex.compile(_side("a") + _SEPARATOR + _side("b"), regex.IGNORECASE)


def _is_clock_time(match: regex.Match[str], prefix: str) -> bool:
    """A bare "1-4" is a range of numbers, not of hours: each side needs minutes or a day-part
    or clock word."""
    return bool(match[f"{prefix}m"] or match[f"{prefix}ap"] or match[f"{prefix}cn"])


def parse_window(text: str) -> TimeWindow | None:
    """The window when the whole text is one ("19:00-24:00"), else None (full-width digits and
    colons allowed)."""
    try:
        m = _WINDOW.fullmatch(text.translate(FOLD).strip(), timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None
    if m is None or not (_is_clock_time(m, "a") and _is_clock_time(m, "b")):
        return None
    return daily_window(m["ah"], m["am"], m["apre"] or m["aap"], m["bh"], m["bm"], m["bpre"] or m["bap"])
