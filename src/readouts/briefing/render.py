"""Rendering: a brief as Markdown, a self-contained HTML page, or JSON."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from ..errors import ConfigError
from ..report.common import md_text
from .model import Brief, BriefSentence
from .zh import heading_zh

__all__ = ["BRIEF_FORMATS", "render_brief"]

BRIEF_FORMATS = ("markdown", "html", "json")


def _joined(sentences: Sequence[BriefSentence], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(s.text for s in sentences)


def _markdown(b: Brief) -> str:
    # every sentence quotes the accounts: literal and safe (no raw HTML, no links)
    out = [f"# {md_text(b.title.text)}", ""]
    out += [f"> **{md_text(w['text'])}**\n" for w in b.warnings]
    out += [f"*{md_text(b.dek.text)}*", ""]
    for k, section in enumerate(b.sections):
        body = md_text(_joined(section.sentences, b.lang))
        if not section.heading:
            out += [body, ""]
        elif b.lang == "zh":
            out += [f"**{md_text(heading_zh(k, section.heading))}**", "", body, ""]
        else:
            out += [f"**{md_text(section.heading)}.** {body}", ""]
    return "\n".join(out)


def _html_sentence(s: BriefSentence) -> str:
    text = s.text
    parts: list[str] = []
    pos = 0
    for q in s.quotes:
        at = text.find(q.text, pos)
        if at < 0:
            continue
        parts.append(html.escape(text[pos:at]))
        parts.append(
            f'<span class="quote" data-account="{html.escape(q.account)}" '
            f'data-start="{q.start}" data-end="{q.end}">{html.escape(q.text)}</span>'
        )
        pos = at + len(q.text)
    parts.append(html.escape(text[pos:]))
    claims = html.escape(" ".join(s.claims))
    return f'<span class="s" data-kind="{s.kind}" data-claims="{claims}">{"".join(parts)}</span>'


_STYLE = (
    "body{font:17px/1.55 Georgia,'Noto Serif CJK SC','Source Han Serif SC','Songti SC',"
    "SimSun,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',serif;max-width:42em;"
    "margin:2em auto;padding:0 1em}"
    ".dek{font-style:italic;color:#444}.quote{background:#f4f1e8}"
    ".warning{border-left:6px solid #a13c00;padding:.3em .8em;background:#fbe2d2}"
    "h2{font-size:1em;margin:1.4em 0 .3em}"
)


def _html(b: Brief) -> str:
    from ..report.html import content_security_policy

    sep = "" if b.lang == "zh" else " "
    # the page's own style only: nothing that slipped through escaping could run or load
    policy = html.escape(content_security_policy(styles=[_STYLE]))
    out = [
        "<!doctype html>",
        f'<html lang="{b.lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html.escape(b.title.text)}</title>",
        f'<style>{_STYLE}</style></head><body><article class="brief">',
        f"<h1>{_html_sentence(b.title)}</h1>",
        *(
            f'<p class="warning" role="alert" data-code="{html.escape(w["code"])}">'
            f"<strong>{html.escape(w['text'])}</strong></p>"
            for w in b.warnings
        ),
        f'<p class="dek">{_html_sentence(b.dek)}</p>',
    ]
    for k, section in enumerate(b.sections):
        body = sep.join(_html_sentence(s) for s in section.sentences)
        if section.heading:
            heading = heading_zh(k, section.heading) if b.lang == "zh" else section.heading
            out.append(
                f'<section id="{section.id}"><h2>{html.escape(heading)}</h2><p>{body}</p></section>'
            )
        else:
            out.append(f'<section id="{section.id}"><p>{body}</p></section>')
    out.append("</article></body></html>")
    return "\n".join(out) + "\n"


def render_brief(b: Brief, fmt: str = "markdown") -> str:
    """The brief as ``markdown``, a self-contained ``html`` page, or ``json``."""
    if fmt == "markdown":
        return _markdown(b)
    if fmt == "html":
        return _html(b)
    if fmt == "json":
        return json.dumps(b.to_dict(), ensure_ascii=False, indent=2) + "\n"
    raise ConfigError(f"unknown brief format {fmt!r}; choose from {', '.join(BRIEF_FORMATS)}")
