"""How `--help` shows options: a flag is a flag (no `<bool>` after it), whatever typer's version."""

from __future__ import annotations

from typer.core import TyperCommand, TyperGroup


def quiet_flags(params: list) -> list:
    for param in params:
        if getattr(param, "is_flag", False) and getattr(param, "metavar", None) is None:
            param.metavar = ""  # typer >= 0.20 prints <bool> for a flag, which takes no value
    return params


class Command(TyperCommand):
    def get_params(self, ctx):
        return quiet_flags(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx):
        return quiet_flags(super().get_params(ctx))
