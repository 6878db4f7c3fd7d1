"""Report of several sides, in the terminal, Markdown and HTML.

``sides_*`` render a :class:`~readouts.multi.SidesComparison` of more than two accounts
(two sides of one account each are shown as the two-account report): the score of each
pair of sides, the matrix of points (which sides carry each, and how), then the version
drift within each side (:mod:`.drift`). They are registered by format in
:data:`readouts.report.RENDERERS`; call :func:`readouts.report.render`.

Matrix cells: ``=`` shared, ``≠`` conflict, ``·`` one-sided (only that side), blank
when the side does not carry the point; ``*`` when the side carries it in some of its
versions only. The HTML page is self-contained (style inline, no script, nothing
fetched) and every piece of account text is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from ..lexicon import Lexicon, default_lexicon
from ..model import ComparisonWarning
from ..wording import count
from .common import MARKS as RELATION_MARKS
from .common import NOT_COMPARABLE_VERDICT, md_line, one_line
from .drift import drift_html_section, drift_markdown_lines, drift_terminal_lines
from .html import report_page, score_card, warnings_banner
from .terminal import columns_for, pad, width, wrap

if TYPE_CHECKING:
    from ..multi import MatrixRow, SidePoint, SidesComparison

__all__ = [
    "sides_html",
    "sides_markdown",
    "sides_terminal",
]

MARKS = {**RELATION_MARKS, "": " "}  # "": the side has no point in the row


def _cell(row: MatrixRow, side: str) -> str:
    return MARKS[row.cells[side]] + ("*" if row.partial[side] else "")


def _pair_score(pair: dict[str, Any]) -> tuple[str, str]:
    """A pair of sides' score as shown, and its verdict ("not comparable" and why when a
    warning says so)."""
    if pair.get("comparable", True):
        return f"{pair['value']}/100", pair["verdict"]
    return "not comparable", NOT_COMPARABLE_VERDICT


def _row_texts(result: SidesComparison, row: MatrixRow) -> list[tuple[str, str]]:
    """(side, the words of its point) for each side that carries a row, in side order:
    every side's own words, so that a link between them can be checked."""
    by_id = {p.id: p for p in result.points}
    return [(s, one_line(by_id[p].text)) for s in result.sides for p in row.points[s]]


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
    ]
    for w in result.warnings():
        lines = wrap(
            f"WARNING ({w['code']}, {' ↔ '.join(w['sides'])}): {w['message']}", columns - 2
        )
        out += ["! " + lines[0], *("  " + ln for ln in lines[1:]), ""]
    out.append("MEETING OF MINDS, by pair of sides")
    for pair in result.side_pairs():
        s, t = pair["sides"]
        values = [x["value"] for x in pair["scores"]]
        spread = f" (account pairs: {', '.join(str(v) for v in values)})" if len(values) > 1 else ""
        shown, said = _pair_score(pair)
        if not pair.get("comparable", True):
            spread = ""
        out.append(f"  {s} ↔ {t}: {shown}{spread}  {said}")
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
        first = True
        for side, text in _row_texts(result, row):  # each side's words for the point
            lines = wrap(f"{side}: {text}", text_cols)
            lead = pad(row.id, 5) + cells if first else " " * width(head)
            out.append(lead + " " + lines[0])
            out += [" " * width(head) + "   " + line for line in lines[1:]]
            first = False
    out.append("")
    for d in result.drift:
        out += drift_terminal_lines(d, columns)
    if not result.drift:
        out.append("VERSION DRIFT  no side has more than one version.")
    return "\n".join(out).rstrip() + "\n"


def _sides_markdown(result: SidesComparison) -> str:
    sides = list(result.sides)
    out = [f"# {', '.join(md_line(s) for s in sides)}: accounts compared side by side", ""]
    for w in result.warnings():
        between = " ↔ ".join(md_line(x) for x in w["sides"])
        out += [f"> **Warning ({md_line(w['code'])}, {between}):** {md_line(w['message'])}", ""]
    out += ["| side | accounts |", "|---|---|"]
    for s, ids in result.sides.items():
        accs = ", ".join(f"`{a}` ({result.readings[a].account.language})" for a in ids)
        out.append(f"| {md_line(s)} | {accs} |")
    out += ["", "## Meeting of minds, by pair of sides", ""]
    for pair in result.side_pairs():
        s, t = pair["sides"]
        scores = ", ".join(f"`{x['a']}`–`{x['b']}` {x['value']}" for x in pair["scores"])
        shown, said = _pair_score(pair)
        if not pair.get("comparable", True):
            scores = ", ".join(f"`{x['a']}`–`{x['b']}`" for x in pair["scores"])
        out.append(
            f"- **{md_line(s)} ↔ {md_line(t)}: {md_line(shown)}** — {md_line(said)} ({scores})"
        )
        for side in (s, t):
            c = pair["points"][side]
            out.append(
                f"  - {md_line(side)}: {c['shared']} shared, {c['conflict']} in conflict, "
                f"{c['one-sided']} one-sided"
            )
    out += [
        "",
        "## Points",
        "",
        "`=` shared, `≠` conflict, `·` one-sided, blank: not carried, "
        "`*` in some of the side's versions only.",
        "",
        "| row | " + " | ".join(md_line(s) for s in sides) + " | point |",
        "|---|" + "---|" * len(sides) + "---|",
    ]
    for row in result.rows:
        cells = [_cell(row, s).strip() for s in sides]
        texts = " ‖ ".join(  # no HTML in Markdown: the sides one after another
            f"**{md_line(side)}:** {md_line(text)}" for side, text in _row_texts(result, row)
        )
        out.append(f"| {row.id} | " + " | ".join(cells) + f" | {texts} |")
    out.append("")
    for d in result.drift:
        out += drift_markdown_lines(d)
    if not result.drift:
        out += ["## Version drift", "", "_No side has more than one version._", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- html


#: Colours of the sides in the topic chart (Okabe-Ito), in side order.
_SIDE_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000")


def _sides_summary(result: SidesComparison) -> str:
    """A score card per pair of sides (the two-account report's card), with the points
    each side carries; then the accounts of each side."""
    cards = []
    for pair in result.side_pairs():
        s, t = pair["sides"]
        counts = "".join(
            f"<li>{escape(side)}: {c['shared']} shared, {c['conflict']} in conflict, "
            f"{c['one-sided']} one-sided</li>"
            for side, c in pair["points"].items()
        )
        scores = ", ".join(
            f"{escape(x['a'])} – {escape(x['b'])}: {x['value']}" for x in pair["scores"]
        )
        card = score_card(
            pair["value"],
            pair["band"],
            pair["verdict"],
            {},
            comparable=pair.get("comparable", True),
            title=f"{s} ↔ {t}",
            ids=False,
            extra=f'<ul class="reasons">{counts}</ul><p class="muted">Account pairs: {scores}</p>',
        )
        cards.append(card)
    rows = "".join(
        f'<tr><th scope="row">{escape(s)}</th><td>'
        + ", ".join(
            f"{escape(a)} ({escape(result.readings[a].account.language)}"
            + (
                f", {escape(result.readings[a].account.date)}"
                if result.readings[a].account.date
                else ""
            )
            + ")"
            for a in ids
        )
        + "</td></tr>\n"
        for s, ids in result.sides.items()
    )
    return (
        '<header class="summary sides-summary">\n'
        f'<div class="sides-cards">\n{"".join(cards)}</div>\n'
        '<section class="why" aria-labelledby="accounts-title">\n'
        '<h2 id="accounts-title">Accounts</h2>\n'
        '<table class="accounts"><thead><tr><th scope="col">Side</th>'
        f'<th scope="col">Accounts</th></tr></thead>\n<tbody>\n{rows}</tbody></table>\n'
        "</section>\n</header>\n"
    )


def _sides_topic_chart(result: SidesComparison, lexicon: Lexicon) -> str:
    """How many points each side makes on each topic: one column of bars per side."""
    sides = list(result.sides)
    counts = {s: Counter(t for p in result.points_of(s) for t in p.topics) for s in sides}
    topics = list(dict.fromkeys(t for s in sides for p in result.points_of(s) for t in p.topics))
    head = (
        '<section id="topics" aria-labelledby="topics-title">\n'
        '<h2 id="topics-title">Topics each side raised</h2>\n'
    )
    if not topics:
        return head + '<p class="muted">No topics found.</p>\n</section>\n'
    label_w, col_w, row_h, top = 260, 130, 20, 30
    width_ = label_w + col_w * len(sides)
    height = top + row_h * len(topics) + 6
    most = max(max(c.values(), default=0) for c in counts.values()) or 1
    out = [
        f'<svg class="chart" viewBox="0 0 {width_} {height}" width="{width_}" '
        f'height="{height}" role="img" aria-labelledby="topics-svg-title">',
        '<title id="topics-svg-title">Points on each topic, one column per side</title>',
    ]
    for k, side in enumerate(sides):
        x = label_w + k * col_w
        out.append(f'<text x="{x + 4}" y="16" font-weight="700">{escape(side)}</text>')
    for r, topic in enumerate(topics):
        y = top + r * row_h
        entry = lexicon.topics.get(topic)
        label = entry.label_en if entry else topic
        shown = label if len(label) <= 36 else label[:35].rstrip() + "…"
        out.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end"><title>{escape(label)}'
            f"</title>{escape(shown)}</text>"
        )
        for k, side in enumerate(sides):
            n = counts[side][topic]
            if not n:
                continue
            x = label_w + k * col_w + 4
            w = max(2, round((col_w - 34) * n / most))
            colour = _SIDE_COLOURS[k % len(_SIDE_COLOURS)]
            what = f"{side}: {count(n, 'point')} on {label}"
            out.append(
                f'<rect x="{x}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="{colour}">'
                f"<title>{escape(what)}</title></rect>"
                f'<text class="count" x="{x + w + 4}" y="{y + 14}">{n}</text>'
            )
    out.append("</svg>")
    table = "".join(
        f"<tr><td>{escape(lexicon.topics[t].label_en if t in lexicon.topics else t)}</td>"
        + "".join(f"<td>{counts[s][t] or ''}</td>" for s in sides)
        + "</tr>\n"
        for t in topics
    )
    heads = "".join(f'<th scope="col">{escape(s)}</th>' for s in sides)
    return (
        head
        + "\n".join(out)
        + "\n<details><summary>As a table</summary>\n"
        + f'<table><thead><tr><th scope="col">Topic</th>{heads}</tr></thead>\n'
        + f"<tbody>\n{table}</tbody></table>\n</details>\n</section>\n"
    )


def _language(result: SidesComparison, point: SidePoint) -> str:
    """The language of the account a point's words are taken from (its first)."""
    return result.readings[next(iter(point.claims))].account.language


def _sides_matrix(result: SidesComparison) -> str:
    sides = list(result.sides)
    by_id = {p.id: p for p in result.points}
    rows = []
    for row in result.rows:
        cells = []
        for s in sides:
            label = row.cells[s]
            tip = " / ".join(one_line(by_id[p].text) for p in row.points[s])
            title = f' title="{escape(tip)}"' if tip else ""
            cls = f"cell hl rel-{label}" if label else "cell"
            name = f" {label}" if label else ""
            cells.append(
                f'<td class="{escape(cls)}"{title}>{escape(_cell(row, s))}'
                f'<span class="muted">{escape(name)}</span></td>'
            )
        texts = "".join(
            f'<div lang="{escape(_language(result, by_id[p]))}"><span class="muted">'
            f"{escape(s)}:</span> {escape(one_line(by_id[p].text))}</div>"
            for s in sides
            for p in row.points[s]
        )
        rows.append(f"<tr><td>{escape(row.id)}</td>{''.join(cells)}<td>{texts}</td></tr>")
    return (
        '<section id="points" aria-labelledby="points-title">\n'
        '<h2 id="points-title">Points, side by side</h2>\n'
        '<p class="muted">= shared, ≠ conflict, · one-sided (only that side), blank: not '
        "carried, * in some of the side's versions only. Each row gives every side's own "
        "words for the point.</p>\n"
        '<table class="matrix"><thead><tr><th scope="col">row</th>'
        + "".join(f'<th scope="col">{escape(s)}</th>' for s in sides)
        + '<th scope="col">point</th></tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>\n</section>\n"
    )


def _sides_html(result: SidesComparison, lexicon: Lexicon) -> str:
    """The page of several sides, in the two-account report's layout: warnings, a score
    card per pair of sides, the accounts, a topic chart, the matrix of points, drift."""
    banners = "".join(
        warnings_banner(
            [ComparisonWarning(w["code"], w["message"]) for w in pair["warnings"]],
            where=" ↔ ".join(pair["sides"]),
        )
        for pair in result.side_pairs()
    )
    drift = (
        "\n".join(drift_html_section(d) for d in result.drift)
        if result.drift
        else "<h2>Version drift</h2><p>No side has more than one version.</p>"
    )
    return (
        banners
        + _sides_summary(result)
        + _sides_topic_chart(result, lexicon)
        + _sides_matrix(result)
        + f'<section id="drift">\n{drift}\n</section>\n'
        + f"<footer>readouts comparison of {escape(', '.join(result.sides))}, schema "
        + f"{escape(result.schema_version)}, method {escape(result.method)}. This page is "
        + "self-contained: it loads nothing from the network.</footer>\n"
    )


def sides_terminal(
    result: SidesComparison,
    *,
    columns: int | None = None,
    colour: bool = False,
    lexicon: Lexicon | None = None,
) -> str:
    """Several sides compared, as plain text ``columns`` wide (the matrix's marks carry
    the meaning, so ``colour`` changes nothing; it shows no topic labels)."""
    return _sides_terminal(result, columns_for(columns))


def sides_markdown(result: SidesComparison, *, lexicon: Lexicon | None = None) -> str:
    """Several sides compared, in Markdown."""
    return _sides_markdown(result)


def sides_html(
    result: SidesComparison,
    *,
    links: Sequence[tuple[str, str]] = (),
    lexicon: Lexicon | None = None,
) -> str:
    """Several sides compared, as one self-contained page; topic labels from ``lexicon``
    (the one the sides were compared with; the built-in one when not given)."""
    return report_page(
        f"{', '.join(result.sides)}: accounts compared side by side",
        _sides_html(result, lexicon or default_lexicon()),
        links=links,
        schema_version=result.schema_version,
        script=False,
    )
