"""English claims as the later stages read them: the content without its reporting
frame, a demand made of a party, the months named in words, the request rule of tagging
(see :mod:`readouts.claimview` and :mod:`readouts.tag`)."""

from __future__ import annotations

import re

from . import MONTHS, SPEECH_VERBS

__all__ = ["demand_after", "modal_request", "months", "strip_frame"]

_SPEECH_EN = "|".join(sorted(SPEECH_VERBS | {"agreed", "agree", "agrees"}, key=len, reverse=True))
_FRAME_EN = re.compile(r"^[^,;:]{0,90}?\b(?:" + _SPEECH_EN + r")\b(?:\s+that)?[\s,]+", re.I)
_LEADING = re.compile(r"^(?:and|but|or|while|whereas|yet|however|also|then|that)\b[\s,]*", re.I)
# a demand: a party followed by a modal ("the U.S. side must observe")
_DEMAND_EN = re.compile(r"^\W*(?:should|must|ought to|needs? to|has to|have to|shall)\b", re.I)


def strip_frame(body: str) -> tuple[str, str]:
    """The body without a leading conjunction, and the same without its reporting frame
    ("Wang Yi said that ...")."""
    body = _LEADING.sub("", body)
    return body, _FRAME_EN.sub("", body, count=1)


def demand_after(after: str) -> bool:
    """Does the text after a party's mention make a demand of it ("The U.S. side, he said,
    must observe …", "NATO should …")?"""
    after = re.sub(r"^\s*(?:side\b)?\s*(?:,[^,]{0,30},)?", "", after)
    return bool(_DEMAND_EN.match(after))


def months(text: str) -> set[str]:
    """The months the text names by word, capitalised, as numbers ("March" -> "3")."""
    nums = set()
    for w in re.findall(r"[A-Za-z]+", text):
        month = MONTHS.get(w.lower().rstrip("."))
        if month and w[0].isupper():
            nums.add(str(month))
    return nums


def modal_request(view: str, start: int, end: int) -> bool:
    """English requests are told by their act cues ("called on", "urged"): never by a
    modal alone."""
    return False
