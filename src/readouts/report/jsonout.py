"""JSON report: a result's documented, versioned JSON form (docs/schema.md for two
accounts, docs/multi.md for several sides and for version drift)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..lexicon import Lexicon

if TYPE_CHECKING:
    from ..drifts import Drift
    from ..model import Comparison
    from ..multi import SidesComparison

__all__ = ["render_json"]


def render_json(
    result: Comparison | SidesComparison | Drift,
    *,
    indent: int | None = 2,
    lexicon: Lexicon | None = None,
) -> str:
    """The result's ``to_dict()`` as JSON; it names topics by id, so ``lexicon`` changes
    nothing."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n"
