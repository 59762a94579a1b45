from __future__ import annotations

import os
import sys
from pathlib import Path

# tests/paths.py and tests/scoring.py are imported by test modules in sub-folders too
sys.path.insert(0, str(Path(__file__).resolve().parent))

# A batch keeps its results in a cache for resuming; tests start from nothing each time (a test
# about resuming names its own folder).
os.environ["SLAEXTRACT_CACHE_DIR"] = "off"
