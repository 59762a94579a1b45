"""Language knowledge lives in patterns/, not in src/: no CJK literal and no English word list in
the code (docstrings and comments may quote examples), and a new language is data only."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import regex

SRC = Path(__file__).resolve().parents[2] / "src" / "slaextract"
# Han, CJK punctuation, full-width forms and the Unicode roman numerals of Chinese documents
CJK = regex.compile(r"[\p{Han}\u3000-\u303F\uFF00-\uFFEF\u2160-\u217F]")
# a regex alternation of five or more words ("under|below|less|than|…")
WORD_ALTERNATION = regex.compile(r"(?:\b[A-Za-z]{2,}\b\|){4,}\b[A-Za-z]{2,}\b")
MIN_WORD_LIST = 8  # a literal list, tuple or set of this many lower-case words is a word list


def docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def code_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal that is not a docstring (comments are not tokens)."""
    source = path.read_text(encoding="utf-8")
    skip = docstring_lines(ast.parse(source))
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    return [
        (tok.start[0], tok.string)
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type in kinds and tok.start[0] not in skip
    ]


def word_lists(path: Path) -> list[int]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) >= MIN_WORD_LIST and all(regex.fullmatch(r"[a-z]+", w) for w in words):
                out.append(node.lineno)
    return out


def sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_cjk_literal_in_src() -> None:
    found = [f"{p.relative_to(SRC)}:{line}" for p in sources() for line, text in code_strings(p) if CJK.search(text)]
    assert found == [], "CJK text belongs in patterns/<lang>/lexicon.yaml: " + ", ".join(found)


def test_no_english_word_list_in_src() -> None:
    found = [
        f"{p.relative_to(SRC)}:{line}"
        for p in sources()
        for line, text in code_strings(p)
        if WORD_ALTERNATION.search(text)
    ]
    found += [f"{p.relative_to(SRC)}:{line}" for p in sources() for line in word_lists(p)]
    assert found == [], "word lists belong in patterns/<lang>/lexicon.yaml: " + ", ".join(found)


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""Docstrings may quote 中文."""\n'
        'WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]\n'
        'PATTERN = r"\\b(?:under|below|less|than|beneath)\\b|低于"\n',
        encoding="utf-8",
    )
    assert [line for line, text in code_strings(bad) if CJK.search(text)] == [3]
    assert [line for line, text in code_strings(bad) if WORD_ALTERNATION.search(text)] == [3]
    assert word_lists(bad) == [2]


TOY_LEXICON = """
language: xx
words:
  cadence: [ogni]
chars:
  clause_end: "¦"
patterns:
  business_hours: 'ore\\s+lavorative'
"""
TOY_RULES = """
language: xx
term: response_times
rules:
  - id: xx.response.kind.update
    role: kind
    value: {kind: update}
    regex: '{cadence}\\s+aggiornamento'
    examples:
      match: ["ogni aggiornamento"]
      no_match: ["aggiornamento"]
"""


def toy_patterns(tmp_path: Path) -> Path:
    """The built-in patterns plus a toy language `xx`: a lexicon, one rule file, its code in the list."""
    import shutil

    from slaextract.resources import patterns_dir

    folder = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), folder)
    (folder / "xx").mkdir()
    (folder / "xx" / "lexicon.yaml").write_text(TOY_LEXICON, encoding="utf-8")
    (folder / "xx" / "response_times.yaml").write_text(TOY_RULES, encoding="utf-8")
    with (folder / "languages.yaml").open("a", encoding="utf-8") as fh:
        fh.write("- xx\n")
    return folder


def test_a_new_language_is_a_folder_and_a_line_in_the_list(tmp_path: Path) -> None:
    from slaextract.lexicon import lexicon
    from slaextract.rules import load_rules
    from slaextract.selftest import run_examples

    folder = toy_patterns(tmp_path)
    words = lexicon(folder)
    assert words.languages == ("en", "zh", "xx")
    # its words join the other languages' under the same names, for code and rules alike
    assert regex.fullmatch(words.pattern("cadence"), "ogni") and regex.fullmatch(words.pattern("cadence"), "every")
    assert "¦" in words.chars("clause_end")
    rules = load_rules(folder)
    toy = rules.get("response_times", "kind", "xx")
    assert [r.id for r in toy if r.language == "xx"] == ["xx.response.kind.update"]
    assert toy[-1].search("ogni aggiornamento") and not toy[-1].search("un aggiornamento")
    failures, count = run_examples(folder)
    assert failures == [] and count > 1


def test_a_rule_file_of_an_unlisted_language_is_rejected(tmp_path: Path) -> None:
    import pytest

    from slaextract.errors import RuleError
    from slaextract.rules import load_rules

    folder = toy_patterns(tmp_path)
    (folder / "languages.yaml").write_text("- en\n- zh\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"xx.*languages\.yaml"):
        load_rules(folder)
