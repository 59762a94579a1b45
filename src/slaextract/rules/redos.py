"""Refuse regexes that can backtrack catastrophically: an unbounded repeat inside an unbounded repeat.

(a+)+, (?:\\w+\\s*)*, (\\w{1,})+ and (?:a|\\w+)+ can split one run of text in exponentially many
ways. A repeated group that starts with a fixed character the inner repeat cannot match, as in
(?:\\.[\\w-]+)+ (an e-mail domain), cannot re-split text, so it is allowed.

The pattern is parsed with Python's own regex parser; what it cannot parse (the `regex`
package's extensions such as \\p{Han}) is read with a textual fallback.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as sre_parse

import regex

MAXREPEAT = C.MAXREPEAT
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))

# Textual fallback: a group holding an unbounded quantifier, itself repeated without bound.
NESTED_QUANTIFIER = regex.compile(r"\((?P<body>(?:[^()\\]|\\.)*(?:[+*]|\{\d+,\})(?:[^()\\]|\\.)*)\)(?:[+*]|\{\d+,\})")
LITERAL_START = regex.compile(r"^(?>\?:|\?P<\w+>)?(?:\\[^wWsSdDbB]|[^\\\[.(|?])(?![+*?{])")


def has_nested_unbounded(source: str) -> bool:
    try:
        tree = sre_parse.parse(source)
    except (re.error, OverflowError, RecursionError, ValueError):
        return any(not LITERAL_START.match(m.group("body")) for m in NESTED_QUANTIFIER.finditer(source))
    return _walk(list(tree))


def _walk(items: list) -> bool:
    for op, av in items:
        if op in REPEATS:
            _low, high, body = av
            body = list(body)
            if high == MAXREPEAT and _has_unbounded(body) and not _fenced(body):
                return True
            if _walk(body):
                return True
        elif op == C.SUBPATTERN:
            if _walk(list(av[-1])):
                return True
        elif op == C.BRANCH:
            if any(_walk(list(alt)) for alt in av[1]):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if _walk(list(av[1])):
                return True
        elif op == getattr(C, "ATOMIC_GROUP", None):
            continue  # an atomic group never backtracks into itself
    return False


def _has_unbounded(items: list) -> bool:
    for op, av in items:
        if op in REPEATS and (av[1] == MAXREPEAT or _has_unbounded(list(av[2]))):
            return True
        if op == C.SUBPATTERN and _has_unbounded(list(av[-1])):
            return True
        if op == C.BRANCH and any(_has_unbounded(list(alt)) for alt in av[1]):
            return True
    return False


def _fenced(body: list) -> bool:
    """The repeated body starts with one fixed punctuation character that no inner repeat can match."""
    if not body or body[0][0] != C.LITERAL:
        return False
    ch = chr(body[0][1])
    if ch.isalnum() or ch.isspace() or ch == "_":
        return False
    return not any(_can_match(op, av, ch) for op, av in _inner_repeat_items(body[1:]))


def _inner_repeat_items(items: list):
    for op, av in items:
        if op in REPEATS:
            yield from list(av[2])
            yield from _inner_repeat_items(list(av[2]))
        elif op == C.SUBPATTERN:
            yield from _inner_repeat_items(list(av[-1]))
        elif op == C.BRANCH:
            for alt in av[1]:
                yield from _inner_repeat_items(list(alt))


def _can_match(op, av, ch: str) -> bool:
    if op == C.ANY:
        return True
    if op == C.LITERAL:
        return chr(av) == ch
    if op == C.NOT_LITERAL:
        return chr(av) != ch
    if op == C.IN:
        negate = any(o == C.NEGATE for o, _ in av)
        hit = any(_can_match(o, a, ch) for o, a in av if o != C.NEGATE)
        return hit != negate
    if op == C.RANGE:
        return av[0] <= ord(ch) <= av[1]
    if op == C.CATEGORY:
        # punctuation is matched only by the negated categories (\W, \S, \D)
        return av in (C.CATEGORY_NOT_WORD, C.CATEGORY_NOT_SPACE, C.CATEGORY_NOT_DIGIT)
    return True  # anything unusual: assume it can
