"""The scorer lives in the package (`slaextract score`); tests import it from here as before."""

from __future__ import annotations

from slaextract.scoring import Tally, field_names, keys

FIELDS = field_names()

__all__ = ["FIELDS", "Tally", "keys"]
