"""What every report shows, computed once: rows side by side, claims by relation, names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, default_lexicon
from ..model import Claim, Comparison, Reading

__all__ = [
    "Row",
    "claim_text",
    "grouped",
    "md_text",
    "possessive",
    "side_by_side",
    "side_name",
    "speaker_label",
]

MARKS = {"shared": "=", "conflict": "≠", "one-sided": "·"}
_MD_ESCAPE = re.compile(r"[\\`*\[\]|~]")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


def md_text(text: object) -> str:
    """Text from an account or a user's file, literal and safe in Markdown: on one line,
    ``<`` and ``>`` as entities and ``&`` too where it would start one (no raw HTML: no
    ``<script>``, no ``onerror=``), and the characters that make links, images, code,
    emphasis or a table cell backslash-escaped (no ``[x](javascript:...)``). Every
    Markdown renderer passes every piece of such text through here."""
    line = str(text).replace("\r", " ").replace("\n", " ").strip()
    line = _MD_ENTITY.sub("&amp;", line).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_ESCAPE.sub(r"\\\g<0>", line)


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


def possessive(name: str) -> str:
    """ "China's", "the United States'": the possessive of a side's name."""
    if name.lower() in ("united states", "united nations", "philippines", "netherlands"):
        name = "the " + name
    return name + ("'" if name.endswith("s") else "'s")


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
