from __future__ import annotations

from batch_support import contracts

__all__ = ["contracts"]
