"""Roles: what a language says about the source, the target and the place of an event.

:mod:`readouts.roles` finds the frame and the mentions before and after an event's
predicate; :class:`Roles` says, per language, which actors are joined into one group
("X and Y", "X、Y"), where the event's clause ends, which mentions only say what a
clause is about, and which groups are the source and the target; for
:mod:`readouts.coding` also which cues may be the predicate and what a leading
adverbial looks like
(:mod:`readouts.lang.en.roles`, :mod:`readouts.lang.zh.roles`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon, Match
from .events import Hit

__all__ = ["Predicate", "Roles"]


@dataclass(frozen=True)
class Predicate:
    """The event chosen in a claim: its type and mode, the cue that names it, and where
    its verb stands (a frame such as "threatened to" or "will" comes before the cue)."""

    event: str
    mode: str
    cue: Hit
    start: int
    end: int
    modal: bool = False  # "should" / "应": the speaker asks the subject


class Roles(ABC):
    """A language's rules for the roles of an event (see the module docstring)."""

    #: What may stand between two actors of one group.
    join: re.Pattern[str]
    #: What stands before an actor that is the place of an event ("in", "在").
    place: re.Pattern[str]
    #: A leading adverbial or conditional clause ("After the signing of ...,", "在…期间，"),
    #: left out of a claim's main clause when an event follows it (:mod:`readouts.coding`).
    adverbial: re.Pattern[str]

    def group(self, text: str, mentions: Sequence[Match]) -> tuple[Match, ...]:
        """The first mention and those joined to it ("X and Y", "X、Y")."""
        if not mentions:
            return ()
        out = [mentions[0]]
        for m in mentions[1:]:
            gap = text[out[-1].end : m.start]
            joined = self.join.match(gap)
            if not joined:
                break
            out.append(m)
        return tuple(out)

    def pairs(self, view: str, lexicon: Lexicon, start: int, end: int) -> list[Match]:
        """Parties named together without mentions of their own ("中俄两国")."""
        return []

    def predicates(self, text: str, start: int, end: int, hits: Sequence[Hit]) -> list[Hit]:
        """The cues of the claim ``text[start:end]`` that may name its event (each, unless
        the language's grammar makes some of them objects)."""
        return list(hits)

    def about(self, text: str, body: int, end: int) -> list[tuple[int, int]]:
        """The spans that only say what a clause is about; they name no role."""
        return []

    @abstractmethod
    def trailing_end(self, text: str, hits: Sequence[Hit], after: int, end: int) -> int:
        """Where the event's clause ends after ``after``: before a trailing report (", a
        newspaper said"), an attribution or a new clause."""

    @abstractmethod
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
        """The source and target of the event, from the mentions before its predicate
        (``subject``, from ``s_from``), the subject of a leading reporting verb
        (``frame_subject``) and the mentions after it up to ``stop`` (``after``)."""
