"""Reports for several sides and for version drift: terminal, Markdown, JSON and HTML.

``render_sides(result, fmt)`` renders a :class:`~readouts.multi.SidesComparison`: the
score of each pair of sides, the matrix of points (which sides carry each, and how),
then the version drift within each side. ``render_drift(drift, fmt)`` renders one
:class:`~readouts.drift.Drift` on its own (``readouts drift``).

Matrix cells: ``=`` shared, ``≠`` conflict, ``·`` one-sided (only that side), blank
when the side does not carry the point; ``*`` when the side carries it in some of its
versions only. The HTML page is self-contained (style inline, no script, nothing
fetched) and every piece of account text is escaped.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .common import MARKS as RELATION_MARKS
from .common import md_text
from .terminal import columns_for, pad, width, wrap

if TYPE_CHECKING:
    from ..drift import Drift, DriftItem
    from ..multi import MatrixRow, SidesComparison

__all__ = ["FORMATS", "render_drift", "render_sides"]

FORMATS = ("terminal", "markdown", "json", "html")
MARKS = {**RELATION_MARKS, "": " "}  # "": the side has no point in the row
_KIND_NAMES = {
    "missing": "missing sentence",
    "number": "number",
    "name": "name",
    "negation": "negation",
    "tone": "tone word",
}


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(row: MatrixRow, side: str) -> str:
    return MARKS[row.cells[side]] + ("*" if row.partial[side] else "")


def _excerpt(drift: Drift, item: DriftItem, side: str) -> str:
    text = drift.a.text if side == "a" else drift.b.text
    start, end = item.a if side == "a" else item.b
    return _one_line(text[start:end]) if end > start else "(nothing)"


def _change(drift: Drift, item: DriftItem) -> str:
    if item.change == "only_a":
        return f"only in {drift.a.id}"
    if item.change == "only_b":
        return f"only in {drift.b.id}"
    return item.change


def _sentence_ref(indices: tuple[int, ...]) -> str:
    return ",".join(f"s{i + 1}" for i in indices) or "—"


# --------------------------------------------------------------------------- drift


def _drift_terminal(drift: Drift, columns: int) -> list[str]:
    counts = drift.counts()
    head = (
        f"VERSION DRIFT  {drift.a.id} ({drift.a.language}, {len(drift.sentences_a)} sentences)"
        f" ↔ {drift.b.id} ({drift.b.language}, {len(drift.sentences_b)} sentences)"
    )
    out = [head]
    if drift.warning:
        lines = wrap(f"Warning: {drift.warning}.", max(20, columns - 2))
        return [*out, *("  " + line for line in lines), ""]
    if not drift.items:
        return [*out, "  The versions say the same things: nothing missing, nothing changed.", ""]
    out.append("  " + ", ".join(f"{n} {_KIND_NAMES[k]}" for k, n in counts.items() if n))
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


def _drift_markdown(drift: Drift, level: str = "##") -> list[str]:
    out = [
        f"{level} Version drift: `{drift.a.id}` ({drift.a.language}) ↔ `{drift.b.id}` "
        f"({drift.b.language})",
        "",
    ]
    if drift.warning:
        return [*out, f"**Warning:** {_md(drift.warning)}.", ""]
    if not drift.items:
        return [*out, "_The versions say the same things: nothing missing, nothing changed._", ""]
    out += [f"| # | kind | change | `{drift.a.id}` | `{drift.b.id}` |", "|---|---|---|---|---|"]
    for n, item in enumerate(drift.items, 1):
        cells = [
            str(n),
            _KIND_NAMES[item.kind],
            _change(drift, item),
            _md(f"[{_sentence_ref(item.a_sentences)}] {_excerpt(drift, item, 'a')}"),
            _md(f"[{_sentence_ref(item.b_sentences)}] {_excerpt(drift, item, 'b')}"),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", *(f"{n}. {_md(item.note)}" for n, item in enumerate(drift.items, 1)), ""]
    return out


def _md(text: str) -> str:
    return md_text(_one_line(text))


def render_drift(drift: Drift, fmt: str = "terminal", **options: Any) -> str:
    """One statement's two versions: the drift list in ``fmt``."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(drift.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return "\n".join(
            [f"# {drift.a.id} and {drift.b.id}: two versions compared", "", *_drift_markdown(drift)]
        )
    if fmt == "html":
        body = _drift_html(drift)
        return _page(f"Version drift: {drift.a.id} ↔ {drift.b.id}", body)
    columns = columns_for(options.get("columns"))
    return "\n".join(_drift_terminal(drift, columns)).rstrip() + "\n"


# --------------------------------------------------------------------------- sides


def _sides_terminal(result: SidesComparison, columns: int) -> str:
    sides = list(result.sides)
    out = [
        "readouts: "
        + "; ".join(
            f"{s} ({', '.join(f'{a} {result.readings[a].account.language}' for a in ids)})"
            for s, ids in result.sides.items()
        ),
        "",
        "MEETING OF MINDS, by pair of sides",
    ]
    for pair in result.side_pairs():
        s, t = pair["sides"]
        values = [x["value"] for x in pair["scores"]]
        spread = f" (account pairs: {', '.join(str(v) for v in values)})" if len(values) > 1 else ""
        out.append(f"  {s} ↔ {t}: {pair['value']}/100{spread}  {pair['verdict']}")
        for side in (s, t):
            c = pair["points"][side]
            out.append(
                f"    {side}: {c['shared']} shared, {c['conflict']} in conflict, "
                f"{c['one-sided']} one-sided"
            )
    out += [
        "",
        "POINTS  = shared   ≠ conflict   · one-sided   blank: not carried   "
        "* in some of the side's versions only",
        "",
    ]
    widths = [max(3, width(s)) + 1 for s in sides]
    head = pad("row", 5) + "".join(pad(s, w) for s, w in zip(sides, widths, strict=True))
    text_cols = max(20, columns - width(head) - 1)
    out.append(head + " point")
    out.append("─" * min(columns, width(head) + 1 + text_cols))
    for row in result.rows:
        cells = "".join(pad(_cell(row, s), w) for s, w in zip(sides, widths, strict=True))
        lines = wrap(_one_line(row.text), text_cols)
        out.append(pad(row.id, 5) + cells + " " + lines[0])
        out += [" " * width(head) + " " + line for line in lines[1:]]
    out.append("")
    for d in result.drift:
        out += _drift_terminal(d, columns)
    if not result.drift:
        out.append("VERSION DRIFT  no side has more than one version.")
    return "\n".join(out).rstrip() + "\n"


def _sides_markdown(result: SidesComparison) -> str:
    sides = list(result.sides)
    out = [f"# {', '.join(_md(s) for s in sides)}: accounts compared side by side", ""]
    out += ["| side | accounts |", "|---|---|"]
    for s, ids in result.sides.items():
        accs = ", ".join(f"`{a}` ({result.readings[a].account.language})" for a in ids)
        out.append(f"| {_md(s)} | {accs} |")
    out += ["", "## Meeting of minds, by pair of sides", ""]
    for pair in result.side_pairs():
        s, t = pair["sides"]
        scores = ", ".join(f"`{x['a']}`–`{x['b']}` {x['value']}" for x in pair["scores"])
        out.append(
            f"- **{_md(s)} ↔ {_md(t)}: {pair['value']}/100** — {_md(pair['verdict'])} ({scores})"
        )
        for side in (s, t):
            c = pair["points"][side]
            out.append(
                f"  - {_md(side)}: {c['shared']} shared, {c['conflict']} in conflict, "
                f"{c['one-sided']} one-sided"
            )
    out += [
        "",
        "## Points",
        "",
        "`=` shared, `≠` conflict, `·` one-sided, blank: not carried, "
        "`*` in some of the side's versions only.",
        "",
        "| row | " + " | ".join(_md(s) for s in sides) + " | point |",
        "|---|" + "---|" * len(sides) + "---|",
    ]
    for row in result.rows:
        cells = [_cell(row, s).strip() for s in sides]
        out.append(f"| {row.id} | " + " | ".join(cells) + f" | {_md(row.text)} |")
    out.append("")
    for d in result.drift:
        out += _drift_markdown(d)
    if not result.drift:
        out += ["## Version drift", "", "_No side has more than one version._", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- html

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f1f1f1}
td.cell{text-align:center;font-weight:bold;width:4.5rem;white-space:nowrap}
td.shared{background:#dff0d8}td.conflict{background:#f8d7da;border-style:double}
td.one-sided{background:#fff3cd;border-style:dashed}
.muted{color:#666;font-size:.9em}
mark{background:#ffe066;padding:0 .1em}
.item td.num{width:2rem}.item td.what{width:22%}.item td.text{width:37%}
.kind{font-weight:bold}
"""


def _csp(style: str) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'"


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(_csp(_STYLE))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        f"{body}\n</body></html>\n"
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


def _drift_html(drift: Drift, level: str = "h2") -> str:
    a, b = drift.a, drift.b
    parts = [
        f"<{level}>Version drift: {escape(a.id)} ({escape(a.language)}) ↔ "
        f"{escape(b.id)} ({escape(b.language)})</{level}>"
    ]
    if drift.warning:
        parts.append(f'<p class="warning"><strong>Warning:</strong> {escape(drift.warning)}.</p>')
        return "\n".join(parts)
    if not drift.items:
        parts.append("<p>The versions say the same things: nothing missing, nothing changed.</p>")
        return "\n".join(parts)
    counts = ", ".join(f"{n} {_KIND_NAMES[k]}" for k, n in drift.counts().items() if n)
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


def _sides_html(result: SidesComparison) -> str:
    sides = list(result.sides)
    parts = [f"<h1>{escape(', '.join(sides))}: accounts compared side by side</h1>"]
    parts.append("<table><thead><tr><th>side</th><th>accounts</th></tr></thead><tbody>")
    for s, ids in result.sides.items():
        accs = ", ".join(
            f"{escape(a)} ({escape(result.readings[a].account.language)})" for a in ids
        )
        parts.append(f"<tr><td>{escape(s)}</td><td>{accs}</td></tr>")
    parts.append("</tbody></table>")
    parts.append("<h2>Meeting of minds, by pair of sides</h2><ul>")
    for pair in result.side_pairs():
        s, t = pair["sides"]
        scores = ", ".join(
            f"{escape(x['a'])}–{escape(x['b'])}: {x['value']}" for x in pair["scores"]
        )
        counts = "; ".join(
            f"{escape(side)}: {c['shared']} shared, {c['conflict']} in conflict, "
            f"{c['one-sided']} one-sided"
            for side, c in pair["points"].items()
        )
        parts.append(
            f"<li><strong>{escape(s)} ↔ {escape(t)}: {pair['value']}/100</strong> — "
            f'{escape(pair["verdict"])} <span class="muted">({scores}; {counts})</span></li>'
        )
    parts.append("</ul>")
    parts.append(
        '<h2>Points, side by side</h2><p class="muted">= shared, ≠ conflict, · one-sided '
        "(only that side), blank: not carried, * in some of the side's versions only.</p>"
    )
    parts.append(
        '<table class="matrix"><thead><tr><th>row</th>'
        + "".join(f"<th>{escape(s)}</th>" for s in sides)
        + "<th>point</th></tr></thead><tbody>"
    )
    by_id = {p.id: p for p in result.points}
    for row in result.rows:
        cells = []
        for s in sides:
            label = row.cells[s]
            tip = " / ".join(_one_line(by_id[p].text) for p in row.points[s])
            title = f' title="{escape(tip)}"' if tip else ""
            cls = f"cell {label}" if label else "cell"
            name = f" {label}" if label else ""
            cells.append(
                f'<td class="{escape(cls)}"{title}>{escape(_cell(row, s))}'
                f'<span class="muted">{escape(name)}</span></td>'
            )
        texts: list[str] = []
        for s in sides:
            for p in row.points[s]:
                texts.append(
                    f'<div><span class="muted">{escape(s)}:</span> '
                    f"{escape(_one_line(by_id[p].text))}</div>"
                )
        parts.append(f"<tr><td>{escape(row.id)}</td>{''.join(cells)}<td>{''.join(texts)}</td></tr>")
    parts.append("</tbody></table>")
    if result.drift:
        for d in result.drift:
            parts.append(_drift_html(d))
    else:
        parts.append("<h2>Version drift</h2><p>No side has more than one version.</p>")
    return "\n".join(parts)


def render_sides(result: SidesComparison, fmt: str = "terminal", **options: Any) -> str:
    """The merged comparison of several sides in ``fmt``; ``columns`` for the terminal."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _sides_markdown(result)
    if fmt == "html":
        return _page(f"readouts: {', '.join(result.sides)}", _sides_html(result))
    return _sides_terminal(result, columns_for(options.get("columns")))
