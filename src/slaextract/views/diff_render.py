"""A SummaryDiff as text (terminal width), JSON, Markdown (a pull-request comment) or GitHub annotations."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .diff import Change, Side, SummaryDiff
from .terms import label
from .textout import console_text, md_cell, page_ref, terminal_width

MARKS = {"worse": "▼", "better": "▲", "neutral": "•"}
MD_MARKS = {"worse": "🔴", "better": "🟢", "neutral": "⚪"}
STYLES = {"worse": "bold red", "better": "green", "neutral": "dim"}


def _value(side: Side | None) -> str:
    return f"{side.value} {page_ref(side.page)}".strip() if side else "—"


def _counts(diff: SummaryDiff) -> str:
    return label(
        "diff.counts",
        diff.language,
        worse=diff.count("worse"),
        better=diff.count("better"),
        neutral=diff.count("neutral"),
        same=diff.unchanged,
    )


def _judgement(change: Change, diff: SummaryDiff) -> str:
    return label(f"judge.{change.judgement}", diff.language)


def _status(status: str, diff: SummaryDiff) -> str:
    return label(f"status.{status}", diff.language)


def _overall(passed: bool, diff: SummaryDiff) -> str:
    return _status("pass" if passed else "fail", diff)


def render_text(diff: SummaryDiff, width: int | None = None) -> str:
    width = width or terminal_width()  # the terminal's, or COLUMNS; a pipe gets 100
    lang = diff.language
    blocks: list[object] = [Text(label("diff.title", lang, old=diff.old, new=diff.new), style="bold")]
    blocks.append(Text(_counts(diff)))
    if diff.changes:
        table = Table(show_lines=False, expand=False, pad_edge=False)
        for column in ("col.term", "col.old", "col.new", "col.judgement"):
            table.add_column(label(column, lang), overflow="fold")
        for change in diff.changes:
            verdict = Text(f"{MARKS[change.judgement]} {_judgement(change, diff)}", style=STYLES[change.judgement])
            if change.note:
                verdict.append(f"\n{change.note}", style="dim")
            table.add_row(change.term, _value(change.old), _value(change.new), verdict)
        blocks.append(table)
        if any(c.field == "availability" for c in diff.changes):
            blocks.append(Text(label("diff.month_note", lang), style="dim"))
    else:
        blocks.append(Text(label("diff.none", lang)))
    blocks += _policy_text(diff)
    return console_text(blocks, width)


def _policy_text(diff: SummaryDiff) -> list[object]:
    if diff.policy is None:
        return []
    policy = diff.policy
    name = policy.policy or "(unnamed)"
    lines: list[object] = [
        Text(label("diff.policy_overall", diff.language, policy=name,
                   old=_overall(policy.old_passed, diff), new=_overall(policy.new_passed, diff)), style="bold")
    ]  # fmt: skip
    for flip in policy.flips:
        lines.append(Text(f"  {flip.requirement}: {_status(flip.old, diff)} → {_status(flip.new, diff)}"
                          f"  ({flip.description})"))  # fmt: skip
    return lines


def render_markdown(diff: SummaryDiff) -> str:
    lang = diff.language
    out = [f"### {label('diff.title', lang, old=f'`{diff.old}`', new=f'`{diff.new}`')}", "", _counts(diff), ""]
    if diff.changes:
        heads = [label(k, lang) for k in ("col.term", "col.old", "col.new", "col.judgement")]
        out += ["| " + " | ".join(heads) + " |", "|---|---|---|---|"]
        for change in diff.changes:
            verdict = f"{MD_MARKS[change.judgement]} {_judgement(change, diff)}"
            if change.note:
                verdict += f" — {change.note}"
            cells = [change.term, _value(change.old), _value(change.new), verdict]
            out.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
        if any(c.field == "availability" for c in diff.changes):
            out += ["", f"<sub>{label('diff.month_note', lang)}</sub>"]
    else:
        out.append(label("diff.none", lang))
    out += _policy_markdown(diff)
    out += _quotes_markdown(diff)
    return "\n".join(out) + "\n"


def _policy_markdown(diff: SummaryDiff) -> list[str]:
    if diff.policy is None:
        return []
    policy = diff.policy
    name = f"`{policy.policy or '(unnamed)'}`"
    head = label("diff.policy_overall", diff.language, policy=name,
                 old=_overall(policy.old_passed, diff), new=_overall(policy.new_passed, diff))  # fmt: skip
    out = ["", f"**{head}**", ""]
    for flip in policy.flips:
        out.append(f"- `{flip.requirement}`: {_status(flip.old, diff)} → **{_status(flip.new, diff)}** "
                   f"— {md_cell(flip.description)}")  # fmt: skip
    return out


def _quotes_markdown(diff: SummaryDiff) -> list[str]:
    """The clauses behind each change, folded away so the comment stays short."""
    rows = []
    for change in diff.changes:
        for tag, side in ((label("col.old", diff.language), change.old), (label("col.new", diff.language), change.new)):
            if side and side.quote:
                rows.append(f"- **{md_cell(change.term)}** ({tag}, {page_ref(side.page)}): “{md_cell(side.quote)}”")
    if not rows:
        return []
    return ["", "<details><summary>Evidence</summary>", "", *rows, "", "</details>"]


def render_github(diff: SummaryDiff) -> str:
    """Workflow commands: a warning per worse change, a notice per other change, on the new file."""
    lines = []
    for change in diff.changes:
        level = "warning" if change.judgement == "worse" else "notice"
        title = f"slaextract diff: {change.term} {_judgement(change, diff)}"
        message = f"{_value(change.old)} → {_value(change.new)}" + (f" ({change.note})" if change.note else "")
        lines.append(f"::{level} file={_escape_property(diff.new)},title={_escape_property(title)}::{_escape(message)}")
    if diff.policy is not None:
        for flip in diff.policy.flips:
            level = "error" if flip.new == "fail" else "notice"
            message = f"{flip.requirement}: {flip.old} → {flip.new} ({flip.description})"
            lines.append(f"::{level} file={_escape_property(diff.new)},title=slaextract policy::{_escape(message)}")
    lines.append(_counts(diff))
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def render_json(diff: SummaryDiff) -> str:
    return diff.model_dump_json(indent=2) + "\n"
