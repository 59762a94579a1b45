"""Ready-made policies for common kinds of service, shipped as YAML beside this module.

`slaextract presets NAME` prints one unchanged, comments included, as a policy to start from.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from ...errors import PolicyError
from ..load import load_policy_text
from ..model import Policy


@dataclass(frozen=True)
class PresetInfo:
    name: str
    description: str


def preset_names() -> list[str]:
    return sorted(
        entry.name.removesuffix(".yaml") for entry in files(__name__).iterdir() if entry.name.endswith(".yaml")
    )


def preset_text(name: str) -> str:
    if name not in preset_names():
        raise PolicyError(f"unknown preset '{name}' (known: {', '.join(preset_names())})")
    return files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def load_preset(name: str) -> Policy:
    return load_policy_text(preset_text(name), f"preset:{name}")


def list_presets() -> list[PresetInfo]:
    return [PresetInfo(name, load_preset(name).description or "") for name in preset_names()]
