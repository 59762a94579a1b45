"""Plain text for people, rendered with rich: per file, each requirement with its findings and pages."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group
from rich.text import Text

from ...policy.findings import Finding, RuleInfo, Verdict
from .base import CheckReport, CheckResult, page_of, quote

MARKS = {"fail": ("✗", "bold red"), "warn": ("!", "yellow"), "pass": ("✓", "green"), "waived": ("~", "cyan")}


def _status(rule: RuleInfo, verdict: Verdict, report: CheckReport) -> str:
    findings = verdict.findings_for(rule.id)
    if any(f.fails_at(report.fail_on) for f in findings):
        return "fail"
    if findings:
        return "warn"
    return "waived" if verdict.waived_for(rule.id) else "pass"


def _finding_lines(finding: Finding) -> list[Text]:
    page = page_of(finding)
    head = Text("      ")
    head.append(f"{finding.severity} · {finding.kind.replace('_', ' ')}", style="dim")
    head.append(f" · p.{page}" if page else " · no page", style="dim")
    head.append(": " + finding.message)
    if finding.waiver is not None:
        head.append(f" (waived until {finding.waiver.expires}: {finding.waiver.reason})", style="cyan")
    lines = [head]
    if text := quote(finding):
        lines.append(Text(f"        “{text}”", style="italic dim"))
    return lines


def _verdict_lines(verdict: Verdict, report: CheckReport) -> list[Text]:
    lines: list[Text] = []
    for rule in verdict.rules:
        status = _status(rule, verdict, report)
        mark, style = MARKS[status]
        line = Text(f"  {mark} ", style=style)
        line.append(rule.id, style="bold")
        line.append(f"  {rule.description}", style="dim")
        lines.append(line)
        for finding in verdict.findings_for(rule.id) + verdict.waived_for(rule.id):
            lines += _finding_lines(finding)
    for waiver in verdict.expired_waivers:
        lines.append(
            Text(
                f"  waiver for {waiver.requirement} expired on {waiver.expires}; it no longer applies",
                style="yellow",
            )
        )
    return lines


def _header(result: CheckResult, report: CheckReport) -> Text:
    line = Text(result.path, style="bold")
    if result.verdict is None:
        return line.append(f": cannot check: {result.error}", style="bold red")
    verdict = result.verdict
    failing = len(verdict.failing(report.fail_on))
    other = len(verdict.findings) - failing
    outcome, style = ("FAIL", "bold red") if failing else ("PASS", "bold green")
    line.append(f" — policy {verdict.policy or '(unnamed)'}: ")
    line.append(outcome, style=style)
    counts = {"failing": failing, "not failing": other, "waived": len(verdict.waived)}
    shown = [f"{n} {label}" for label, n in counts.items() if n]
    return line.append(f" ({', '.join(shown)})" if shown else "", style="dim")


def _summary(report: CheckReport) -> Text:
    checked = [r for r in report.results if r.verdict is not None]
    failed = sum(not r.verdict.passed_at(report.fail_on) for r in checked if r.verdict)
    unreadable = len(report.results) - len(checked)
    return Text(
        f"{len(report.results)} file(s): {len(checked) - failed} passed, {failed} failed, {unreadable} not checked",
        style="bold",
    )


def render(report: CheckReport) -> str:
    blocks: list[Text] = []
    for result in report.results:
        blocks.append(_header(result, report))
        if result.verdict is not None:
            blocks += _verdict_lines(result.verdict, report)
        blocks.append(Text(""))
    blocks.append(_summary(report))
    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=report.color,
        no_color=not report.color,
        color_system="standard" if report.color else None,
        highlight=False,
    )
    # No hard wrapping: a finding stays on one line for grep, and the terminal wraps it for people.
    console.print(Group(*blocks), soft_wrap=True)
    return buffer.getvalue()
