"""English roles of an event: the source is the subject of its clause (or the agent
after "by" in a passive, or the possessor in "Russia's invasion"), the target the first
actor after the predicate; whom one meets is the actor after "with" or the object of a
meeting verb; a trailing report (", a newspaper said") names no role (see
:mod:`readouts.lang.roles`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lexicon import Match
from ..events import REPORT_FRAMES, Hit, words_between
from ..roles import Predicate, Roles
from . import MEETING_VERBS

__all__ = ["EnglishRoles"]

_PASSIVE_EN = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$", re.I)
_BY_EN = re.compile(r"\bby\b", re.I)
_JOIN_EN = re.compile(r"^\s*(?:,\s*)?(?:and|&|as well as|,)\s*(?:the\s+)?$", re.I)
# whom one meets: "with", and the objects of meeting verbs
_WITH_EN = re.compile(r"\b(?:with|and)\b", re.I)
_MEET_EN = frozenset(MEETING_VERBS | {"meet", "call", "called", "calls", "telephoned", "phoned"})
# the place of an event: "in Haiti", "in Nepal's capital"
_PLACE_EN = re.compile(r"\b(?:in|at|near|across|throughout|inside)\s+(?:[\w-]+\s+){0,4}$", re.I)
# "Russia's unprovoked invasion": a possessive before the event noun, two words at most
_POSSESSIVE_EN = re.compile(r"^\s*[’']s\b(?:\s+[\w-]+){0,2}\s*$")
# a trailing clause that says who reports, or starts something else
_TRAIL_EN = re.compile(
    r",\s*(?:who|which|whose|whom|where|after|before|as|while|because|despite|although|"
    r"following|saying|adding|unless|if|until|when|but|according)\b",
    re.I,
)


def _possessor(text: str, choice: Predicate, mentions: Sequence[Match]) -> tuple[Match, ...]:
    """ "Russia's unprovoked invasion": whose the named event is."""
    for m in mentions:
        if m.end <= choice.cue.start and _POSSESSIVE_EN.match(text[m.end : choice.cue.start]):
            return (m,)
    return ()


# a leading adverbial or conditional clause, left out when an event follows it
_ADVERBIAL_EN = re.compile(
    r"\s*(?:in|on|with|under|after|before|despite|during|following|at(?!\s+(?:least|most)\b)|"
    r"for|amid|amidst|since|last|earlier|later|meanwhile|however|also|upon|as|when|while|"
    r"given|having|through|throughout|over|according|if|unless|should|once)\b[^;]{0,160}?"
    r",(?!\d)",
    re.I,
)


class EnglishRoles(Roles):
    join = _JOIN_EN
    place = _PLACE_EN
    adverbial = _ADVERBIAL_EN

    def trailing_end(self, text: str, hits: Sequence[Hit], after: int, end: int) -> int:
        stop = end
        semi = text.find(";", after, end)
        if semi >= 0:
            stop = semi
        m = _TRAIL_EN.search(text, after, stop)
        if m:
            stop = m.start()
        for h in hits:
            if h.start >= after and h.frame in REPORT_FRAMES | {"condition"} and h.start < stop:
                comma = text.rfind(",", after, h.start)
                stop = comma if comma >= 0 else h.start
                break
        return stop

    def _consult_target(
        self, text: str, choice: Predicate, after: Sequence[Match]
    ) -> tuple[Match, ...]:
        """Whom one meets: the actor after "with", or the object of a meeting verb
        ("visited Russia") -- never a topic ("discussed Ukraine")."""
        verb = text[choice.cue.start : choice.cue.end].split()[0].lower()
        for m in after:
            gap = text[choice.end : m.start]
            if _WITH_EN.search(gap) or (
                verb in _MEET_EN and words_between(text, choice.cue.end, m.start) <= 3
            ):
                return self.group(text, [x for x in after if x.start >= m.start])
        return ()

    def source_and_target(
        self,
        text: str,
        choice: Predicate,
        s_from: int,
        subject: Sequence[Match],
        frame_subject: tuple[Match, ...],
        after: Sequence[Match],
        stop: int,
    ) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
        if _PASSIVE_EN.search(text, s_from, choice.cue.start) and not choice.modal:
            by = _BY_EN.search(text, choice.cue.end, stop)
            if by:
                agents = [m for m in after if m.start >= by.end()]
                if agents:
                    return self.group(text, agents), self.group(text, subject)
        if choice.modal:
            return frame_subject, self.group(text, subject)
        own = [m for m in subject if not _POSSESSIVE_EN.match(text[m.end : choice.cue.start])]
        source = self.group(text, own) or _possessor(text, choice, subject) or frame_subject
        after = [m for m in after if m not in source]
        if choice.event == "CONSULT":
            return source, self._consult_target(text, choice, after)
        return source, self.group(text, after)
