"""Times of day and daily windows → minutes from midnight: the one clock parser.

Coverage rules (patterns/<lang>/coverage*.yaml) find a window and name its parts (h1, m1, ap1,
h2, m2, ap2); the policy reads its own notation ("19:00-24:00") with the same parser
(policy.timewindow). A day-part word (the lexicons' am_word, pm_word, night_word, next_day)
moves an hour into the afternoon, to midnight or to the next day; an end without a day part of
its own keeps an afternoon start's ("7 to 11 p.m.", the evening's "7 to 12" ends at midnight);
a window whose end is not after its start runs past midnight.
"""

from __future__ import annotations

import regex

from ..lexicon import fragment
from ..model import DAY, TimeWindow

PM = regex.compile(rf"(?i){fragment('pm_word')}")
AM = regex.compile(rf"(?i){fragment('am_word')}")
NIGHT = regex.compile(rf"(?i){fragment('night_word')}")  # twelve at night is midnight, not noon
NEXT_DAY = regex.compile(rf"(?i){fragment('next_day')}")
HALF_HOUR = regex.compile(rf"(?i){fragment('half_hour')}")


def time_of_day(hour: str, minute: str | None, day_part: str | None) -> int | None:
    """Minutes from midnight, or None when it is no time of day ("25:00", "24:30")."""
    h = int(hour)
    m = 30 if minute and HALF_HOUR.fullmatch(minute) else int(minute or 0)
    part = day_part or ""
    if part and PM.search(part):
        if h < 12:
            h += 12
        elif h == 12 and NIGHT.search(part):
            h = 24
    elif part and AM.search(part) and h == 12:
        h = 0
    if h > 24 or (h == 24 and m):
        return None
    return h * 60 + m


def daily_window(
    h1: str, m1: str | None, part1: str | None, h2: str, m2: str | None, part2: str | None
) -> TimeWindow | None:
    """The window from one time to another, or None when a side is no time of day."""
    afternoon = part1 if part1 and PM.search(part1) else None
    start = time_of_day(h1, m1, part1)
    end = time_of_day(h2, m2, part2 or afternoon)
    if start is None or end is None:
        return None
    if (part2 and NEXT_DAY.fullmatch(part2)) or end <= start:
        end += DAY
    return TimeWindow(start, end)
