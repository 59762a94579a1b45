"""Score clause summaries against hand-annotated gold files: `slaextract score GOLD_DIR`.

A gold file ``NAME.gold.json`` sits beside its contract (``NAME.pdf``, ``.docx``, ``.html``, ``.md`` or ``.txt``) and
holds the terms a careful reader finds, in the summary's own field names. Only each item's key
is compared (evidence, scope and wording are not): coverage (days_per_week, hours_per_day),
response_times (rank, kind, minutes), channels (channel), availability (percent),
service_credits (below_percent, credit_percent), credit_cap_percent and claim_window_days.
Counts are micro-averaged per field, per language and overall; every miss is listed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .suffixes import DOCUMENT_SUFFIXES

SCALARS = ("credit_cap_percent", "claim_window_days")
ITEM_KEYS = {  # what a gold item must have (the registry's score keys read these)
    "coverage": ("days_per_week", "hours_per_day"),
    "response_times": ("rank", "kind", "minutes"),
    "channels": ("channel",),
    "availability": ("percent",),
    "service_credits": ("below_percent", "credit_percent"),
}
CONTRACT_SUFFIXES = DOCUMENT_SUFFIXES  # the contract beside a gold file: a PDF first
GOLD_SUFFIX = ".gold.json"


def _registry():
    from .fields.registry import FIELDS as REGISTRY  # noqa: PLC0415  (the fields import the rule stack)

    return REGISTRY


def field_names() -> list[str]:
    return [f.name for f in _registry()]


def keys(summary: dict, name: str) -> set:
    """The comparable keys of one field of a summary or gold file (each field's score key)."""
    spec = next(f for f in _registry() if f.name == name)
    val = summary.get(name)
    if spec.scalar:
        return set() if val is None else {spec.score_key(val)}
    return {spec.score_key(item) for item in val or []}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    """Counts per (language, field), and every miss ("name field MISSED key" / "SPURIOUS")."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, gold: dict, pred: dict, language: str | None = None) -> None:
        lang = language or gold.get("language") or (gold.get("document") or {}).get("language") or "?"
        for f in field_names():
            g, p = keys(gold, f), keys(pred, f)
            self.counts[(lang, f)].add(Counts(len(g & p), len(p - g), len(g - p)))
            self.errors += [f"{name} {f} MISSED {k}" for k in sorted(g - p, key=str)]
            self.errors += [f"{name} {f} SPURIOUS {k}" for k in sorted(p - g, key=str)]

    def languages(self) -> list[str]:
        return sorted({lang for lang, _ in self.counts})

    def total(self, language: str | None = None, name: str | None = None) -> Counts:
        out = Counts()
        for (lang, f), c in self.counts.items():
            if (language is None or lang == language) and (name is None or f == name):
                out.add(c)
        return out

    def field_f1(self, name: str) -> float:
        return self.total(name=name).f1

    def overall_f1(self) -> float:
        return self.total().f1

    def table(self, language: str | None = None) -> list[str]:
        head = f"[{language or 'all'}]"
        lines = [f"{head:6} {'field':20} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
        for f in [*field_names(), None]:
            c = self.total(language, f)
            name = f or "overall"
            lines.append(f"{'':6} {name:20} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}   {c.tp}/{c.fp}/{c.fn}")
        return lines

    def report(self, misses: int | None = None) -> str:
        """Tables (all, then each language) and the misses (all of them unless `misses` caps it)."""
        lines = self.table()
        for lang in self.languages() if len(self.languages()) > 1 else []:
            lines += ["", *self.table(lang)]
        shown = self.errors if misses is None else self.errors[:misses]
        if shown:
            lines += ["", *shown]
        return "\n".join(lines)

    def as_json(self) -> dict:
        def block(language: str | None) -> dict:
            fields = {f: self._counts_json(self.total(language, f)) for f in field_names()}
            return {"fields": fields, "overall": self._counts_json(self.total(language))}

        return {
            "all": block(None),
            "languages": {lang: block(lang) for lang in self.languages()},
            "misses": self.errors,
        }

    @staticmethod
    def _counts_json(c: Counts) -> dict:
        return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}


@dataclass(frozen=True)
class GoldCase:
    name: str
    gold_path: Path
    contract: Path | None  # None: no contract file beside the gold file


def gold_cases(folder: Path) -> list[GoldCase]:
    """Every NAME.gold.json under folder, with the contract file of the same NAME beside it."""
    cases = []
    for gold_path in sorted(folder.rglob(f"*{GOLD_SUFFIX}")):
        name = gold_path.name[: -len(GOLD_SUFFIX)]
        contract = next(
            (p for s in CONTRACT_SUFFIXES if (p := gold_path.with_name(name + s)).is_file()),
            None,
        )
        cases.append(GoldCase(name, gold_path, contract))
    return cases


def load_gold(path: Path) -> dict:
    """The gold file as a dict; ValueError with a reason a user can act on."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise ValueError("a gold file is a JSON object with the summary's field names")
    for f in field_names():
        val = data.get(f)
        if f in SCALARS:
            if val is not None and not isinstance(val, int | float):
                raise ValueError(f"{f} must be a number or null")
        elif val is not None and not (isinstance(val, list) and all(isinstance(i, dict) for i in val)):
            raise ValueError(f"{f} must be a list of objects")
        elif val and any(k not in item for item in val for k in ITEM_KEYS[f]):
            raise ValueError(f"every {f} item needs {', '.join(ITEM_KEYS[f])}")
    return data


def score_folder(folder: Path, summarize: Callable[[Path], dict]) -> tuple[Tally, list[str]]:
    """Score every gold file under folder; summarize(contract) gives the summary as JSON data (or
    raises SlaError). Problems (a gold file without a contract, an unreadable one) are returned
    as lines "path: reason", and the other files are still scored."""
    from .errors import SlaError  # noqa: PLC0415

    tally, problems = Tally(), []
    cases = gold_cases(folder)
    if not cases:
        problems.append(f"{folder}: no *{GOLD_SUFFIX} files (see the README: Scoring your own rules)")
    for case in cases:
        try:
            gold = load_gold(case.gold_path)
        except ValueError as exc:
            problems.append(f"{case.gold_path}: {exc}")
            continue
        if case.contract is None:
            problems.append(f"{case.gold_path}: no {case.name}{{{','.join(CONTRACT_SUFFIXES)}}} beside it")
            continue
        try:
            pred = summarize(case.contract)
        except SlaError as exc:
            problems.append(f"{case.contract}: {exc.message}")
            continue
        language = gold.get("language") or (gold.get("document") or {}).get("language")
        tally.add(case.name, gold, pred, language or pred["document"]["language"])
    return tally, problems
