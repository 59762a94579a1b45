"""Phrase rules on spaCy tokens (blank pipelines: no trained model, nothing downloaded).

A rule that lists ``phrases`` instead of a regex is matched by a PhraseMatcher on
tokens: runs of Latin letters and digits, and single characters of any other script
(see ``tokenize``), on a bare spaCy vocabulary: no language pipeline and no word
dictionary to load (jieba unmarshalled a 9 MB one on every run). Where phrases overlap
the longest wins (a chat-group phrase is one match, not also the shorter phrases inside
it), as when each phrase was a word of the segmenter's dictionary. spaCy is imported
only when a text holds every token of one of a rule's phrases (rules.gate.phrase_gate), so an
English contract never pays for it, and without its command line (import_spacy).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """The parts of a regex match object the field extractors use."""

    text: str
    _start: int
    _end: int

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int | str = 0) -> str:
        if index not in (0, "0"):
            raise IndexError("phrase matches have no groups")
        return self.text[self._start : self._end]

    def groupdict(self) -> dict[str, str]:
        return {}


# One token: a run of Latin letters and digits (with the joiners a segmenter keeps inside a
# word: "99.95%", "C++"), or one character of any other kind. Whitespace is no token.
TOKEN = r"[A-Za-z0-9+#&._%\-]+|\S"


@lru_cache(maxsize=1)
def _token_re():
    import regex  # noqa: PLC0415

    return regex.compile(TOKEN)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans of text's tokens: Chinese is matched character by character, and a phrase
    still matches only whole Latin words ("IM" is not found in "SIMPLE")."""
    return [m.span() for m in _token_re().finditer(text)]


def words_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The tokens' words, lowered: a bare vocabulary has no LOWER attribute, so phrases and texts
    are both matched on lowered ORTH."""
    return [text[a:b].lower() for a, b in spans]


def phrase_tokens(phrase: str) -> list[str]:
    return words_of(phrase, tokenize(phrase))


@lru_cache(maxsize=1)
def vocab():
    import_spacy()
    from spacy.vocab import Vocab  # noqa: PLC0415  (spaCy is imported only when a document needs it)

    return Vocab()


def import_spacy() -> None:
    """Import spaCy without its command line. spaCy's package imports `spacy.cli.info` for its
    `spacy.info()` helper, and with it the whole CLI (weasel, httpx, requests, rich): about a
    quarter of spaCy's import time, for nothing a matcher uses. A stand-in for `spacy.cli.info`
    is in place while spaCy imports; then `spacy.info` becomes a function that imports the real
    one on first call, so a program that uses spaCy beside slaextract sees no difference. If
    spaCy's package no longer imports that way, spaCy is imported as it ships."""
    if "spacy" in sys.modules:
        return
    stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": types.ModuleType("spacy.cli.info")}
    stand_ins["spacy.cli"].__path__ = []  # a package with nothing in it: any other CLI import fails
    stand_ins["spacy.cli.info"].info = real_spacy_info  # type: ignore[attr-defined]
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: PLC0415
    except Exception:  # a spaCy that needs more of its CLI at import: start over, as it ships
        forget_spacy()
        import spacy  # noqa: PLC0415, F401  (as it ships)
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def real_spacy_info(*args, **kwargs):
    """spacy.info, imported from spaCy's CLI when first called."""
    from spacy.cli.info import info  # noqa: PLC0415

    return info(*args, **kwargs)


def forget_spacy() -> None:
    for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
        del sys.modules[name]


def make_doc(text: str):
    from spacy.tokens import Doc  # noqa: PLC0415

    spans = tokenize(text)
    words = words_of(text, spans)
    spaces = [b < len(text) and text[b].isspace() for _, b in spans]
    return Doc(vocab(), words=words, spaces=spaces), spans


class PhraseBook:
    """The phrase rules of one rule set, by language, with a matcher per language built on
    first use (a rule set owns its book: two rule folders never share phrases)."""

    def __init__(self, phrases: Iterable[tuple[str, str, list[str]]]) -> None:
        self.phrases: dict[str, dict[str, list[str]]] = {}  # language → rule id → phrases
        for language, rule_id, words in phrases:
            self.phrases.setdefault(language, {})[rule_id] = list(words)
        self._matchers: dict[str, Any] = {}  # language → PhraseMatcher
        # several phrase rules read the same sentence: tokenize it once
        self._doc = lru_cache(maxsize=256)(self._match)

    def _matcher(self, language: str):
        if language not in self._matchers:
            words = vocab()  # imports spaCy, without its command line
            from spacy.matcher import PhraseMatcher  # noqa: PLC0415

            matcher = PhraseMatcher(words, attr="ORTH")
            for rule_id, phrases in self.phrases.get(language, {}).items():
                matcher.add(rule_id, [make_doc(p)[0] for p in phrases])
            self._matchers[language] = matcher
        return self._matchers[language]

    def _match(self, language: str, text: str) -> list[tuple[str, int, int]]:
        """(rule id, start, end) of the phrases in text; where phrases overlap, the longest (then
        the first) wins."""
        matcher = self._matcher(language)
        doc, spans = make_doc(text)
        strings = vocab().strings
        found = sorted(
            ((strings[match_id], spans[start][0], spans[end - 1][1]) for match_id, start, end in matcher(doc)),
            key=lambda m: (m[1], m[1] - m[2]),
        )
        kept: list[tuple[str, int, int]] = []
        for m in found:
            if not kept or m[1] >= kept[-1][2]:
                kept.append(m)
        return kept

    def find(self, language: str, rule_id: str, text: str) -> list[TokenMatch]:
        """Character spans of `rule_id`'s phrases in text, in order."""
        if not text or rule_id not in self.phrases.get(language, {}):
            return []
        return [TokenMatch(text, a, b) for rid, a, b in self._doc(language, text) if rid == rule_id]
