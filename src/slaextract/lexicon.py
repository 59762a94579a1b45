"""Each language's words and punctuation, read from ``patterns/<lang>/lexicon.yaml``.

The code is language-neutral: where it needs a language's words (the words of a cadence,
page marks, hyphenation tails, clause punctuation …) it asks for a named entry, and gets the
entries of every language in ``patterns/languages.yaml`` joined together. Rules use the same
names as fragments (``{cadence}``), the way they use ``{num}``. An entry is one of

- ``chars``: a string of characters (a character class: ``[...]``),
- ``words``: a list of literal words or phrases (an alternation of the escaped words),
- ``patterns``: a regex fragment (alternated with the other languages' fragments),
- ``flags``: a yes/no property of the language (not a fragment).

Adding a language is a folder ``patterns/<lang>/`` (its lexicon and rules) and its name in
``patterns/languages.yaml``; nothing in ``src/`` changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleError
from .resources import load_yaml, patterns_dir

NEVER = "(?!)"  # the fragment of a name no language defines: matches nothing


class LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: str
    chars: dict[str, str] = Field(default_factory=dict)
    words: dict[str, list[str]] = Field(default_factory=dict)
    patterns: dict[str, str] = Field(default_factory=dict)
    flags: dict[str, bool] = Field(default_factory=dict)


class Lexicon:
    """The entries of every language, in the order of patterns/languages.yaml."""

    def __init__(self, files: list[LexiconFile]) -> None:
        self.files = files
        self.languages = tuple(f.language for f in files)

    def chars(self, name: str) -> str:
        """The characters every language lists under `name`."""
        return "".join(f.chars[name] for f in self.files if name in f.chars)

    def words(self, name: str) -> list[str]:
        return [w for f in self.files for w in f.words.get(name, [])]

    def flag(self, name: str, language: str) -> bool:
        return any(f.flags.get(name, False) for f in self.files if f.language == language)

    def names(self) -> set[str]:
        return {n for f in self.files for n in (*f.chars, *f.words, *f.patterns)}

    def pattern(self, name: str) -> str:
        """`name` as one regex fragment (a group without captures, or a character class)."""
        alternatives = []
        for f in self.files:
            if name in f.chars:
                alternatives.append(f"[{regex.escape(f.chars[name])}]")
            if name in f.words:
                alternatives += [regex.escape(w) for w in f.words[name]]
            if name in f.patterns:
                alternatives.append(f.patterns[name])
        if not alternatives:
            return NEVER
        return f"(?:{'|'.join(alternatives)})"


def load_languages(folder: Path) -> tuple[str, ...]:
    path = folder / "languages.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"not valid YAML ({exc})", str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot read the list of languages ({exc.strerror})", str(path)) from None
    if not isinstance(data, list) or not all(isinstance(x, str) and regex.fullmatch(r"[a-z]{2,3}", x) for x in data):
        raise RuleError("expected a list of language codes such as [en, zh]", str(path))
    return tuple(data)


def load_lexicon(folder: Path) -> Lexicon:
    files = []
    for language in load_languages(folder):
        path = folder / language / "lexicon.yaml"
        try:
            spec = LexiconFile.model_validate(load_yaml(path.read_text(encoding="utf-8")))
        except yaml.YAMLError as exc:
            raise RuleError(f"not valid YAML ({exc})", str(path)) from None
        except OSError as exc:
            raise RuleError(f"cannot read the lexicon ({exc.strerror})", str(path)) from None
        except ValidationError as exc:
            first = exc.errors()[0]
            raise RuleError(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", str(path)) from None
        if spec.language != language:
            raise RuleError(f"language {spec.language!r} in the folder of {language!r}", str(path))
        files.append(spec)
    return Lexicon(files)


@cache
def lexicon(folder: Path | None = None) -> Lexicon:
    """The lexicon of a patterns folder; a folder of rules alone (no languages.yaml) reads with
    the built-in lexicon."""
    if folder is None or not (folder / "languages.yaml").is_file():
        folder = patterns_dir()
    return load_lexicon(folder)


def fragment(name: str) -> str:
    """A named entry of the built-in lexicon as a regex fragment."""
    return lexicon().pattern(name)


def chars(*names: str) -> str:
    """The characters of the named `chars` entries, escaped, for one character class."""
    return regex.escape(marks(*names))


def marks(*names: str) -> str:
    """The characters of the named `chars` entries, as they are (to look for one by one)."""
    return "".join(lexicon().chars(name) for name in names)


def languages() -> tuple[str, ...]:
    return lexicon().languages
