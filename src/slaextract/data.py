"""Where the rule and unit data live: inside the installed package, or at the top of a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def patterns_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "patterns"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("slaextract's patterns/ folder is missing from the installation")


@cache
def load_units(name: str) -> Any:
    with (patterns_dir() / "units" / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
