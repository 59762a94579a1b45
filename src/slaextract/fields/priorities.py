"""Priority labels (P1, Severity 2, 紧急, A类 …) and their rank in the document's own ladder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data import load_units
from ..normalize.numbers import parse_number
from ..rules import RuleSet


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    family: str  # p | numbered | letter | word
    key: str  # the number, letter or severity word
    start: int
    end: int


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5}


@cache
def tiers() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in load_units("priorities")["tiers"].items()}


def find_labels(text: str, rules: RuleSet, lang: str) -> list[Label]:
    """Every priority label in text, earliest first; where labels overlap the first rule wins."""
    found: list[Label] = []
    for rule in rules.get("response_times", "label", lang):
        family = (rule.spec.value or {}).get("family", "numbered")
        for m in rule.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            groups = m.groupdict()
            fixed = (rule.spec.value or {}).get("key")
            key = (
                str(fixed) if fixed is not None else groups.get("n") or groups.get("letter") or groups.get("word") or ""
            )
            found.append(Label(m.group(0).strip(), family, key.strip().lower(), m.start(), m.end()))
    return sorted(found, key=lambda lab: lab.start)


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
            n = 0 if label.key == "0" else ROMAN.get(label.key.upper()) or parse_number(label.key)
            if n is None:
                return None
            n = int(n) + (1 if self.numbered_from_zero else 0)
            return n if n >= 1 else None
        if label.family == "letter":
            return ord(label.key.upper()) - ord("A") + 1
        return self.word_rank.get(label.key)
