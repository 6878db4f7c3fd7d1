"""The frame every HTML page of the app shares: menu, styles, script and the content
security policy that allows only them (nothing is loaded from elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from fastapi.responses import HTMLResponse, Response

from ..report.html import asset, content_security_policy

__all__ = ["page"]


def page(
    title: str, body: str, *, status: int = 200, nav: Sequence[tuple[str, str]] = ()
) -> Response:
    style, script = asset("app.css"), asset("app.js")
    policy = content_security_policy(styles=[style], scripts=[script], form_action="'self'")
    links = [("New comparison", "/"), ("API", "/docs"), *nav]
    menu = "".join(f'<a href="{escape(h)}">{escape(label)}</a>' for label, h in links)
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — readouts</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<nav aria-label="Site">{menu}</nav>\n<main>\n<h1>{escape(title)}</h1>\n{body}\n'
        f"</main>\n<script>{script}</script>\n</body>\n</html>\n"
    )
    return HTMLResponse(page, status_code=status, headers={"content-security-policy": policy})
