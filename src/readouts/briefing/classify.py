"""How the brief reads claims: what a claim presses on the other side, and which tone
words describe the talks themselves."""

from __future__ import annotations

from ..model import Claim, Reading, ToneHit
from ..tone import talk_hits as tone_talk_hits

__all__ = ["PRESSED", "claim_class", "talk_hits"]

#: Classes of claims a side presses on the other (see :func:`claim_class`).
PRESSED = ("concern", "objection", "demand", "invitation")


def claim_class(claim: Claim) -> str:
    """What a claim does to the other side: ``concern``, ``objection``, ``demand``,
    ``invitation``, ``assurance`` or ``other``; the first four are pressed on it."""
    act = claim.act
    if act in ("reject", "protest", "accuse", "threaten") or any(
        h.category == "ladder" and h.rung >= 2 for h in claim.tone
    ):
        return "objection"
    if act == "express_concern" or any(h.category == "ladder" for h in claim.tone):
        return "concern"
    if act == "request":
        return "objection" if claim.negated else "demand"
    if act == "invite":
        return "invitation"
    if act == "assure":
        return "assurance"
    return "other"


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
