"""What every report shows, computed once: rows side by side, claims by relation, names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, default_lexicon
from ..model import Claim, Comparison, Reading
from ..wording import possessive

__all__ = [
    "NOT_COMPARABLE_VERDICT",
    "Row",
    "claim_text",
    "conflict_pairs",
    "grouped",
    "md_line",
    "md_text",
    "one_line",
    "possessive",
    "side_by_side",
    "side_name",
    "speaker_label",
    "verdict",
]

MARKS = {"shared": "=", "conflict": "≠", "one-sided": "·"}
_MD_ESCAPE = re.compile(r"[\\`*\[\]|~]")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


def one_line(text: str) -> str:
    """The text on one line, each run of white space one space."""
    return " ".join(text.split())


def md_line(text: str) -> str:
    """:func:`md_text` of the text on one line (:func:`one_line`)."""
    return md_text(one_line(text))


def md_text(text: object) -> str:
    """Text from an account or a user's file, literal and safe in Markdown: on one line,
    ``<`` and ``>`` as entities and ``&`` too where it would start one (no raw HTML: no
    ``<script>``, no ``onerror=``), and the characters that make links, images, code,
    emphasis or a table cell backslash-escaped (no ``[x](javascript:...)``). Every
    Markdown renderer passes every piece of such text through here."""
    line = str(text).replace("\r", " ").replace("\n", " ").strip()
    line = _MD_ENTITY.sub("&amp;", line).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_ESCAPE.sub(r"\\\g<0>", line)


#: What a report says in place of the verdict when a warning makes the accounts not
#: comparable (``Comparison.comparable``).
NOT_COMPARABLE_VERDICT = (
    "The accounts may not be two sides' accounts of one meeting (see the warnings), "
    "so the score is no verdict."
)


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view: a claim of each account, or one of them."""

    a: Claim | None
    b: Claim | None


def claim_text(reading: Reading, claim: Claim) -> str:
    return reading.account.text[claim.start : claim.end]


def side_name(reading: Reading, lexicon: Lexicon | None = None) -> str:
    """How a report names the side that issued an account."""
    acc = reading.account
    lexicon = lexicon or default_lexicon()
    if acc.party and acc.party in lexicon.actors:
        return lexicon.actors[acc.party].name
    return acc.party or acc.side or acc.id


def speaker_label(claim: Claim) -> str:
    sp = claim.speaker
    if sp.kind == "narrator":
        return f"{sp.name} (narrator)"
    if sp.kind == "both":
        return "both sides"
    return sp.name


def side_by_side(c: Comparison) -> list[Row]:
    """Rows in the first account's order; each matched claim of the second account sits
    beside its first partner, the rest where they fall in their own order."""
    ra, rb = c.readings
    rows: list[Row] = []
    placed: dict[str, int] = {}
    by_id = {x.id: x for x in rb.claims}  # not a scan of B per row: linear in the claims
    for claim in ra.claims:
        rel = c.relations[claim.id]
        partner = next((p for p in rel.partners if p not in placed and p in by_id), None)
        if partner is not None:
            placed[partner] = len(rows)
            rows.append(Row(claim, by_id[partner]))
        else:
            rows.append(Row(claim, None))
    # claims of B not yet placed go after the row of the B claim before them
    insert_after: list[tuple[int, Claim]] = []
    last_row = -1
    for claim in rb.claims:
        if claim.id in placed:
            last_row = placed[claim.id]
        else:
            insert_after.append((last_row, claim))
    out: list[Row] = []
    pending: dict[int, list[Claim]] = {}
    for row_index, claim in insert_after:
        pending.setdefault(row_index, []).append(claim)
    out.extend(Row(None, b) for b in pending.get(-1, []))
    for k, row in enumerate(rows):
        out.append(row)
        out.extend(Row(None, b) for b in pending.get(k, []))
    return out


def grouped(c: Comparison) -> dict[str, list[tuple[Reading, Claim]]]:
    """Claims by relation label, in account order."""
    out: dict[str, list[tuple[Reading, Claim]]] = {"shared": [], "conflict": [], "one-sided": []}
    for r in c.readings:
        for claim in r.claims:
            out[c.relations[claim.id].label].append((r, claim))
    return out


def verdict(c: Comparison) -> tuple[str, str]:
    """(the score as shown, the verdict): "36/100" and the score's verdict, or "not
    comparable" and why, when a warning says the accounts are not of one meeting."""
    if c.comparable:
        return f"{c.score.value}/100", c.score.verdict
    return "not comparable", NOT_COMPARABLE_VERDICT


def conflict_pairs(c: Comparison) -> list[tuple[Claim, Claim]]:
    """The pairs of claims in conflict, one per alignment, in the first account's order."""
    by_id = {x.id: x for r in c.readings for x in r.claims}
    order = {x.id: k for k, x in enumerate(c.readings[0].claims)}
    pairs = [
        (by_id[al.a], by_id[al.b])
        for al in c.alignments
        if al.kind == "conflict"
        and c.relations[al.a].label == "conflict"
        and c.relations[al.b].label == "conflict"
    ]
    return sorted(pairs, key=lambda p: (order.get(p[0].id, 0), p[1].id))
