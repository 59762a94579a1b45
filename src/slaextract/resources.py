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


# libyaml's loader when PyYAML was built with it: rules load on every run, and the pure-Python
# loader costs a noticeable part of a short document's run time
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)


@cache
def load_units(name: str) -> Any:
    return load_yaml((patterns_dir() / "units" / f"{name}.yaml").read_text(encoding="utf-8"))
