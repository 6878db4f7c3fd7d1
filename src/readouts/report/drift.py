"""Report of version drift: two language versions of one statement, in the terminal,
Markdown and HTML.

``drift_*`` render one :class:`~readouts.drifts.Drift` on its own (``readouts drift``);
the report of several sides (:mod:`.sides`) lists each side's drift with
:func:`drift_terminal_lines`, :func:`drift_markdown_lines` and :func:`drift_html_section`.
The renderers are registered by format in :data:`readouts.report.RENDERERS`; call
:func:`readouts.report.render`. Every piece of account text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..model import SCHEMA_VERSION
from ..wording import count
from .common import md_line, one_line
from .html import report_page
from .terminal import columns_for, wrap

if TYPE_CHECKING:
    from ..drifts import Drift, DriftItem

__all__ = [
    "drift_html",
    "drift_html_section",
    "drift_markdown",
    "drift_markdown_lines",
    "drift_terminal",
    "drift_terminal_lines",
]

_KIND_NAMES = {
    "missing": "missing sentence",
    "number": "number",
    "name": "name",
    "negation": "negation",
    "tone": "tone word",
}


def _excerpt(drift: Drift, item: DriftItem, side: str) -> str:
    text = drift.a.text if side == "a" else drift.b.text
    start, end = item.a if side == "a" else item.b
    return one_line(text[start:end]) if end > start else "(nothing)"


def _change(drift: Drift, item: DriftItem) -> str:
    if item.change == "only_a":
        return f"only in {drift.a.id}"
    if item.change == "only_b":
        return f"only in {drift.b.id}"
    return item.change


def _sentence_ref(indices: tuple[int, ...]) -> str:
    return ",".join(f"s{i + 1}" for i in indices) or "—"


def drift_terminal_lines(drift: Drift, columns: int) -> list[str]:
    """The drift list as lines of plain text ``columns`` wide, a heading first."""
    counts = drift.counts()
    head = (
        f"VERSION DRIFT  {drift.a.id} ({drift.a.language}, "
        f"{count(len(drift.sentences_a), 'sentence')}) ↔ {drift.b.id} ({drift.b.language}, "
        f"{count(len(drift.sentences_b), 'sentence')})"
    )
    out = [head]
    if drift.warning:
        lines = wrap(f"Warning: {drift.warning}.", max(20, columns - 2))
        return [*out, *("  " + line for line in lines), ""]
    if not drift.items:
        return [*out, "  The versions say the same things: nothing missing, nothing changed.", ""]
    out.append("  " + ", ".join(count(n, _KIND_NAMES[k]) for k, n in counts.items() if n))
    for n, item in enumerate(drift.items, 1):
        out.append("")
        out.append(f"  {n}. {_KIND_NAMES[item.kind]} ({_change(drift, item)}): {item.note}")
        for side, acc, idx in (("a", drift.a, item.a_sentences), ("b", drift.b, item.b_sentences)):
            label = f"     {acc.id} [{_sentence_ref(idx)}] "
            body = wrap(_excerpt(drift, item, side), max(20, columns - 8))
            out.append(label)
            out += ["       " + line for line in body]
    out.append("")
    return out


def drift_markdown_lines(drift: Drift, level: str = "##") -> list[str]:
    """The drift list as lines of Markdown under a heading of ``level``."""
    out = [
        f"{level} Version drift: `{drift.a.id}` ({drift.a.language}) ↔ `{drift.b.id}` "
        f"({drift.b.language})",
        "",
    ]
    if drift.warning:
        return [*out, f"**Warning:** {md_line(drift.warning)}.", ""]
    if not drift.items:
        return [*out, "_The versions say the same things: nothing missing, nothing changed._", ""]
    out += [f"| # | kind | change | `{drift.a.id}` | `{drift.b.id}` |", "|---|---|---|---|---|"]
    for n, item in enumerate(drift.items, 1):
        cells = [
            str(n),
            _KIND_NAMES[item.kind],
            _change(drift, item),
            md_line(f"[{_sentence_ref(item.a_sentences)}] {_excerpt(drift, item, 'a')}"),
            md_line(f"[{_sentence_ref(item.b_sentences)}] {_excerpt(drift, item, 'b')}"),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", *(f"{n}. {md_line(item.note)}" for n, item in enumerate(drift.items, 1)), ""]
    return out


def drift_terminal(
    drift: Drift,
    *,
    columns: int | None = None,
    colour: bool = False,
    lexicon: Lexicon | None = None,
) -> str:
    """One statement's two versions: the drift list as plain text ``columns`` wide (the
    drift list has no colour and no topic labels: ``colour`` and ``lexicon`` change
    nothing)."""
    return "\n".join(drift_terminal_lines(drift, columns_for(columns))).rstrip() + "\n"


def drift_markdown(drift: Drift, *, lexicon: Lexicon | None = None) -> str:
    """One statement's two versions: the drift list in Markdown."""
    return "\n".join(
        [
            f"# {drift.a.id} and {drift.b.id}: two versions compared",
            "",
            *drift_markdown_lines(drift),
        ]
    )


def drift_html(
    drift: Drift, *, links: Sequence[tuple[str, str]] = (), lexicon: Lexicon | None = None
) -> str:
    """One statement's two versions: the drift list as one self-contained page."""
    return report_page(
        f"Version drift: {drift.a.id} ↔ {drift.b.id}",
        drift_html_section(drift, title_hidden=True),  # the page's title says it
        links=links,
        schema_version=SCHEMA_VERSION,
        script=False,
    )


def _marked(text: str, span: tuple[int, int], marks: tuple[tuple[int, int], ...]) -> str:
    """``text[span]`` escaped, with the marks inside it wrapped in <mark>."""
    start, end = span
    if end <= start:
        return '<span class="muted">(nothing here)</span>'
    out, pos = [], start
    for ms, me in sorted(marks):
        ms, me = max(ms, pos), min(me, end)
        if ms >= me:
            continue
        out.append(escape(text[pos:ms]))
        out.append(f"<mark>{escape(text[ms:me])}</mark>")
        pos = me
    out.append(escape(text[pos:end]))
    return "".join(out)


def drift_html_section(drift: Drift, *, title_hidden: bool = False) -> str:
    """The drift list as HTML under an ``<h2>`` (``hidden`` when the page's title says it)."""
    a, b = drift.a, drift.b
    parts = [
        f"<h2{' hidden' if title_hidden else ''}>Version drift: {escape(a.id)} "
        f"({escape(a.language)}) ↔ {escape(b.id)} ({escape(b.language)})</h2>"
    ]
    if drift.warning:
        parts.append(f'<p class="warning"><strong>Warning:</strong> {escape(drift.warning)}.</p>')
        return "\n".join(parts)
    if not drift.items:
        parts.append("<p>The versions say the same things: nothing missing, nothing changed.</p>")
        return "\n".join(parts)
    counts = ", ".join(count(n, _KIND_NAMES[k]) for k, n in drift.counts().items() if n)
    parts.append(f'<p class="muted">{escape(counts)}</p>')
    parts.append(
        f"<table><thead><tr><th>#</th><th>drift</th><th>{escape(a.id)}</th>"
        f"<th>{escape(b.id)}</th></tr></thead><tbody>"
    )
    for n, item in enumerate(drift.items, 1):
        parts.append(
            f'<tr class="item"><td class="num">{n}</td><td class="what"><span class="kind">'
            f"{escape(_KIND_NAMES[item.kind])}</span> ({escape(_change(drift, item))})"
            f'<br><span class="muted">{escape(item.note)}</span></td>'
            f'<td class="text" lang="{escape(a.language)}"><span class="muted">'
            f"{escape(_sentence_ref(item.a_sentences))}</span> "
            f"{_marked(a.text, item.a, item.a_marks)}</td>"
            f'<td class="text" lang="{escape(b.language)}"><span class="muted">'
            f"{escape(_sentence_ref(item.b_sentences))}</span> "
            f"{_marked(b.text, item.b, item.b_marks)}</td></tr>"
        )
    parts.append("</tbody></table>")
    return "\n".join(parts)
