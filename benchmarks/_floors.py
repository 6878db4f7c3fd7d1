"""The floors check the eval scripts share: each figure against its floor, exit 1 below."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def check(figures: dict[str, dict[str, float]], path: str) -> int:
    """0 when every figure is at or above its floor, else 1 (the shortfalls on stderr).

    ``figures`` maps a name ("all", a kind) to its precision and recall; the floors file
    is JSON, ``{"precision": x, "recall": y}`` for every name or ``{name: {...}}`` per name.
    """
    floors = json.loads(Path(path).read_text("utf-8"))
    failed = []
    for name, fig in figures.items():
        floor = floors[name] if isinstance(floors.get(name), dict) else floors
        for measure in ("precision", "recall"):
            want = floor.get(measure)
            if isinstance(want, int | float) and fig[measure] < want:
                failed.append(f"{name} {measure} {fig[measure]:.2f} < {want}")
    if failed:
        print("below the floors: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0
