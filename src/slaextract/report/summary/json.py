"""The clause summary as JSON (UTF-8, Chinese not escaped), exactly model_dump(mode="json")."""

from __future__ import annotations

import json

from ...model import ClauseSummary


def render(summary: ClauseSummary) -> str:
    return json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=2)


def render_line(summary: ClauseSummary) -> str:
    """One JSON Lines record (batch mode)."""
    return json.dumps(summary.model_dump(mode="json"), ensure_ascii=False)
