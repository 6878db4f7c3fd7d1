"""HTML report (a self-contained page); the full side-by-side page is built by the report
issue. Until then this renders the Markdown report's content as escaped HTML."""

from __future__ import annotations

import html

from ..model import Comparison
from .markdown import render_markdown

__all__ = ["render_html"]


def render_html(comparison: Comparison) -> str:
    body = html.escape(render_markdown(comparison))
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8"><title>readouts</title></head>'
        f"<body><pre>{body}</pre></body></html>\n"
    )
