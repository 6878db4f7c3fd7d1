"""Report: one comparison, several renderings.

``render(comparison, fmt)`` returns the comparison as ``terminal`` text, ``markdown``,
``json`` or ``html``; each format is a module of this package registered in
:data:`RENDERERS` under its name. All of them read the same
:class:`~readouts.model.Comparison`; none computes anything the others do not show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ConfigError
from ..lexicon import Lexicon
from ..model import Comparison

__all__ = ["FORMATS", "RENDERERS", "render"]

Renderer = Callable[..., str]


def _terminal(c: Comparison, **kw: Any) -> str:
    from .terminal import render_terminal

    return render_terminal(c, **kw)


def _markdown(c: Comparison, **kw: Any) -> str:
    from .markdown import render_markdown

    return render_markdown(c, **kw)


def _json(c: Comparison, **kw: Any) -> str:
    from .jsonout import render_json

    return render_json(c, **kw)


def _html(c: Comparison, **kw: Any) -> str:
    from .html import render_html

    return render_html(c, **kw)


#: Renderers by format name.
RENDERERS: dict[str, Renderer] = {
    "terminal": _terminal,
    "markdown": _markdown,
    "json": _json,
    "html": _html,
}
FORMATS = tuple(RENDERERS)


def render(
    comparison: Comparison, fmt: str = "terminal", lexicon: Lexicon | None = None, **options: Any
) -> str:
    """The comparison rendered in ``fmt`` (one of :data:`FORMATS`). ``lexicon`` is the one
    the comparison was made with (its topic labels and tone readings are shown); the
    built-in one when not given."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    if fmt != "json":
        options["lexicon"] = lexicon
    return renderer(comparison, **options)
