"""GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding.

Escaping follows the runner's rules: in the message `%`, CR and LF are percent-encoded; in a
property value (file, title) `:` and `,` are too, since they delimit properties.
"""

from __future__ import annotations

from .base import CheckReport, artifact_path, page_of


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def render(report: CheckReport) -> str:
    lines = []
    for result in report.results:
        file = artifact_path(result.path)
        if result.error is not None:
            lines.append(command("error", result.error, file=file, title="slaextract: cannot check this file"))
            continue
        assert result.verdict is not None
        for finding in result.verdict.findings:
            title = f"{finding.requirement} ({finding.kind.replace('_', ' ')})"
            lines.append(command(finding.severity, finding.message, file=file, line=page_of(finding), title=title))
        for finding in result.verdict.waived:
            assert finding.waiver is not None
            title = f"{finding.requirement} (waived until {finding.waiver.expires})"
            message = f"{finding.message} Waived: {finding.waiver.reason}"
            lines.append(command("notice", message, file=file, line=page_of(finding), title=title))
    return "".join(line + "\n" for line in lines)
