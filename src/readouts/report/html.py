"""HTML report: one self-contained page, the two accounts side by side.

``render_html(comparison)`` returns a complete HTML document with its CSS and script
inline and nothing fetched from anywhere: a summary (the score, its verdict and
reasons, the accounts, the meeting facts each side gives, a topic-coverage chart and
the tone words of each side), then the two accounts in columns with every claim
highlighted by its relation. Clicking a claim highlights its counterparts in the
other account and scrolls to the first one.

Relations are told apart by line style and hatching as well as by colour, and each
claim carries a text label (``= c3 shared``), so the page reads in greyscale, in
print and to colour-blind readers.

Readout text is untrusted: every piece of text and every attribute is escaped, no
link is ever made from an account's data, and a Content-Security-Policy that allows
only this page's own style and script (by hash) blocks anything that slipped through.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from ..lexicon import Lexicon, default_lexicon
from ..model import Account, Claim, Comparison, ComparisonWarning, Reading, ToneHit
from ..tone import reading_of, talk_hits
from ..wording import count, short
from .common import MARKS, NOT_COMPARABLE_VERDICT, side_name, speaker_label

__all__ = [
    "asset",
    "content_security_policy",
    "render_html",
    "report_page",
    "score_card",
    "side_names",
    "topic_rows",
    "warnings_banner",
]

_PARTS = {
    "mirrored": "Claims both report",
    "topic_overlap": "Topic overlap",
    "conflict": "Claims in conflict",
}
_RUNGS = {1: "concern", 2: "regret", 3: "dissatisfaction", 4: "opposition", 5: "protest"}
_TONE_ORDER = ("atmosphere", "position", "ladder", "signal", "framing", "other use")
_FORMATS = {
    "video": "video call",
    "phone": "phone call",
    "in_person": "in person",
    "sidelines": "on the sidelines",
}
#: Meeting-fact fields in display order, with their labels; unknown fields follow.
_FACTS = {
    "participants": "Participants",
    "date": "Date",
    "format": "Format",
    "event": "Event",
    "place": "Place",
    "requested_by": "Requested by",
    "invited_by": "Invited by",
}
#: Suffixes of fields that qualify another (its span, wording, end, basis, name as given):
#: shown inside that field's row, or not at all.
_QUALIFIERS = ("_span", "_text", "_end", "_name", "_basis")
_FORMAT_BASIS = {"verb": "taken from the verb", "title": "from the title"}
_SIDE_KEYS = ("a", "b")
_LANGUAGES = {"en": "English", "zh": "Chinese"}


def _e(value: object) -> str:
    """Escape for text and for double- or single-quoted attributes."""
    return escape(str(value), quote=True)


@lru_cache(maxsize=8)
def asset(name: str) -> str:
    """A file of ``report/templates`` (CSS or script), as text."""
    return resources.files("readouts.report").joinpath("templates", name).read_text("utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(
    *, styles: Iterable[str] = (), scripts: Iterable[str] = (), form_action: str = "'none'"
) -> str:
    """A policy that allows the given inline styles and scripts (by hash) and nothing else
    (forms may post to ``form_action``: ``'none'``, or ``'self'`` for the web app)."""
    style_src = " ".join(f"'sha256-{_sha256(s)}'" for s in styles) or "'none'"
    script_src = " ".join(f"'sha256-{_sha256(s)}'" for s in scripts) or "'none'"
    return (
        f"default-src 'none'; style-src {style_src}; script-src {script_src}; "
        f"img-src data:; base-uri 'none'; form-action {form_action}"
    )


def side_names(comparison: Comparison, lexicon: Lexicon) -> tuple[str, str]:
    """How the report names the two sides; told apart when both are the same party."""
    ra, rb = comparison.readings
    a, b = side_name(ra, lexicon), side_name(rb, lexicon)
    if a == b:
        a, b = f"{a} ({short(ra.account.id)})", f"{b} ({short(rb.account.id)})"
    return a, b


def _pct(value: float) -> str:
    return f"{round(100 * value)}%"


def _short(claim_id: str) -> str:
    """``c3`` for ``account:c3``."""
    return claim_id.rsplit(":", 1)[-1]


# --------------------------------------------------------------------------- summary


def warnings_banner(warnings: Sequence[ComparisonWarning], where: str = "") -> str:
    """The warnings, first thing on the page ("" when there are none); ``where`` names
    the pair of sides they are about, on a page of several."""
    if not warnings:
        return ""
    items = "".join(
        f'<li data-code="{_e(w.code)}"><strong>Warning:</strong> {_e(w.message)}</li>\n'
        for w in warnings
    )
    head = f"<p><strong>{_e(where)}</strong></p>\n" if where else ""
    return f'<section class="warnings" role="alert">\n{head}<ul>\n{items}</ul>\n</section>\n'


def score_card(
    value: int,
    band: str,
    verdict: str,
    parts: dict[str, float],
    *,
    comparable: bool = True,
    title: str = "Meeting of minds",
    ids: bool = True,
    extra: str = "",
) -> str:
    """The score card: the value, its band, a meter, the verdict and the parts; "not
    comparable" in place of the value and the verdict when a warning says so. ``ids``
    False for a page with several cards; ``extra``: HTML to end the card with."""

    def id_(name: str) -> str:
        return f' id="{name}"' if ids else ""

    listed = "".join(
        f"<dt>{_e(_PARTS.get(k, k.replace('_', ' ').capitalize()))}</dt><dd>{_pct(v)}</dd>"
        for k, v in parts.items()
    )
    label = ' aria-labelledby="score-title"' if ids else ""
    end = (extra + "\n" if extra else "") + "</section>\n"
    head = (
        f'<section class="score-card"{id_("score")}{label}>\n'
        f"<h2{id_('score-title')}>{_e(title)}</h2>\n"
    )
    if not comparable:
        return (
            head + f'<p class="score-value not-comparable"><span{id_("score-value")}>not comparable'
            "</span></p>\n"
            f'<p class="verdict"{id_("verdict")}>{_e(NOT_COMPARABLE_VERDICT)}</p>\n' + end
        )
    shown = max(0, min(100, value))
    ticks = "".join(
        f'<line class="tick" x1="{x}" y1="0" x2="{x}" y2="6"/>' for x in (25, 40, 55, 75)
    )
    return (
        head + f'<p class="score-value"><span{id_("score-value")}>{_e(value)}</span>'
        f'<span class="outof">/100</span><span class="band band-{_e(band)}">{_e(band)}</span>'
        "</p>\n"
        f'<svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" '
        f'aria-label="score {_e(value)} of 100">'
        f'<rect class="track" x="0" y="0" width="100" height="6"/>'
        f'<rect class="fill" x="0" y="0" width="{shown}" height="6"/>{ticks}</svg>\n'
        f'<p class="verdict"{id_("verdict")}>{_e(verdict)}</p>\n'
        f'<dl class="parts">{listed}</dl>\n' + end
    )


def _score_card(comparison: Comparison) -> str:
    s = comparison.score
    return score_card(s.value, s.band, s.verdict, s.parts, comparable=comparison.comparable)


def _relation_counts(comparison: Comparison, reading: Reading) -> Counter[str]:
    return Counter(comparison.relations[c.id].label for c in reading.claims)


def _accounts_table(comparison: Comparison, names: tuple[str, str]) -> str:
    ra, rb = comparison.readings

    def language(r: Reading) -> str:
        lang = _LANGUAGES.get(r.account.language, r.account.language)
        script = {"Hans": "simplified", "Hant": "traditional"}.get(r.account.script, "")
        return f"{lang} ({script})" if script else lang

    rows: list[tuple[str, str, str]] = [("Account", ra.account.id, rb.account.id)]
    rows.append(("Language", language(ra), language(rb)))
    for label, key in (("Issuer", "issuer"), ("Date", "date"), ("Title", "title")):
        va, vb = getattr(ra.account, key), getattr(rb.account, key)
        if va or vb:
            rows.append((label, va or "—", vb or "—"))
    rows.append(("Source", ra.account.source or "—", rb.account.source or "—"))
    rows.append(("Claims", str(len(ra.claims)), str(len(rb.claims))))
    ca, cb = _relation_counts(comparison, ra), _relation_counts(comparison, rb)
    for label in ("shared", "conflict", "one-sided"):
        rows.append((f"{MARKS[label]} {label.capitalize()}", str(ca[label]), str(cb[label])))
    body = "".join(
        f'<tr><th scope="row">{_e(h)}</th><td>{_e(a)}</td><td>{_e(b)}</td></tr>\n'
        for h, a, b in rows
    )
    return (
        '<table class="accounts">\n'
        f'<thead><tr><th></th><th scope="col">{_e(names[0])}</th>'
        f'<th scope="col">{_e(names[1])}</th></tr></thead>\n'
        f"<tbody>\n{body}</tbody></table>\n"
    )


def _fact_value(key: str, value: Any, facts: dict[str, Any], lexicon: Lexicon) -> str:
    """One fact as plain text ("" when the account does not give it)."""
    if key.endswith(_QUALIFIERS):
        return ""
    if key in ("requested_by", "invited_by"):
        party = lexicon.party_name(str(value)) if value else ""
        named = str(facts.get(f"{key}_name") or "")
        if party and named and named != party:
            return f"{party} ({named})"
        return party or named
    if value in (None, "", -1) or value == () or value == [] or value == {}:
        return ""
    if key == "participants" and isinstance(value, list | tuple):
        return "; ".join(_participant(p, lexicon) for p in value)
    if key == "date":
        shown = f"{value} – {facts['date_end']}" if facts.get("date_end") else str(value)
        said = facts.get("date_text") or ""
        return f"{shown} (“{said}”)" if said and said != value else shown
    if key == "format":
        shown = _FORMATS.get(str(value), str(value).replace("_", " "))
        basis = _FORMAT_BASIS.get(str(facts.get("format_basis") or ""))
        return f"{shown} ({basis})" if basis else shown
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _participant(p: Any, lexicon: Lexicon) -> str:
    if not isinstance(p, dict):
        return str(p)
    party = str(p.get("party") or "")
    side = lexicon.party_name(party) if party else str(p.get("affiliation") or "")
    extra = ", ".join(str(x) for x in (p.get("role"), side) if x)
    name = str(p.get("name") or "?")
    return f"{name} ({extra})" if extra else name


def _fact_differences(
    comparison: Comparison, names: tuple[str, str], lexicon: Lexicon
) -> list[dict[str, str]]:
    """Where the accounts' facts disagree: ``[{"fact", "a", "b", "finding"}]``."""
    from ..facts import fact_differences

    ra, rb = comparison.readings
    return fact_differences(ra.facts, rb.facts, names, lexicon)


def _facts_section(comparison: Comparison, names: tuple[str, str], lexicon: Lexicon) -> str:
    dicts = [r.facts.to_dict() for r in comparison.readings]
    differences = _fact_differences(comparison, names, lexicon)
    differing = {d.get("fact") for d in differences}
    keys = list(_FACTS) + [k for d in dicts for k in d if k not in _FACTS]
    rows = []
    for key in dict.fromkeys(keys):
        va, vb = (_fact_value(key, d.get(key), d, lexicon) for d in dicts)
        if not (va or vb):
            continue
        label = _FACTS.get(key, key.replace("_", " ").capitalize())
        note = ' <span class="differs">≠ differ</span>' if key in differing else ""
        rows.append(
            f'<tr><th scope="row">{_e(label)}{note}</th>'
            f"<td>{_e(va or '—')}</td><td>{_e(vb or '—')}</td></tr>\n"
        )
    if not rows:
        body = (
            '<p class="muted">Neither account gives the date, format, place or participants '
            "of the meeting in a form readouts recognises.</p>\n"
        )
    else:
        body = (
            '<table class="facts">\n'
            f'<thead><tr><th></th><th scope="col">{_e(names[0])}</th>'
            f'<th scope="col">{_e(names[1])}</th></tr></thead>\n'
            f"<tbody>\n{''.join(rows)}</tbody></table>\n"
        )
    if differences:
        items = "".join(f"<li>≠ {_e(d.get('finding', ''))}</li>\n" for d in differences)
        body += f'<ul class="findings" id="fact-differences">\n{items}</ul>\n'
    return (
        '<section id="facts" aria-labelledby="facts-title">\n'
        '<h2 id="facts-title">The meeting, as each side tells it</h2>\n'
        f"{body}</section>\n"
    )


def topic_rows(comparison: Comparison) -> list[tuple[str, int, int]]:
    """(topic, claims of A on it, claims of B on it): raised by both first, then A, then B."""
    ra, rb = comparison.readings
    ta = comparison.topics.get(ra.account.id, ())
    tb = comparison.topics.get(rb.account.id, ())
    na = Counter(t for c in ra.claims for t in c.topics)
    nb = Counter(t for c in rb.claims for t in c.topics)
    both = [t for t in ta if t in tb]
    only_a = [t for t in ta if t not in tb]
    only_b = [t for t in tb if t not in ta]
    rows = []
    for t in [*both, *only_a, *only_b]:
        rows.append((t, max(na[t], 1 if t in ta else 0), max(nb[t], 1 if t in tb else 0)))
    return rows


def _topic_chart(comparison: Comparison, names: tuple[str, str], lexicon: Lexicon) -> str:
    rows = topic_rows(comparison)
    head = (
        '<section id="topics" aria-labelledby="topics-title">\n'
        '<h2 id="topics-title">Topics each side raised</h2>\n'
    )
    if not rows:
        why = " (the baseline method tags none)" if comparison.method == "baseline" else ""
        return head + f'<p class="muted">No topics found{_e(why)}.</p>\n</section>\n'
    width, label_w, row_h, top = 760, 290, 20, 30
    half = (width - label_w) // 2
    reach = half - 34
    most = max(max(a, b) for _, a, b in rows) or 1
    height = top + row_h * len(rows) + 6
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="topics-svg-title">',
        f'<title id="topics-svg-title">Claims on each topic: {_e(names[0])} left, '
        f"{_e(names[1])} right</title>",
        '<defs><pattern id="hatch-b" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fbe3b0"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#e69f00" stroke-width="3"/></pattern></defs>',
        f'<text x="{half - 6}" y="16" text-anchor="end" font-weight="700">{_e(names[0])}</text>',
        f'<text x="{half + label_w + 6}" y="16" font-weight="700">{_e(names[1])}</text>',
    ]
    for k, (topic, a, b) in enumerate(rows):
        y = top + k * row_h
        entry = lexicon.topics.get(topic)
        label = entry.label_en if entry else topic
        cls = "both" if a and b else ""
        if entry and entry.generic:
            cls = (cls + " generic").strip()
        label_attr = f' class="{cls}"' if cls else ""
        shown = label if len(label) <= 40 else label[:39].rstrip() + "…"
        out.append(
            f'<text x="{width // 2}" y="{y + 14}" text-anchor="middle"{label_attr}>'
            f"<title>{_e(label)}</title>{_e(shown)}</text>"
        )
        for side, n in ((0, a), (1, b)):
            if not n:
                continue
            w = max(2, round(reach * n / most))
            x = half - w if side == 0 else half + label_w
            fill = "" if side == 0 else ' fill="url(#hatch-b)"'
            what = f"{names[side]}: {n} claim{'s' if n != 1 else ''} on {label}"
            out.append(
                f'<rect class="bar-{_SIDE_KEYS[side]}" x="{x}" y="{y + 3}" width="{w}" '
                f'height="{row_h - 6}"{fill}><title>{_e(what)}</title></rect>'
            )
            tx, anchor = (x - 4, "end") if side == 0 else (x + w + 4, "start")
            out.append(
                f'<text class="count" x="{tx}" y="{y + 14}" text-anchor="{anchor}">{n}</text>'
            )
    out.append(
        f'<line class="axis" x1="{half}" y1="{top - 2}" x2="{half}" y2="{height - 4}"/>'
        f'<line class="axis" x1="{half + label_w}" y1="{top - 2}" '
        f'x2="{half + label_w}" y2="{height - 4}"/>'
    )
    out.append("</svg>")
    table = "".join(
        f"<tr><td>{_e(lexicon.topics[t].label_en if t in lexicon.topics else t)}</td>"
        f"<td>{a or ''}</td><td>{b or ''}</td></tr>\n"
        for t, a, b in rows
    )
    return (
        head
        + "\n".join(out)
        + '\n<p class="muted">Bars count the claims on each topic; bold: raised by both '
        "sides; italic: process topics (dialogue, relations) that nearly every readout has."
        "</p>\n"
        + "<details><summary>As a table</summary>\n"
        + f'<table><thead><tr><th scope="col">Topic</th><th scope="col">{_e(names[0])}</th>'
        + f'<th scope="col">{_e(names[1])}</th></tr></thead>\n<tbody>\n{table}</tbody></table>'
        + "\n</details>\n</section>\n"
    )


def _tone_hits(reading: Reading) -> list[ToneHit]:
    """The account's tone words (its own and its claims'), each once, in text order."""
    seen: dict[tuple[int, int, str], ToneHit] = {}
    for hit in (*reading.tone, *(t for c in reading.claims for t in c.tone)):
        seen.setdefault((hit.start, hit.end, hit.term), hit)
    return sorted(seen.values(), key=lambda h: (h.start, h.end, h.term))


def _tone_side(reading: Reading, name: str, lexicon: Lexicon) -> str:
    """One side's tone words: an atmosphere word counts as such only where it describes
    the talks (the others are listed as "other use"); each is glossed with the reading
    of its language and issuer (:func:`readouts.tone.reading_of`)."""
    hits = _tone_hits(reading)
    acc = reading.account
    text = acc.text
    head = f"<div><h3>{_e(name)}</h3>\n"
    if not hits:
        return head + '<p class="muted">No tone words found.</p>\n</div>\n'
    of_talks = {(h.start, h.end) for h in talk_hits(reading)}
    by_term: dict[tuple[str, str], list[ToneHit]] = {}
    for h in hits:
        category = h.category
        if category == "atmosphere" and (h.start, h.end) not in of_talks:
            category = "other use"
        by_term.setdefault((h.term, category), []).append(h)
    order = {c: k for k, c in enumerate(_TONE_ORDER)}
    items = []
    for (term, category), group in sorted(
        by_term.items(), key=lambda kv: (order.get(kv[0][1], 9), kv[1][0].start)
    ):
        first = group[0]
        forms = ", ".join(f"“{f}”" for f in dict.fromkeys(text[h.start : h.end] for h in group))
        gloss = reading_of(lexicon, term, acc.language, acc.party)
        if category == "other use":
            gloss = "not said of the talks, so not counted as their atmosphere"
        reading_text = f" — {gloss}" if gloss else ""
        rung = f", rung {first.rung} ({_RUNGS.get(first.rung, '?')})" if first.rung else ""
        times = f" ×{len(group)}" if len(group) > 1 else ""
        items.append(
            f'<li data-term="{_e(term)}" data-category="{_e(category)}">'
            f'<span class="tone-cat">{_e(category)}</span> '
            f"<b>{_e(forms)}</b> {_e(term.replace('_', ' '))}{_e(times)}{_e(rung)}"
            f'<span class="muted">{_e(reading_text)}</span></li>\n'
        )
    top = max((h.rung for h in hits), default=0)
    ladder = (
        f"Highest rung on the concern → protest ladder: {top} ({_RUNGS.get(top, '?')})."
        if top
        else "No word on the concern → protest ladder."
    )
    return (
        head
        + f'<ul class="tone-list">\n{"".join(items)}</ul>\n'
        + f'<p class="ladder">{_e(ladder)}</p>\n</div>\n'
    )


def _tone_section(comparison: Comparison, names: tuple[str, str], lexicon: Lexicon) -> str:
    sides = "".join(
        _tone_side(r, n, lexicon) for r, n in zip(comparison.readings, names, strict=True)
    )
    return (
        '<section id="tone" aria-labelledby="tone-title">\n'
        '<h2 id="tone-title">Tone words</h2>\n'
        f'<div class="tone-grid">\n{sides}</div>\n</section>\n'
    )


# --------------------------------------------------------------------------- accounts


class _Tones:
    """An account's tone words in text order, with what finds those near a span at once
    (a report marks thousands of spans: scanning every tone word for each was
    quadratic in the size of the account)."""

    def __init__(self, hits: Sequence[ToneHit]):
        self.hits = list(hits)
        self.starts = [h.start for h in self.hits]
        self.longest = max((h.end - h.start for h in self.hits), default=0)

    def near(self, lo: int, hi: int) -> Sequence[ToneHit]:
        """The hits that may overlap ``[lo, hi)``, in order (a superset: none is missed)."""
        first = bisect.bisect_left(self.starts, lo - self.longest)
        return self.hits[first : bisect.bisect_left(self.starts, hi)]


def _marked(text: str, lo: int, hi: int, tones: _Tones, lexicon: Lexicon, acc: Account) -> str:
    """``text[lo:hi]`` escaped, with the tone words in it marked and glossed for the
    account's language and issuer."""
    out = []
    pos = lo
    for hit in tones.near(lo, hi):
        start, end = max(hit.start, pos), min(hit.end, hi)
        if end <= start:
            continue
        out.append(_e(text[pos:start]))
        gloss = reading_of(lexicon, hit.term, acc.language, acc.party)
        tip = hit.term.replace("_", " ") + (f": {gloss}" if gloss else "")
        out.append(
            f'<span class="tone tone-{_e(hit.category)}" title="{_e(tip)}">'
            f"{_e(text[start:end])}</span>"
        )
        pos = end
    out.append(_e(text[pos:hi]))
    return "".join(out)


def _claim_info(comparison: Comparison, claim: Claim, lexicon: Lexicon) -> str:
    rel = comparison.relations[claim.id]
    parts = [rel.label if rel.kind in ("mirrored", "omission") else f"{rel.label}: {rel.kind}"]
    parts[0] = parts[0].replace("_", " ")
    parts.append(f"speaker: {speaker_label(claim)}")
    if claim.act and claim.act != "statement":
        parts.append(f"act: {claim.act.replace('_', ' ')}")
    if claim.topics:
        labels = [lexicon.topics[t].label_en if t in lexicon.topics else t for t in claim.topics]
        parts.append("topics: " + ", ".join(labels))
    if claim.negated:
        parts.append("negated")
    if "unconfirmed_attribution" in rel.flags and rel.label != "conflict":
        parts.append("attributed to the other side, not in its account")
    return "; ".join(parts)


def _column(
    comparison: Comparison,
    side: int,
    name: str,
    dom: dict[str, str],
    names: tuple[str, str],
    lexicon: Lexicon,
) -> str:
    reading = comparison.readings[side]
    acc = reading.account
    text = acc.text
    tones = _Tones(_tone_hits(reading))
    counts = _relation_counts(comparison, reading)
    out: list[str] = []
    pos = 0
    for claim in sorted(reading.claims, key=lambda c: (c.start, c.end)):
        start = max(claim.start, pos)
        end = max(claim.end, start)
        if start > pos:
            out.append(_marked(text, pos, start, tones, lexicon, acc))
        rel = comparison.relations[claim.id]
        linked = [dom[p] for p in rel.partners if p in dom]
        # a one-sided claim's partners are only related (the nearest the other side says)
        partners, related = (linked, []) if rel.label != "one-sided" else ([], linked)
        info = _claim_info(comparison, claim, lexicon)
        label = f"{MARKS[rel.label]} {_short(claim.id)} {rel.label}"
        if rel.label == "conflict" and rel.kind:
            label += ": " + rel.kind.replace("_", " ")
        elif "unconfirmed_attribution" in rel.flags:
            label += ", attributed"
        tip = info
        other = names[1 - side]
        if partners:
            tip += f" ↔ {other} " + ", ".join(_short(p) for p in rel.partners)
        elif related:
            tip += f"; nearest in {other}: " + ", ".join(_short(p) for p in rel.partners)
        out.append(
            f'<span class="hl claim rel-{_e(rel.label)}" id="{_e(dom[claim.id])}" tabindex="0" '
            f'role="button" data-claim="{_e(claim.id)}" data-label="{_e(rel.label)}" '
            f'data-side="{_e(name)}" data-short="{_e(_short(claim.id))}" data-info="{_e(info)}" '
            f'data-partners="{_e(" ".join(partners))}" data-related="{_e(" ".join(related))}" '
            f'title="{_e(tip)}">'
            f'<span class="badge">{_e(label)}</span>'
            f"{_marked(text, start, end, tones, lexicon, acc)}</span>"
        )
        pos = end
    tail = text[pos:].rstrip()
    out.append(_marked(text, pos, pos + len(tail), tones, lexicon, acc))
    lang = acc.language + (f"-{acc.script}" if acc.script else "")
    meta = [_LANGUAGES.get(acc.language, acc.language), *(x for x in (acc.issuer, acc.date) if x)]
    summary = (
        f"{count(len(reading.claims), 'claim')}: {counts['shared']} shared, "
        f"{counts['conflict']} in conflict, {counts['one-sided']} one-sided"
    )
    key = _SIDE_KEYS[side]
    return (
        f'<article class="account side-{key}" id="account-{key}" '
        f'aria-labelledby="account-{key}-title">\n'
        f'<header><h2 id="account-{key}-title">{_e(name)}</h2>\n'
        f'<p class="meta">{_e(" · ".join(str(m) for m in meta))}</p>\n'
        f'<p class="meta">{_e(summary)}</p></header>\n'
        f'<div class="text" lang="{_e(lang)}">{"".join(out)}</div>\n'
        "</article>\n"
    )


def _legend(comparison: Comparison) -> str:
    counts = Counter(r.label for r in comparison.relations.values())
    what = {
        "shared": "both accounts report it",
        "conflict": "the accounts clash on it",
        "one-sided": "only this account reports it",
    }
    buttons = "".join(
        f'<button type="button" data-relation="{label}" aria-pressed="true" '
        f'title="Show or hide the {label} highlights">'
        f'<span class="hl sample rel-{label}"><span class="badge">{_e(MARKS[label])} '
        f"{label}</span>{_e(what[label])}</span> "
        f'<span class="count">{counts[label]}</span></button>\n'
        for label in ("shared", "conflict", "one-sided")
    )
    return (
        '<section class="legend" aria-label="Legend">\n'
        '<span class="no-print">Click a claim to highlight its counterpart. Show:</span>\n'
        f"{buttons}</section>\n"
    )


# --------------------------------------------------------------------------- page


def _toolbar(links: Sequence[tuple[str, str]]) -> str:
    if not links:
        return ""
    items = []
    for label, href in links:
        if not href.startswith(("/", "#", "./", "https://", "http://")):
            continue  # links come from the caller, never from an account; refuse odd schemes
        items.append(f'<a href="{_e(href)}">{_e(label)}</a>')
    return f'<nav class="toolbar" aria-label="Report">{"".join(items)}</nav>\n'


def render_html(
    comparison: Comparison,
    *,
    links: Sequence[tuple[str, str]] = (),
    lexicon: Lexicon | None = None,
) -> str:
    """The comparison as one self-contained HTML page.

    ``links`` are (label, href) pairs shown in a toolbar above the report (the web app
    adds its download links there); they are hidden in print.
    """
    lexicon = lexicon or default_lexicon()
    names = side_names(comparison, lexicon)
    ra, rb = comparison.readings
    dom: dict[str, str] = {}
    for key, reading in zip(_SIDE_KEYS, comparison.readings, strict=True):
        for k, claim in enumerate(reading.claims):
            dom[claim.id] = f"claim-{key}{k + 1}"
    title = f"{names[0]} and {names[1]}: two accounts compared"
    reasons = "".join(f"<li>{_e(r)}</li>\n" for r in comparison.score.reasons)
    body = (
        warnings_banner(comparison.warnings)
        + '<header class="summary">\n'
        + _score_card(comparison)
        + '<section class="why" aria-labelledby="why-title">\n'
        + '<h2 id="why-title">Why</h2>\n'
        + f'<ul class="reasons" id="reasons">\n{reasons}</ul>\n'
        + _accounts_table(comparison, names)
        + "</section>\n</header>\n"
        + _facts_section(comparison, names, lexicon)
        + '<div class="details-grid">\n'
        + _topic_chart(comparison, names, lexicon)
        + _tone_section(comparison, names, lexicon)
        + "</div>\n"
        + _legend(comparison)
        + '<p id="status" class="no-print" aria-live="polite">'
        + "Click a claim to see its counterpart in the other account.</p>\n"
        + '<main class="columns">\n'
        + _column(comparison, 0, names[0], dom, names, lexicon)
        + _column(comparison, 1, names[1], dom, names, lexicon)
        + "</main>\n"
        + f"<footer>readouts comparison of {_e(ra.account.id)} and {_e(rb.account.id)}, "
        + f"schema {_e(comparison.schema_version)}, method {_e(comparison.method)}. "
        + "This page is self-contained: it loads nothing from the network.</footer>\n"
    )
    return report_page(title, body, links=links, schema_version=comparison.schema_version)


def report_page(
    title: str,
    body: str,
    *,
    links: Sequence[tuple[str, str]] = (),
    schema_version: str = "",
    script: bool = True,
) -> str:
    """A self-contained report page: the report's style (and, with ``script``, its script)
    inline and allowed by hash, nothing else; the toolbar of ``links``, the title and
    ``body``."""
    style = asset("report.css")
    code = asset("report.js") if script else ""
    policy = content_security_policy(styles=[style], scripts=[code] if code else [])
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="readouts (schema {_e(schema_version)})">\n'
        f"<title>{_e(title)} — readouts</title>\n"
        f"<style>{style}</style>\n"
        "</head>\n<body>\n"
        + _toolbar(links)
        + f"<h1>{_e(title)}</h1>\n"
        + body
        + (f"<script>{code}</script>\n" if code else "")
        + "</body>\n</html>\n"
    )
