from __future__ import annotations

import sys
from pathlib import Path

# tests/paths.py and tests/scoring.py are imported by test modules in sub-folders too
sys.path.insert(0, str(Path(__file__).resolve().parent))
