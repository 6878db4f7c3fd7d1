"""Report: one result, several renderings.

``render(result, fmt)`` returns a result as ``terminal`` text, ``markdown``, ``json`` or
``html``. A result is two accounts compared (:class:`~readouts.model.Comparison`),
several sides compared (:class:`~readouts.multi.SidesComparison`), or two versions of one
statement (:class:`~readouts.drifts.Drift`); :data:`RENDERERS` holds, by format, the
renderer of each. Two sides of one account each are two accounts compared, and are
shown as such (:attr:`SidesComparison.pair <readouts.multi.SidesComparison.pair>`), so
one pair gives one report however its sides were named.

Every renderer takes the result and, as keywords, ``lexicon`` (the one the result was
made with: its topic labels are shown) and its format's options: ``columns`` and
``colour`` for the terminal, ``links`` for HTML, ``indent`` for JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..drifts import Drift
from ..errors import ConfigError
from ..lexicon import Lexicon
from ..model import Comparison
from ..multi import SidesComparison
from .drift import drift_html, drift_markdown, drift_terminal
from .html import render_html
from .jsonout import render_json
from .markdown import render_markdown
from .sides import sides_html, sides_markdown, sides_terminal
from .terminal import render_terminal

__all__ = ["FORMATS", "RENDERERS", "Renderers", "Report", "render"]

#: What a report shows.
Report = Comparison | SidesComparison | Drift


@dataclass(frozen=True)
class Renderers:
    """One format's renderers: of two accounts, of several sides, of two versions."""

    pair: Callable[..., str]
    sides: Callable[..., str]
    drift: Callable[..., str]


#: Renderers by format name.
RENDERERS: dict[str, Renderers] = {
    "terminal": Renderers(render_terminal, sides_terminal, drift_terminal),
    "markdown": Renderers(render_markdown, sides_markdown, drift_markdown),
    "json": Renderers(render_json, render_json, render_json),
    "html": Renderers(render_html, sides_html, drift_html),
}
FORMATS = tuple(RENDERERS)


def render(
    result: Report, fmt: str = "terminal", lexicon: Lexicon | None = None, **options: Any
) -> str:
    """The result rendered in ``fmt`` (one of :data:`FORMATS`). ``lexicon`` is the one the
    result was made with (its topic labels and tone readings are shown); the built-in one
    when not given."""
    try:
        renderers = RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    if isinstance(result, SidesComparison):
        if result.pair is None:
            return renderers.sides(result, lexicon=lexicon, **options)
        result = result.pair
    if isinstance(result, Comparison):
        return renderers.pair(result, lexicon=lexicon, **options)
    return renderers.drift(result, lexicon=lexicon, **options)
