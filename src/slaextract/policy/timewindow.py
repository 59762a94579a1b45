"""Daily time windows ("19:00-24:00", "8 a.m. to 8 p.m.", "9:00至24:00") found in evidence text.

A coverage item only says days × hours; whether 7×12 includes the evening peak can only be
read from the window its evidence quotes. Times are minutes from midnight; a window that
runs past midnight ("20:00-02:00") ends after 1440.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DAY = 1440


def _side(prefix: str) -> str:
    return (
        rf"(?P<{prefix}pre>上午|早上|中午|下午|晚上)?"
        rf"(?P<{prefix}h>\d{{1,2}})(?::(?P<{prefix}m>[0-5]\d))?"
        rf"(?:\s*(?P<{prefix}ap>[ap])\.?\s?m\b\.?|\s*(?P<{prefix}cn>[点时]))?"
    )


_SEPARATOR = r"\s*(?:-|–|—|~|至|到|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"
_WINDOW = re.compile(_side("a") + _SEPARATOR + _side("b"), re.IGNORECASE)
_PM_WORDS = {"下午", "晚上"}


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


def _minutes(match: re.Match[str], prefix: str, day_part: str | None) -> int | None:
    """Minutes from midnight for one side, or None when it is not written like a time of day."""
    hour = int(match[f"{prefix}h"])
    minute = int(match[f"{prefix}m"] or 0)
    ampm = (match[f"{prefix}ap"] or "").lower()
    if not (match[f"{prefix}m"] or ampm or match[f"{prefix}cn"]):
        return None  # a bare "1-4" is a range of numbers (Severity 1-4), not of hours
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif day_part in _PM_WORDS and (hour < 12 or (hour == 12 and day_part == "晚上")):
        hour += 12  # 晚上12点 is midnight, 下午12点 noon
    if hour > 24 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _window(match: re.Match[str]) -> TimeWindow | None:
    # "晚上7点到12点": the end inherits the start's 晚上 when it has no day-part word of its own.
    start = _minutes(match, "a", match["apre"])
    end = _minutes(match, "b", match["bpre"] or match["apre"])
    if start is None or end is None:
        return None
    if end <= start:
        end += DAY
    return TimeWindow(start, end)


def find_windows(text: str) -> list[TimeWindow]:
    """Every daily window written in the text (full-width digits and colons allowed)."""
    normal = unicodedata.normalize("NFKC", text)
    return [w for m in _WINDOW.finditer(normal) if (w := _window(m)) is not None]


def parse_window(text: str) -> TimeWindow | None:
    """The window when the whole text is one ("19:00-24:00"), else None."""
    match = _WINDOW.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return _window(match) if match else None
