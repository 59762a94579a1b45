"""ClauseSummary → text for people or programs; one module per format."""

from __future__ import annotations

from collections.abc import Callable

from ..model import ClauseSummary
from . import json as json_format
from . import text as text_format

FORMATS: dict[str, Callable[[ClauseSummary], str]] = {
    "json": json_format.render,
    "text": text_format.render,
}
