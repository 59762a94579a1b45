"""`slaextract score GOLD_DIR`: the summaries of a user's own annotated contracts, scored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SlaError, UsageError

if TYPE_CHECKING:
    from ..scoring import Tally


def score_gold(gold_dir: Path, timeout: float | None) -> tuple[Tally, list[str]]:
    """The tally over every gold file, and one line per gold file or contract that could not be read."""
    from ..batch import run_one  # noqa: PLC0415  (the PDF stack, only when there is something to score)
    from ..budgets import timeout_for  # noqa: PLC0415
    from ..scoring import score_folder  # noqa: PLC0415

    if not gold_dir.is_dir():
        raise UsageError(f"{gold_dir}: not a folder of gold files")

    def summarize(contract: Path) -> dict:
        result = run_one(contract, timeout=timeout_for(contract, timeout))
        if isinstance(result, SlaError):
            raise result
        return result.model_dump(mode="json")

    return score_folder(gold_dir, summarize)
