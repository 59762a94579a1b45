"""Phrase rules on spaCy tokens (blank pipelines: no trained model, nothing downloaded).

A rule that lists ``phrases`` instead of a regex is matched by a PhraseMatcher on
tokens. For Chinese the pipeline segments with jieba, which keeps numbers whole
("15", "99.95%", "一个半") where spaCy's default character segmenter would split
them, and every phrase is added to jieba's dictionary so that it stays one token
("企业微信群" is not cut into 企业 / 微信群). spaCy and jieba are imported only when a
document's language has phrase rules, so an English contract never pays for the
Chinese segmenter.
"""

from __future__ import annotations

import logging
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


@lru_cache(maxsize=4)
def pipeline(language: str):
    import spacy  # noqa: PLC0415  (about a second to import: only documents that need it pay)

    if language == "zh":
        import jieba  # noqa: PLC0415

        jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary on stderr
        return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    return spacy.blank(language)


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
            from spacy.matcher import PhraseMatcher  # noqa: PLC0415

            nlp = pipeline(language)
            if language == "zh":
                import jieba  # noqa: PLC0415

                for phrases in self.phrases.get(language, {}).values():
                    for phrase in phrases:
                        jieba.add_word(phrase)
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            for rule_id, phrases in self.phrases.get(language, {}).items():
                matcher.add(rule_id, [nlp.make_doc(p) for p in phrases])
            self._matchers[language] = matcher
        return self._matchers[language]

    def _match(self, language: str, text: str):
        matcher = self._matcher(language)
        doc = pipeline(language).make_doc(text)
        return doc, matcher(doc)

    def find(self, language: str, rule_id: str, text: str) -> list[TokenMatch]:
        """Character spans of `rule_id`'s phrases in text, in order."""
        if not text or rule_id not in self.phrases.get(language, {}):
            return []
        doc, matches = self._doc(language, text)
        vocab = doc.vocab.strings
        out = []
        for match_id, start, end in matches:
            if vocab[match_id] == rule_id:
                span = doc[start:end]
                out.append(TokenMatch(text, span.start_char, span.end_char))
        return sorted(out, key=lambda m: m.start())
