"""English words around an atmosphere word: whether it characterises the talks ("the
meeting was constructive", not "a constructive role"; see :mod:`readouts.tone`)."""

from __future__ import annotations

import re

from ..base import TalkWords

__all__ = ["TALK_WORDS"]

TALK_WORDS = TalkWords(
    talks=re.compile(
        r"\b(?:talks?|meetings?|discussions?|conversations?|calls?|exchanges?|consultations?|"
        r"dialogues?|sessions?|negotiations?|summit|visit|engagement|conference|communications?|"
        r"video\s*conference|videoconference|bilateral|"
        r"discuss(?:ed|es)?|spoke|speaks?|talked|met|meets?|exchanged|conferred)\b",
        re.I,
    ),
    other=re.compile(
        r"(?:\s+and\s+[a-z-]+)*\s+(?:role|roles|relations?|relationships?|partnerships?|"
        r"ties|cooperation|approach|approaches|steps?|measures?|efforts?|solutions?|"
        r"attitude|manner|way|contribution|contributions|proposals?|agenda|work|action|actions|"
        r"outcomes?|results?|development|momentum|responses?|force|influence|policy|policies)\b",
        re.I,
    ),
    # "should hold constructive dialogue": about talks to come, not the meeting held
    modal=re.compile(
        r"\b(?:should|must|will|would|shall|ready\s+to|willing\s+to|hopes?\s+to|wants?\s+to|"
        r"urged|called\s+on|calls\s+on|continue\s+to|need\s+to|needs\s+to)\b",
        re.I,
    ),
    clause=re.compile(
        r"[.;:!?]|,\s+(?:but|while|which|who|whereas)\b|\s+(?:and|but)\s+(?=\w+ed\b)"
    ),
)
