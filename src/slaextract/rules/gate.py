"""A literal gate for each regex rule: strings one of which every match must contain.

Most sentences of a contract match none of a rule's alternatives, and the regex engine tries
every alternative at every position, while a containment test of a few literals on the
case-folded sentence runs at the speed of C. The literals come from the rule's own parsed
pattern (the standard library's parser reads the syntax the rules use), so a gate is exact by
construction: a text that contains none of them cannot match and is not searched at all. A
pattern the parser cannot read, or one whose matches need no literal (a bare number, a
character class), gets no gate and is always searched.

The analysis is the "required substrings" idea of trigram-indexed regex search: a sequence's
exact strings are multiplied out while they stay few; any run of them, or any part's own
requirement, is a valid requirement of the whole; the longest one wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as C
from re import _parser

MAX_EXACT = 64  # beyond this many exact strings a part is treated as "some text"
MAX_CLASS = 8  # a character class of at most this many characters is an exact set

ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)  # anchors and lookarounds consume nothing
Strings = frozenset[str]
EMPTY: Strings = frozenset({""})


@dataclass(frozen=True)
class Info:
    """What a part of a pattern can match: `exact`, every string it matches (None: too many to
    list); `need`, strings one of which every match contains (None: nothing is required)."""

    exact: Strings | None
    need: Strings | None


# (literals any one of which lets a match through, alternatives each needing a hit in every set)
Gate = tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], ...], ...]]


def literal_gate(pattern: str) -> Gate | None:
    """For each top-level alternative of `pattern`, the case-folded literal sets every match of it
    hits (one string of each set); None when some alternative needs no literal. Alternatives
    that need one set only are merged into one set, tested first."""
    try:
        parsed = _parser.parse(readable(pattern))
    except Exception:  # regex-only syntax readable() does not rewrite: no gate
        return None
    single: set[str] = set()  # alternatives that need one literal of one set merge into one set
    several = []
    for alternative in top_alternatives(list(parsed)):
        sets = requirements(alternative)
        if not sets:
            return None
        if len(sets) == 1:
            single |= sets[0]
        else:
            several.append(tuple(minimal(s) for s in sets))
    return minimal(frozenset(single)), tuple(several)


def phrase_gate(phrase_tokens: list[list[str]]) -> Gate | None:
    """The gate of a phrase rule: a phrase matches a run of the text's tokens, so each of its
    tokens is in the text (case-folded); a text that lacks a token of every phrase is not
    tokenized, and spaCy is not even imported for it. None when a phrase has no token."""
    if any(not tokens for tokens in phrase_tokens):
        return None
    single = {tokens[0].casefold() for tokens in phrase_tokens if len(set(tokens)) == 1}
    several = {
        tuple((t,) for t in sorted({t.casefold() for t in tokens})) for tokens in phrase_tokens if len(set(tokens)) > 1
    }
    return tuple(sorted(single)), tuple(sorted(several))


# Syntax of the `regex` package that the standard parser cannot read, rewritten to something it
# can that requires no more literals: a Unicode property (\p{Han}) becomes \w, a character the
# analysis treats as unknown; a group name used in two alternatives loses its name, and a
# back-reference to one becomes unknown too. (An escaped backslash before them is left alone,
# and the parser then fails: no gate, which is always safe.)
REGEX_ONLY = (
    (re.compile(r"(?<!\\)\\[pP]\{[^}]*\}"), r"\\w"),
    (re.compile(r"\(\?P<\w+>"), "(?:"),
    (re.compile(r"\(\?P=\w+\)"), r"\\w"),
)


def readable(pattern: str) -> str:
    for syntax, stand_in in REGEX_ONLY:
        pattern = syntax.sub(stand_in, pattern)
    return pattern


def top_alternatives(items: list) -> list[list]:
    """The alternatives of a pattern that is one alternation, perhaps inside a group or beside
    anchors (the parser factors a shared leading \\b out of the alternatives); else the whole."""
    consuming = [(op, arg) for op, arg in items if op not in ZERO_WIDTH]
    if len(consuming) == 1 and consuming[0][0] is C.BRANCH:
        return [alt for branch in consuming[0][1][1] for alt in top_alternatives(list(branch))]
    if len(consuming) == 1 and consuming[0][0] is C.SUBPATTERN:
        return top_alternatives(list(consuming[0][1][3]))
    return [items]


def minimal(strings: Strings) -> tuple[str, ...]:
    """A string that contains another of the set adds nothing: "credits" holds "credit"."""
    return tuple(sorted(s for s in strings if not any(o != s and o in s for o in strings)))


def requirements(items: list) -> list[Strings]:
    """Every literal set a sequence guarantees a hit in: its runs of exact parts, and the
    requirement of each inexact part."""
    return requirements_of([item(op, arg) for op, arg in items])


def requirements_of(parts: list[Info]) -> list[Strings]:
    out: list[Strings] = []
    run: Strings = EMPTY  # the exact strings of the parts since the last inexact one
    for part in parts:
        if part.exact is not None and len(run) * len(part.exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        out += [s for s in (useful(run), part.need if part.exact is None else None) if s]
        run = part.exact if part.exact is not None else EMPTY
    return out + [s for s in (useful(run),) if s]


def sequence(items: list) -> Info:
    """A nested part: its exact strings when it has few, and its strongest single requirement."""
    parts = [item(op, arg) for op, arg in items]  # each part analysed once: patterns nest deeply
    exact: Strings | None = EMPTY
    for part in parts:
        if exact is None or part.exact is None or len(exact) * len(part.exact) > MAX_EXACT:
            exact = None
            break
        exact = frozenset(a + b for a in exact for b in part.exact)
    best = None
    for need in requirements_of(parts):
        best = better(best, need)
    return Info(exact, best)


class Folded:
    """The case-folded text a gate looks in, folded once for all the rules that ask about it."""

    __slots__ = ("folded", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.folded = ""

    def of(self, text: str) -> str:
        if text is not self.text:
            self.text, self.folded = text, text.casefold()
        return self.folded


FOLDED = Folded()


def may_match(gate: Gate | None, text: str) -> bool:
    """False only when no alternative of the gate has all its literal sets hit in `text`, so the
    rule cannot match it."""
    if gate is None:
        return True
    has = FOLDED.of(text).__contains__  # map() over a bound method loops in C, a generator in Python
    single, several = gate
    if any(map(has, single)):
        return True
    for sets in several:
        for strings in sets:
            if not any(map(has, strings)):
                break  # this alternative misses a set: it cannot match
        else:
            return True
    return False


def item(op, arg) -> Info:
    if op is C.LITERAL:
        return exact_of(frozenset({chr(arg)}))
    if op is C.IN:
        return char_class(arg)
    if op in ZERO_WIDTH:
        return exact_of(EMPTY)
    if op is C.SUBPATTERN:
        return sequence(list(arg[3]))
    if op is C.ATOMIC_GROUP:
        return sequence(list(arg))
    if op is C.BRANCH:
        return branch([sequence(list(alt)) for alt in arg[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return repeat(arg[0], arg[1], sequence(list(arg[2])))
    return Info(None, None)  # any character, a negated literal, a back-reference: unknown


def exact_of(strings: Strings) -> Info:
    return Info(strings, useful(strings))


def char_class(members: list) -> Info:
    chars: set[str] = set()
    for op, arg in members:
        if op is C.LITERAL:
            chars.add(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:  # a negation, a category (\s, \w, \d) or a wide range
            return Info(None, None)
    return exact_of(frozenset(chars)) if len(chars) <= MAX_CLASS else Info(None, None)


def branch(alternatives: list[Info]) -> Info:
    if all(a.exact is not None for a in alternatives):
        union = frozenset().union(*(a.exact for a in alternatives if a.exact is not None))
        if len(union) <= MAX_EXACT:
            return exact_of(union)
    needs = [a.need if a.exact is None else useful(a.exact) for a in alternatives]
    if any(n is None for n in needs):
        return Info(None, None)
    return Info(None, frozenset().union(*(n for n in needs if n is not None)))


def repeat(low: int, high: int, part: Info) -> Info:
    if low == high == 1:
        return part
    if high == 1 and part.exact is not None:  # optional: x?
        return exact_of(part.exact | EMPTY)
    if low == 0:
        return Info(None, None)
    return Info(None, part.need if part.exact is None else useful(part.exact))


def useful(strings: Strings | None) -> Strings | None:
    """The strings as a requirement, case-folded; None when one of them is empty (no requirement)."""
    if strings is None or "" in strings:
        return None
    return frozenset(s.casefold() for s in strings)


def better(a: Strings | None, b: Strings | None) -> Strings | None:
    """The stronger requirement: the longer shortest string, then the fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (min(len(x) for x in s), -len(s)))
