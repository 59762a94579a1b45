"""Write patterns/README.md from the field registry and the lexicons (terms, roles, fragments).

    python scripts/patterns_readme.py        # rewrite patterns/README.md
tests/rules/test_loader.py checks that every declared role and lexicon entry is documented.
"""

from __future__ import annotations

from slaextract.fields.registry import CONTEXT_ROLES, FIELDS
from slaextract.lexicon import LexiconFile, lexicon
from slaextract.resources import patterns_dir

INTRO = """# patterns/: what slaextract knows about languages

Everything language-specific lives here; `src/` holds none of it (a test checks). This file is
written by `python scripts/patterns_readme.py`.

- `languages.yaml`: the languages, in the order their entries are joined. **Adding a language** is
  a folder `<code>/` with a `lexicon.yaml` and rule files, plus its code in this list (and, if it
  writes numbers its own way, a section in `units/numbers.yaml`). Nothing in `src/` changes.
- `<lang>/lexicon.yaml`: the language's words and punctuation that code needs outside rules.
- `<lang>/*.yaml`: rule files (a `language`, a `term`, and `rules`).
- `units/`: durations (`durations.yaml`), numerals (`numbers.yaml`), severity tiers (`priorities.yaml`).

Check every rule against its own examples with `slaextract patterns test`.

## Rule ids

`<language>.<area>.<name>`: the file's language, an area its term declares (below), and a name
of lower-case letters, digits, `_`, `-` or `.` (`en.response.kind.update`). The loader rejects
any other form, naming the file and the rule.

## Terms and roles

A rule file's `term` says which field reads it; a rule's `role` says what for. Each field module
in `src/slaextract/fields/` declares the roles it reads (`FIELD` in the module; the list is
`fields/registry.py`); a role no field reads is rejected at load. Every `veto*` role is a veto: a
match keeps the text from giving a value (`veto`: the sentence or clause; `veto_near`: just
before a figure; `veto_sentence`: the whole sentence; `veto_cap`, `veto_claim`: the cap or claim
window only; `veto_note`: drafting notes that no field reads). `prefilter` rules are cheap keyword
lists: a sentence none of them matches is skipped for that term. `table_hint` rules tell the PDF
stage which pages may hold a table of terms (it reads tables only there).

| term | id areas | field (summary key) | roles it reads |
|---|---|---|---|
"""

FRAGMENTS = """
## Fragments

In a rule's `regex`, `{name}` stands for a shared fragment: `{num}` (a number in any listed
language: digits, number words, numerals), `{unit}` (a duration unit), `{duration}` (a number
and a unit, groups `amount` and `unit`), `{pct}` (a percentage), and every lexicon entry below
(the entries of all languages joined: `{cadence}` is `(?:\\bevery|\\beach|每隔?)`).

A lexicon entry is `chars` (a character class), `words` (literal words), `patterns` (a regex
fragment) or `flags` (a yes/no property of the language, not a fragment).

"""

FLAGS = """
Flags: `kind_before_time` (en): the language names a target before its time ("restore
service …, within 4 hours"), so a figure takes the kind named before it.
"""


def codes(names) -> str:
    return ", ".join(f"`{n}`" for n in sorted(names))


def role_rows() -> list[str]:
    rows = []
    for f in FIELDS:
        for term, names in f.roles.items():
            areas = codes(f.id_areas) if term == f.term else "(another field's term)"
            rows.append(f"| `{term}` | {areas} | `{f.name}` | {codes(names)} |")
    for term, names in CONTEXT_ROLES.items():
        rows.append(f"| `{term}` | `context` | (the reading context, not a field) | {codes(names)} |")
    return rows


def shown(entry: LexiconFile, name: str) -> tuple[str | None, str]:
    for kind in ("chars", "words", "patterns"):
        found = getattr(entry, kind).get(name)
        if found is not None:
            text = " ".join(found) if isinstance(found, list) else found
            text = text if len(text) <= 50 else text[:47] + "…"
            return kind, text.replace("|", "\\|")
    return None, ""


def fragment_rows() -> list[str]:
    words = lexicon()
    rows = [f"| name | kind | {' | '.join(words.languages)} |", "|---|---|" + "---|" * len(words.languages)]
    for name in sorted(words.names()):
        found = [shown(f, name) for f in words.files]
        kinds = "/".join(sorted({k for k, _ in found if k}))
        rows.append(f"| `{name}` | {kinds} | " + " | ".join(f"`{v}`" if v else "" for _, v in found) + " |")
    return rows


def main() -> None:
    text = INTRO + "\n".join(role_rows()) + "\n" + FRAGMENTS + "\n".join(fragment_rows()) + "\n" + FLAGS
    (patterns_dir() / "README.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
