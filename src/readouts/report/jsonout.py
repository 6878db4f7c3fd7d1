"""JSON report: the comparison's documented, versioned JSON form (docs/schema.md)."""

from __future__ import annotations

import json

from ..model import Comparison

__all__ = ["render_json"]


def render_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=indent) + "\n"
