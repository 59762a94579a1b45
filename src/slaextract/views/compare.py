"""Contracts side by side: rows are terms (matched by key across contracts), columns are contracts,
each cell a value with its page and, with a policy, whether a failing finding cites it; then one
row per requirement and a last row saying which contracts meet the policy.

table = build_comparison([summary_a, summary_b, summary_c], policy)
"""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rich.table import Table

from ..model import ClauseSummary
from ..policy import Policy, Verdict, check
from ..policy.messages import Lang
from .diff import Status, rule_status
from .judged import findings_about
from .terms import FIELDS, Term, label, terms_of, view_language
from .textout import console_text, md_cell, page_ref, terminal_width

CellVerdict = Literal["fail", "warn"]
MARKS = {"pass": "✓", "fail": "✗", "warn": "!", "waived": "~"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cell(_Model):
    value: str | None
    page: int | None = None
    quote: str | None = None
    verdict: CellVerdict | None = None  # a finding of the policy cites this clause


class Row(_Model):
    field: str
    term: str
    cells: list[Cell]


class RequirementRow(_Model):
    requirement: str
    description: str
    statuses: list[Status]


class Comparison(_Model):
    contracts: list[str]
    language: Lang
    rows: list[Row]
    policy: str | None = None
    requirements: list[RequirementRow] = []
    meets_policy: list[bool] | None = None


def _cell(terms: list[Term], policy: Policy | None, verdict: Verdict | None) -> Cell:
    if not terms:
        return Cell(value=None)
    ranked = sorted(terms, key=lambda t: t.merit, reverse=True)  # several items under one key: best first
    best = ranked[0]
    quote = " ".join(best.evidence.text.split()) if best.evidence else None
    findings = [f for t in terms for f in findings_about(t, policy, verdict)] if policy and verdict else []
    mark: CellVerdict | None = None
    if findings:
        mark = "fail" if any(f.fails_at("error") for f in findings) else "warn"
    values = "; ".join(dict.fromkeys(t.value for t in ranked))
    return Cell(value=values, page=best.page, quote=quote, verdict=mark)


def _rows(per_contract: list[list[Term]], policy: Policy | None, verdicts: list[Verdict | None]) -> list[Row]:
    order: dict[tuple, Term] = {}
    for terms in per_contract:
        for term in terms:
            order.setdefault(term.key, term)
    keys = sorted(order, key=lambda key: FIELDS.index(order[key].field))  # stable: first contract's order
    rows = []
    for key in keys:
        cells = [
            _cell([t for t in terms if t.key == key], policy, v)
            for terms, v in zip(per_contract, verdicts, strict=True)
        ]
        rows.append(Row(field=order[key].field, term=order[key].row, cells=cells))
    return rows


def _language(summaries: list[ClauseSummary]) -> Lang:
    langs = {view_language(s) for s in summaries}
    return "zh" if langs == {"zh"} else "en"


def build_comparison(summaries: list[ClauseSummary], policy: Policy | None = None) -> Comparison:
    lang = _language(summaries)
    verdicts: list[Verdict | None] = [check(s, policy) if policy else None for s in summaries]
    rows = _rows([terms_of(s, lang) for s in summaries], policy, verdicts)
    names = [Path(s.document.path).name for s in summaries]
    if policy is None:
        return Comparison(contracts=names, language=lang, rows=rows)
    checked = [v for v in verdicts if v is not None]
    requirements = []
    for rule in checked[0].rules:
        statuses = [rule_status(v, rule.id) for v in checked]
        # a self-consistency check earns a row only where it found something
        if rule.type != "consistency" or set(statuses) != {"pass"}:
            requirements.append(RequirementRow(requirement=rule.id, description=rule.description, statuses=statuses))
    meets = [v.passed for v in checked]
    return Comparison(
        contracts=names,
        language=lang,
        rows=rows,
        policy=policy.name or "policy",
        requirements=requirements,
        meets_policy=meets,
    )


def cell_text(cell: Cell) -> str:
    if cell.value is None:
        return "—"
    mark = f" {MARKS[cell.verdict]}" if cell.verdict else ""
    return f"{cell.value} {page_ref(cell.page)}{mark}".strip()


def _status_text(status: Status, lang: Lang) -> str:
    return f"{MARKS[status]} {label(f'status.{status}', lang)}"


def _policy_rows(table: Comparison) -> list[list[str]]:
    """The requirement rows and the last row, as text cells."""
    if table.meets_policy is None:
        return []
    lang = table.language
    rows = [[r.requirement] + [_status_text(s, lang) for s in r.statuses] for r in table.requirements]
    last = label("row.meets_policy", lang, policy=table.policy)
    rows.append([last] + [_status_text("pass" if ok else "fail", lang) for ok in table.meets_policy])
    return rows


def render_text(table: Comparison, width: int | None = None) -> str:
    width = width or terminal_width()  # the terminal's, or COLUMNS; a pipe gets 100
    lang = table.language
    grid = Table(show_lines=False, pad_edge=False, title=label("compare.title", lang), title_justify="left")
    grid.add_column(label("col.term", lang), overflow="fold", ratio=2)
    for name in table.contracts:
        grid.add_column(name, overflow="fold", ratio=3)
    for row in table.rows:
        grid.add_row(row.term, *(cell_text(c) for c in row.cells))
    policy_rows = _policy_rows(table)
    for n, cells in enumerate(policy_rows):
        grid.add_row(*cells, end_section=n == len(policy_rows) - 2, style="bold" if n == len(policy_rows) - 1 else "")
    if policy_rows:
        grid.rows[len(table.rows) - 1].end_section = True
    return console_text([grid], width)


def render_markdown(table: Comparison) -> str:
    lang = table.language
    head = [label("col.term", lang), *(f"`{name}`" for name in table.contracts)]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in table.rows:
        out.append("| " + " | ".join(md_cell(c) for c in [row.term, *(cell_text(x) for x in row.cells)]) + " |")
    policy_rows = _policy_rows(table)
    for n, cells in enumerate(policy_rows):
        bold = n == len(policy_rows) - 1
        out.append("| " + " | ".join(f"**{md_cell(c)}**" if bold else md_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def render_csv(table: Comparison) -> str:
    """One line per term; per contract three columns: value, page, verdict (for spreadsheets)."""
    buffer = StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["field", "term", *(f"{n} {part}" for n in table.contracts for part in ("value", "page", "verdict"))]
    )
    for row in table.rows:
        writer.writerow(
            [row.field, row.term, *(v for c in row.cells for v in (c.value or "", c.page or "", c.verdict or ""))]
        )
    for req in table.requirements:
        writer.writerow(["requirement", req.requirement, *(v for s in req.statuses for v in ("", "", s))])
    if table.meets_policy is not None:
        verdicts = ("pass" if ok else "fail" for ok in table.meets_policy)
        writer.writerow(["policy", table.policy, *(v for s in verdicts for v in ("", "", s))])
    return buffer.getvalue()


def render_json(table: Comparison) -> str:
    return table.model_dump_json(indent=2) + "\n"


def render_html(table: Comparison) -> str:
    from .report_html import comparison_page  # noqa: PLC0415 - the HTML templates load only for this format

    return comparison_page(table)
