"""patterns/*.yaml → validated, compiled rules.

A rule file names its language and term and lists rules. Each rule has an id,
a role (what the extractor uses it for: a trigger, a context that vetoes, a
label of a priority level …), a regex over clean text (see text.clean) in which
``{num}``, ``{duration}``, ``{pct}`` and ``{unit}`` expand to shared fragments,
and examples that must and must not match. Unknown keys are rejected; every
error names the file and the rule.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .. import timeouts
from ..budgets import REGEX_TIMEOUT
from ..errors import RuleError
from ..lexicon import lexicon
from ..normalize.durations import duration_pattern, unit_pattern
from ..normalize.numbers import number_pattern
from ..normalize.percentages import numeral_percent
from ..resources import load_yaml, patterns_dir
from ..text import phrases
from .gate import Gate, literal_gate, may_match, phrase_gate
from .redos import has_nested_unbounded

MATCH_TIMEOUT = REGEX_TIMEOUT
MEMO_SIZE = 4096  # texts a rule remembers its matches in before it forgets them all
LEXICON_FILE = "lexicon.yaml"  # a language's words (slaextract.lexicon), not rules


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    value: dict[str, Any] | None = None


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    match: list[Example | str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)
    todo_match: list[Example | str] = Field(default_factory=list)
    todo_no_match: list[str] = Field(default_factory=list)

    @staticmethod
    def as_example(e: Example | str) -> Example:
        return e if isinstance(e, Example) else Example(text=e)


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z]{2,3}\.[a-z_]+\.[a-z0-9_.-]+$")  # <language>.<area>.<name>
    role: str = Field(pattern=r"^[a-z_]+$")
    regex: str | None = None
    phrases: list[str] | None = Field(
        default=None, min_length=1, description="matched on spaCy tokens instead of a regex"
    )
    description: str | None = None
    value: dict[str, Any] | None = None  # fixed values the rule contributes (e.g. {kind: response})
    examples: Examples

    @field_validator("regex")
    @classmethod
    def no_nested_unbounded(cls, v: str | None, info: ValidationInfo) -> str | None:
        # the built-in rules are checked by the test suite (tests/rules/test_loader.py), not on every run
        trusted = bool(info.context and info.context.get("built_in"))
        if v is not None and not trusted and has_nested_unbounded(v):
            raise ValueError("nested unbounded quantifiers (e.g. (a+)+) can backtrack catastrophically")
        return v

    @model_validator(mode="after")
    def regex_or_phrases(self) -> RuleSpec:
        if (self.regex is None) == (self.phrases is None):
            raise ValueError("a rule has either a regex or a list of phrases, not both or neither")
        return self


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: str = Field(pattern=r"^[a-z]{2,3}$")  # one of patterns/languages.yaml, or "any"
    term: str  # a term some field reads (fields.registry)
    description: str | None = None
    rules: list[RuleSpec]


class Rule:
    """A rule, compiled on first use: a run compiles only the rules its document's language asks
    (a user's rules are compiled as they load, so that a bad regex is reported at once)."""

    __slots__ = ("_every", "_first", "_gate", "_pattern", "book", "expanded", "language", "source", "spec", "term")

    def __init__(
        self, spec: RuleSpec, language: str, term: str, source: str, folder: Path | None = None, eager: bool = True
    ) -> None:
        self.spec, self.language, self.term, self.source = spec, language, term, source
        self.expanded = expand(spec.regex, folder) if spec.regex is not None else None  # fragments filled in
        self._pattern: regex.Pattern | None = None
        self._gate: Gate | bool | None = False  # False: not worked out yet (see gate.py)
        self.book: phrases.PhraseBook | None = None  # a phrase rule's matcher: its RuleSet's book
        self._first: dict[str, object] = {}  # text → its first match, or False (see remember())
        self._every: dict[str, tuple] = {}  # text → all its matches
        if eager:
            _ = self.pattern

    @property
    def pattern(self) -> regex.Pattern | None:
        """The compiled regex; None for a phrase rule."""
        if self._pattern is None and self.expanded is not None:
            try:
                self._pattern = regex.compile(self.expanded, regex.IGNORECASE | regex.VERSION0)
            except regex.error as exc:
                raise RuleError(f"rule {self.spec.id}: bad regex ({exc})", self.source) from None
        return self._pattern

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def role(self) -> str:
        return self.spec.role

    @property
    def gate(self) -> Gate | None:
        """Literals one of which every match contains (gate.py); worked out on first use, so a
        run pays only for the rules its document's language asks."""
        if self._gate is False:
            if self.expanded is not None:
                self._gate = literal_gate(self.expanded)
            else:
                self._gate = phrase_gate([phrases.phrase_tokens(p) for p in self.spec.phrases or []])
        return self._gate  # type: ignore[return-value]

    def finditer(self, text: str):
        if self.expanded is None:
            return iter(self.phrase_matches(text))
        found = self._every.get(text)
        if found is None:
            found = self.remember(self._every, text, self.scan(text, every=True))
        return iter(found or ())

    def search(self, text: str):
        if self.expanded is None:
            found = self.phrase_matches(text)
            return found[0] if found else None
        every = self._every.get(text)
        if every is not None:
            return every[0] if every else None
        first = self._first.get(text)
        if first is None:
            first = self.remember(self._first, text, self.scan(text, every=False))
        return first or None

    # The fields ask the same rule about the same text many times (a table's header cells once
    # per row, a sentence once per field), and a dictionary look-up is cheaper than even the
    # literal gate; so each rule remembers, per text, its first match (what `search` wants: it
    # can stop there) and all its matches (what `finditer` wants).
    def forget(self) -> None:
        self._first.clear()
        self._every.clear()

    @staticmethod
    def remember(memo: dict, text: str, found):
        if found is not None:  # None: the regex timed out, and the next asker should see that too
            if len(memo) >= MEMO_SIZE:  # a bound for long documents and long batches
                memo.clear()
            memo[text] = found
        return found

    def scan(self, text: str, every: bool):
        """All matches (a tuple) or the first (a match, or False for none); None when the regex
        timed out on the text."""
        if not may_match(self.gate, text):  # before compiling: a rule whose gate never opens is never compiled
            return () if every else False
        try:
            if every:
                return tuple(self.pattern.finditer(text, timeout=MATCH_TIMEOUT))  # type: ignore[union-attr]
            return self.pattern.search(text, timeout=MATCH_TIMEOUT) or False  # type: ignore[union-attr]
        except TimeoutError:
            timeouts.note(text)  # the pipeline warns, naming the page
            return None

    def phrase_matches(self, text: str) -> list[phrases.TokenMatch]:
        if not may_match(self.gate, text):  # a text without the phrases' tokens never loads spaCy
            return []
        if self.book is None:
            raise RuleError(f"phrase rule {self.id} is used outside a rule set", self.source)
        return self.book.find(self.language, self.id, text)


@cache
def fragments(folder: Path | None = None) -> dict[str, str]:
    """What `{name}` in a rule's regex stands for: numbers, durations, percentages and every
    entry of the languages' lexicons (patterns/<lang>/lexicon.yaml)."""
    words = lexicon(folder)
    out = {name: words.pattern(name) for name in sorted(words.names())}
    out |= {
        "num": number_pattern(),
        "unit": unit_pattern(),
        "duration": duration_pattern(),
        "pct": rf"(?:{number_pattern()})\s*%|{numeral_percent(group=False)}",
    }
    return out


def expand(source: str, folder: Path | None = None) -> str:
    out = source
    for name, frag in fragments(folder).items():
        out = out.replace("{" + name + "}", frag)
    return out


class RuleSet:
    """All rules, indexed by (term, role) and filtered by language."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        book = phrases.PhraseBook((r.language, r.id, r.spec.phrases) for r in rules if r.spec.phrases is not None)
        for r in rules:
            r.book = book
        self._by: dict[tuple[str, str], list[Rule]] = defaultdict(list)
        for r in rules:
            self._by[(r.term, r.role)].append(r)
        self._by_lang: dict[tuple[str, str, str | None], list[Rule]] = {}  # filled on demand

    def prepare(self) -> RuleSet:
        """Every rule compiled and gated now (a batch's parent does this once, before its workers
        fork, so that no worker compiles a rule)."""
        for rule in self.rules:
            _ = rule.pattern, rule.gate
        return self

    def forget_texts(self) -> None:
        """Drop every rule's memory of the texts it was asked about (a document's sentences):
        a worker that reads thousands of documents keeps none of them alive."""
        for rule in self.rules:
            rule.forget()

    def get(self, term: str, role: str, lang: str | None = None) -> list[Rule]:
        key = (term, role, lang)
        found = self._by_lang.get(key)
        if found is None:  # extractors ask the same question for every sentence: filter once
            found = self._by.get((term, role), [])
            if lang is not None and lang != "mixed":
                found = [r for r in found if r.language in (lang, "any")]
            self._by_lang[key] = found
        return found

    def search_any(self, term: str, role: str, text: str, lang: str | None = None):
        for rule in self.get(term, role, lang):
            m = rule.search(text)
            if m:
                return rule, m
        return None

    def table_hint(self, text: str) -> bool:
        """Whether a page with this line may hold a table of terms (the PDF stage reads a page's
        tables, which is slow, only when one of its lines says so): any language's hint."""
        return any(r.search(text) for r in self.get("context", "table_hint"))

    def may_match(self, term: str, text: str, lang: str | None = None) -> bool:
        """False when the term's `prefilter` rules (cheap keyword lists, linted to cover every
        positive example of the term) all miss: most sentences of a long contract name no channel
        and no support hours, and one cheap search beats a dozen full ones."""
        prefilters = self.get(term, "prefilter", lang)
        return not prefilters or any(r.search(text) for r in prefilters)


def load_file(path: Path, folder: Path | None = None) -> list[Rule]:
    """One rule file; `folder` is the user's patterns folder, None for the built-in rules (trusted)."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"not valid YAML ({exc})", str(path)) from None
    try:
        spec = RuleFile.model_validate(data, context={"built_in": folder is None})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        rule_id = rule_id_at(data, first["loc"])
        raise RuleError(f"{where}{' (rule ' + rule_id + ')' if rule_id else ''}: {first['msg']}", str(path)) from None
    known = (*lexicon(folder).languages, "any")
    if spec.language not in known:
        listed = ", ".join(known)
        raise RuleError(f"language {spec.language!r} is not one of {listed} (patterns/languages.yaml)", str(path))
    for r in spec.rules:
        check_rule(r, spec, str(path))
    return [Rule(r, spec.language, spec.term, str(path), folder, eager=folder is not None) for r in spec.rules]


def check_rule(rule: RuleSpec, spec: RuleFile, source: str) -> None:
    """A rule's role is one its term's fields read, and its id is <language>.<area>.<name> with
    the file's language and an area of the term (fields declare both: fields.registry)."""
    from ..fields.registry import declared_areas, declared_roles  # noqa: PLC0415  (fields import rules)

    if spec.term not in declared_roles():
        raise RuleError(f"unknown term {spec.term!r} (known: {', '.join(sorted(declared_roles()))})", source)
    known = declared_roles()[spec.term]
    if rule.role not in known:
        listed = ", ".join(sorted(known))
        raise RuleError(f"rule {rule.id}: unknown role {rule.role!r} for term {spec.term} (known: {listed})", source)
    language, area, _ = rule.id.split(".", 2)
    if language != spec.language:
        raise RuleError(f"rule {rule.id}: its id must start with the file's language ({spec.language}.)", source)
    areas = declared_areas().get(spec.term, frozenset())
    if area not in areas:
        listed = ", ".join(sorted(areas))
        raise RuleError(f"rule {rule.id}: the id's area must be one of {listed} for term {spec.term}", source)


def rule_id_at(data: Any, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            return str(data["rules"][loc[1]].get("id"))
        except (KeyError, IndexError, TypeError, AttributeError):
            return None
    return None


def load_rules(folder: Path | None = None) -> RuleSet:
    folder = folder or patterns_dir()
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*/*.yaml")):
        if path.parent.name == "units" or path.name == LEXICON_FILE:
            continue
        for rule in load_file(path, None if folder == patterns_dir() else folder):
            if rule.id in seen:
                raise RuleError(f"rule id {rule.id} is also defined in {seen[rule.id]}", str(path))
            seen[rule.id] = str(path)
            rules.append(rule)
    return RuleSet(rules)


@cache
def default_rules() -> RuleSet:
    return load_rules()
