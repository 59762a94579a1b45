"""Priority labels (P1, Severity 2, 紧急, A类 …) and their rank in the document's own ladder."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..budgets import REGEX_TIMEOUT
from ..normalize.numbers import parse_number
from ..resources import load_units
from ..rules import RuleSet


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    family: str  # p | numbered | letter | word | defined (a rank the document's own headings give)
    key: str  # the number, letter or severity word
    start: int
    end: int


@cache
def roman() -> dict[str, int]:
    """Roman numerals of priority levels (ASCII and the Unicode number forms), from numbers.yaml."""
    return {str(k).upper(): int(v) for k, v in load_units("numbers")["roman"].items()}


@cache
def tiers() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in load_units("priorities")["tiers"].items()}


def find_labels(text: str, rules: RuleSet, lang: str) -> list[Label]:
    """Every priority label in text, earliest first; where labels overlap the first rule wins."""
    found: list[Label] = []
    taken = Spans()
    for rule in rules.get("response_times", "label", lang):
        family = (rule.spec.value or {}).get("family", "numbered")
        for m in rule.finditer(text):
            if not taken.add(m.start(), m.end()):
                continue
            groups = m.groupdict()
            fixed = (rule.spec.value or {}).get("key")
            key = (
                str(fixed) if fixed is not None else groups.get("n") or groups.get("letter") or groups.get("word") or ""
            )
            found.append(Label(m.group(0).strip(), family, key.strip().lower(), m.start(), m.end()))
    return sorted(found, key=lambda lab: lab.start)


class Spans:
    """Disjoint (start, end) spans, sorted: a new span is taken unless it overlaps one already taken.

    A bisect finds the two neighbours, so a unit with thousands of labels costs n log n, not n².
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.empty: list[int] = []  # empty spans overlap only what strictly surrounds them

    def add(self, start: int, end: int) -> bool:
        if start == end:
            if any(s < start < e for s, e in zip(self.starts, self.ends, strict=True)):
                return False
            self.empty.append(start)
            return True
        i = bisect.bisect_left(self.starts, start)
        if i and self.ends[i - 1] > start:  # the span before runs into this one
            return False
        if i < len(self.starts) and self.starts[i] < end:  # the span after starts inside this one
            return False
        if any(start < x < end for x in self.empty):
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


@lru_cache(maxsize=8192)  # heading_label asks again about each of the few sentences above every sentence
def label_of(text: str, rules: RuleSet, lang: str) -> Label | None:
    """The label that names a table row or heading: the first one, preferring numbered families."""
    labels = find_labels(text, rules, lang)
    for family in ("p", "numbered", "letter", "word"):
        for lab in labels:
            if lab.family == family:
                return lab
    return None


class Ladder:
    """Ranks labels the way the document orders them: P0-based ladders shift by one,
    severity words rank densely among the words the document uses."""

    def __init__(self, labels: list[Label], zero_based: bool | None = None) -> None:
        self.zero_based = (
            any(lab.family == "p" and lab.key == "0" for lab in labels) if zero_based is None else zero_based
        )
        # 特级 above 一级: the numbered ladder starts at zero too
        self.numbered_from_zero = any(lab.family == "numbered" and lab.key == "0" for lab in labels)
        # words rank by severity tier, and words of one tier (Blocker, Critical) by the order the
        # document gives them — labels arrive in reading order
        words: list[str] = []
        for lab in labels:
            if lab.family == "word" and lab.key not in words:
                words.append(lab.key)
        ordered = sorted(words, key=lambda w: (tiers().get(w, 99), words.index(w)))
        self.word_rank = {w: i + 1 for i, w in enumerate(ordered)}

    def rank(self, label: Label | None) -> int | None:
        if label is None:
            return None
        if label.family == "p":
            n = int(label.key)
            return n + 1 if self.zero_based else max(n, 1)
        if label.family == "numbered":
            n = 0 if label.key == "0" else roman().get(label.key.upper()) or parse_number(label.key)
            if n is None:
                return None
            n = int(n) + (1 if self.numbered_from_zero else 0)
            return n if n >= 1 else None
        if label.family == "letter":
            return ord(label.key.upper()) - ord("A") + 1
        if label.family == "defined":
            return int(label.key)
        return self.word_rank.get(label.key)


# ---------------------------------------------------------------- ladders a document defines


@cache
def impact_cues() -> list[tuple[str, int]]:
    cues = load_units("priorities").get("impact_cues", {})
    return sorted(((str(w).lower(), int(t)) for t, words in cues.items() for w in words), key=lambda c: -len(c[0]))


@cache
def ladder_headers() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_units("priorities").get("ladder_headers", []))


def names_a_ladder(header: str) -> bool:
    """A column header that names a ladder ("Severity", "Fault class", "影响程度")."""
    low = header.lower()
    words = set(regex.findall(r"\p{L}+", low, timeout=REGEX_TIMEOUT))
    return any(h in words if h.isascii() else h in low for h in ladder_headers())


def tier_of(title: str, description: str = "") -> int | None:
    """The severity tier a rung's words name ("Critical" → 1, "Low" → 4, "System down" → 1),
    from its own words first, else from the words that describe it."""
    for text in (title, description):
        low = text.lower()
        words = regex.findall(r"\p{L}+", low, timeout=REGEX_TIMEOUT)
        found = [tiers()[w] for w in words if w in tiers()]
        if not found:  # Chinese is not split into words: look for a tier word inside
            # one-character words (高, 中) only as the whole rung: 中 inside 业务中断 names no tier
            found = [
                t for w, t in tiers().items() if not w.isascii() and (w in text if len(w) > 1 else w == text.strip())
            ]
        if not found:
            found = [t for cue, t in impact_cues() if cue in low]
        if found:
            return min(found)
    return None


def defined_ladder(
    titles: list[str], rules: RuleSet, lang: str, descriptions: list[str] | None = None, named: bool = False
) -> list[Label] | None:
    """Sibling headings that each introduce a priority's targets ("Critical", "Severe", "Medium",
    "Low"; "业务中断", "功能受损", "咨询") form a ladder the document defines itself: ranked by
    the document's order, most severe first unless its own severity words say it runs the other
    way. None when the titles are not such a ladder (already labels, or no severity cue)."""
    if len(titles) < 2 or any(len(t) > 40 or len(t.split()) > 5 for t in titles):
        return None
    labelled = [label_of(t, rules, lang) for t in titles]
    if all(lab is not None and lab.family != "word" for lab in labelled):
        return None  # "Severity 1", "P2": the document's labels already rank themselves
    descriptions = descriptions or [""] * len(titles)
    cues = [(i, tier_of(t, d)) for i, (t, d) in enumerate(zip(titles, descriptions, strict=False))]
    known = [(i, t) for i, t in cues if t is not None]
    # most rungs must name a severity ("2.6 Targets" beside "Major" is no ladder), unless a
    # column header already says the cells are a ladder ("Impact", "Fault class")
    if len(known) < (1 if named else max(2, (len(titles) + 1) // 2)):
        return None
    ascending = len(known) >= 2 and known[0][1] > known[-1][1]  # "Low … Critical": least severe first
    order = list(range(len(titles)))[::-1] if ascending else list(range(len(titles)))
    rank = {i: n + 1 for n, i in enumerate(order)}
    return [Label(t, "defined", str(rank[i]), 0, len(t)) for i, t in enumerate(titles)]
