"""Daily time windows ("19:00-24:00", "8 a.m. to 8 p.m.", "9:00 to 24:00") found in evidence text.

A coverage item only says days × hours; whether 7×12 includes the evening peak can only be
read from the window its evidence quotes. Times are minutes from midnight; a window that
runs past midnight ("20:00-02:00") ends after 1440.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lexicon import fragment
from ..limits import REGEX_TIMEOUT
from ..text.clean import FOLD

DAY = 1440


def _side(prefix: str) -> str:
    return (
        rf"(?P<{prefix}pre>{fragment('day_part')})?"
        rf"(?P<{prefix}h>\d{{1,2}})(?::(?P<{prefix}m>[0-5]\d))?"
        rf"(?:\s*(?P<{prefix}ap>{fragment('meridiem')})|\s*(?P<{prefix}cn>{fragment('clock_mark')}))?"
    )


_SEPARATOR = rf"\s*(?:-|–|—|~|{fragment('time_range_word')})\s*"
_WINDOW = regex.compile(_side("a") + _SEPARATOR + _side("b"), regex.IGNORECASE)
_PM = regex.compile(rf"(?i){fragment('pm_word')}")
_NIGHT = regex.compile(fragment("night_word"))  # "12 at night" is midnight, not noon


@dataclass(frozen=True)
class TimeWindow:
    start: int
    end: int

    @property
    def hours(self) -> float:
        return (self.end - self.start) / 60

    def contains(self, other: TimeWindow) -> bool:
        # Either window may run past midnight, so compare on the neighbouring days too.
        return any(self.start <= other.start + shift and other.end + shift <= self.end for shift in (-DAY, 0, DAY))

    def __str__(self) -> str:
        end = self.end if self.end <= DAY else self.end - DAY
        return f"{_clock(self.start)}–{_clock(end)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(match: regex.Match[str], prefix: str, day_part: str | None) -> int | None:
    """Minutes from midnight for one side, or None when it is not written like a time of day."""
    hour = int(match[f"{prefix}h"])
    minute = int(match[f"{prefix}m"] or 0)
    ampm = (match[f"{prefix}ap"] or "").lower()[:1]
    if not (match[f"{prefix}m"] or ampm or match[f"{prefix}cn"]):
        return None  # a bare "1-4" is a range of numbers (Severity 1-4), not of hours
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif day_part and _PM.fullmatch(day_part) and (hour < 12 or (hour == 12 and _NIGHT.fullmatch(day_part))):
        hour += 12  # 12 in the afternoon is noon, 12 at night midnight
    if hour > 24 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _window(match: regex.Match[str]) -> TimeWindow | None:
    # "7 to 12 in the evening": the end inherits the start's 晚上 when it has no day-part word of its own.
    start = _minutes(match, "a", match["apre"])
    end = _minutes(match, "b", match["bpre"] or match["apre"])
    if start is None or end is None:
        return None
    if end <= start:
        end += DAY
    return TimeWindow(start, end)


def find_windows(text: str) -> list[TimeWindow]:
    """Every daily window written in the text (full-width digits and colons allowed)."""
    try:
        found = list(_WINDOW.finditer(text.translate(FOLD), timeout=REGEX_TIMEOUT))
    except TimeoutError:
        return []
    return [w for m in found if (w := _window(m)) is not None]


def parse_window(text: str) -> TimeWindow | None:
    """The window when the whole text is one ("19:00-24:00"), else None."""
    try:
        match = _WINDOW.fullmatch(text.translate(FOLD).strip(), timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None
    return _window(match) if match else None
