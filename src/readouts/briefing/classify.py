"""How the brief reads claims: what a claim presses on the other side, and which tone
words describe the talks themselves.

Which acts fall in which class is data: the ``brief_acts_<class>`` lists of
``data/lists.tsv`` and the ``brief_objection_rung`` weight of ``data/weights.tsv``, which
a ``--lexicon`` file may replace."""

from __future__ import annotations

from ..lexicon import Lexicon, default_lexicon
from ..model import Claim, Reading, ToneHit
from ..tone import talk_hits as tone_talk_hits

__all__ = ["PRESSED", "claim_class", "talk_hits"]

#: Classes of claims a side presses on the other (see :func:`claim_class`).
PRESSED = ("concern", "objection", "demand", "invitation")


#: The classes an act may fall in, in the order they are tried.
_CLASSES = ("objection", "concern", "demand", "invitation", "assurance")


def _act_classes(lexicon: Lexicon) -> dict[str, str]:
    """act id -> its class, from the lexicon's ``brief_acts_<class>`` lists (built once)."""
    known = lexicon.derived.get("brief_act_classes")
    if isinstance(known, dict):
        return known
    classes: dict[str, str] = {}
    for k in _CLASSES:
        for act in lexicon.lists[f"brief_acts_{k}"].items:
            classes.setdefault(act, k)
    lexicon.derived["brief_act_classes"] = classes
    return classes


def claim_class(claim: Claim, lexicon: Lexicon | None = None) -> str:
    """What a claim does to the other side: ``concern``, ``objection``, ``demand``,
    ``invitation``, ``assurance`` or ``other``; the first four are pressed on it."""
    lexicon = lexicon or default_lexicon()
    kind = _act_classes(lexicon).get(claim.act, "other")
    rung = lexicon.weight("brief_objection_rung")
    if kind == "objection" or any(h.category == "ladder" and h.rung >= rung for h in claim.tone):
        return "objection"
    if kind == "concern" or any(h.category == "ladder" for h in claim.tone):
        return "concern"
    if kind == "demand":
        return "objection" if claim.negated else "demand"
    return kind


def talk_hits(reading: Reading) -> list[tuple[Claim, list[ToneHit]]]:
    """Atmosphere words that describe the talks themselves, with the claim that holds
    them ("the two sides had candid discussions"; not "constructive relations" in a
    speaker's proposal): :func:`readouts.tone.describes_talks`."""
    spans = {(h.start, h.end, h.term) for h in tone_talk_hits(reading)}
    out = []
    for claim in reading.claims:
        hits = [h for h in claim.tone if (h.start, h.end, h.term) in spans]
        if hits:
            out.append((claim, sorted(hits, key=lambda h: h.start)))
    return out
