"""The clause summary as readable tables (rich), each term with its page reference."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from ..model import ClauseSummary, Evidence
from ..views.textout import terminal_width


def _page(ev: Evidence | None) -> str:
    return f"p.{ev.page}" if ev else ""


def _quote(ev: Evidence | None, width: int = 70) -> str:
    if ev is None:
        return ""
    return ev.text if len(ev.text) <= width else ev.text[: width - 1] + "…"


def _fmt_minutes(minutes: float, business: bool) -> str:
    suffix = " (business)" if business else ""
    if minutes % 1440 == 0:
        return f"{minutes / 1440:g} d{suffix}"
    if minutes % 60 == 0:
        return f"{minutes / 60:g} h{suffix}"
    return f"{minutes:g} min{suffix}"


def render(summary: ClauseSummary, width: int | None = None) -> str:
    buf = io.StringIO()
    # the terminal's width (issue 16): tables fold their cells to fit 80 columns
    con = Console(file=buf, width=width or terminal_width(120), force_terminal=False, color_system=None)
    d = summary.document
    con.print(f"[bold]{d.path}[/bold]  {d.pages} pages, language {d.language}")

    def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
        t = Table(title=title, title_justify="left", show_lines=False)
        for c in columns:
            t.add_column(c)
        for r in rows:
            t.add_row(*r)
        if not rows:
            t.add_row(*(["(none found)"] + [""] * (len(columns) - 1)))
        con.print(t)

    table(
        "Support coverage",
        ["days × hours", "scope", "page", "evidence"],
        [
            [f"{c.days_per_week} × {c.hours_per_day:g}", c.scope or "", _page(c.evidence), _quote(c.evidence)]
            for c in summary.coverage
        ],
    )
    table(
        "Response times",
        ["priority", "rank", "kind", "target", "scope", "page"],
        [
            [
                r.priority or "(any)",
                str(r.rank or ""),
                r.kind,
                _fmt_minutes(r.minutes, r.business_time),
                r.scope or "",
                _page(r.evidence),
            ]
            for r in summary.response_times
        ],
    )
    table(
        "Channels",
        ["channel", "detail", "page"],
        [[c.channel, c.detail or "", _page(c.evidence)] for c in summary.channels],
    )
    table(
        "Availability",
        ["percent", "period", "scope", "page", "evidence"],
        [
            [f"{a.percent:g}%", a.period or "", a.scope or "", _page(a.evidence), _quote(a.evidence)]
            for a in summary.availability
        ],
    )
    table(
        "Service credits",
        ["below", "credit", "page"],
        [[f"{s.below_percent:g}%", f"{s.credit_percent:g}%", _page(s.evidence)] for s in summary.service_credits],
    )
    cap = f"{summary.credit_cap_percent:g}%" if summary.credit_cap_percent is not None else "not stated"
    window = f"{summary.claim_window_days:g} days" if summary.claim_window_days is not None else "not stated"
    con.print(f"Credit cap: {cap} {_page(summary.credit_cap_evidence)}")
    con.print(f"Claim window: {window} {_page(summary.claim_window_evidence)}")
    for w in summary.warnings:
        con.print(f"warning: {w}")
    return buf.getvalue()
