from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

# tests/paths.py and tests/scoring.py are imported by test modules in sub-folders too
sys.path.insert(0, str(Path(__file__).resolve().parent))

# A batch keeps its results in a cache for resuming; tests start from nothing each time (a test
# about resuming names its own folder).
os.environ["SLAEXTRACT_CACHE_DIR"] = "off"

# No test reads a clock: hypothesis's per-example deadline and its "too slow" health check are
# wall-clock asserts that fail on a loaded machine, so every property test runs without them.
settings.register_profile("no-clock", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("no-clock")
