"""Finding messages in the document's language; the words themselves live in messages.yaml."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml

from ..model import ClauseSummary

Lang = Literal["en", "zh"]


@cache
def catalog() -> dict[str, dict[str, dict[str, str]]]:
    data: Any = yaml.safe_load(files(__package__).joinpath("messages.yaml").read_text(encoding="utf-8"))
    return data


def language_of(summary: ClauseSummary) -> Lang:
    # A mixed document gets English messages: they are the ones every reader of a mixed contract can read.
    return "zh" if summary.document.language == "zh" else "en"


def text(key: str, lang: Lang, **values: object) -> str:
    return catalog()["messages"][key][lang].format(**values)


def term(key: str, lang: Lang, **values: object) -> str:
    return catalog()["terms"][key][lang].format(**values)


def number(value: float) -> str:
    return f"{value:g}"


def percent(value: float) -> str:
    return f"{value:g}%"


def coverage(days: int, hours: float) -> str:
    return f"{days}×{hours:g}"


def days(count: float, lang: Lang) -> str:
    return term("day" if count == 1 else "days", lang, n=number(count))


def duration(minutes: float, lang: Lang, business_time: bool = False) -> str:
    if minutes >= 1440 and minutes % 1440 == 0:
        value = days(minutes / 1440, lang)
    elif minutes >= 60 and minutes % 30 == 0:
        value = term("hours", lang, n=number(minutes / 60))
    else:
        value = term("minutes", lang, n=number(minutes))
    return term("business_time", lang, value=value) if business_time else value


def scope(value: str | None, lang: Lang) -> str:
    return term("scope", lang, scope=value) if value else ""


def listing(keys: Iterable[str], prefix: str, lang: Lang) -> str:
    words = [term(f"{prefix}.{key}", lang) for key in keys]
    return term("list_separator", lang).join(words) if words else term("none", lang)
