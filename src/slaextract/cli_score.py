"""`slaextract score GOLD_DIR`: the summaries of a user's own annotated contracts, scored."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import SlaError
from .scoring import score_folder


def run_score(gold_dir: Path, fmt: str, fail_under: float | None, timeout: float | None) -> int:
    """Print the scores; the exit code: 2 when anything could not be read, 1 under --fail-under, else 0."""
    from .batch import run_one  # noqa: PLC0415  (the PDF stack, only when there is something to score)
    from .budget import timeout_for  # noqa: PLC0415

    if not gold_dir.is_dir():
        print(f"slaextract: {gold_dir}: not a folder of gold files", file=sys.stderr)
        return 2

    def summarize(contract: Path) -> dict:
        result = run_one(contract, timeout=timeout_for(contract, timeout))
        if isinstance(result, SlaError):
            raise result
        return result.model_dump(mode="json")

    tally, problems = score_folder(gold_dir, summarize)
    for line in problems:
        print(f"slaextract: {line}", file=sys.stderr)
    if fmt == "json":
        print(json.dumps(tally.as_json(), indent=2, ensure_ascii=False, default=str))
    else:
        print(tally.report())
    if problems:
        return 2
    return 1 if fail_under is not None and tally.overall_f1() < fail_under else 0
