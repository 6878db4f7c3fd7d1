"""What every part of fact reading shares: the participant record and the reader's core.

A :class:`ReaderBase` reads one account (its text, or the simplified view of a Chinese
one) with the actors the lexicon finds in it; :mod:`.names` and :mod:`.names_zh` are the
readers of English and of Chinese, which add how people are read in each (the stage picks
one by the account's language, :data:`readouts.facts.extract.READERS`). A :class:`Party`
is one participant as found, before it becomes a :class:`~readouts.model.Participant` of
the meeting facts.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import Lexicon, Match
from ..model import Account, Participant, Sentence
from .words import name_words

if TYPE_CHECKING:
    from ..lang.dates import DateMention

__all__ = ["MEETING_WINDOW", "FormatCues", "Party", "ReaderBase"]

#: A meeting sentence's format cues: video, sidelines, phone and in-person matches, and
#: the format a meeting verb gives with its span (each None when absent).
FormatCues = tuple[
    re.Match[str] | None,
    re.Match[str] | None,
    re.Match[str] | None,
    re.Match[str] | None,
    tuple[str, tuple[int, int]] | None,
]

#: How many sentences from the top may hold the meeting sentence.
MEETING_WINDOW = 4


@dataclass
class Party:
    """One participant as found, while the reader still fills it in."""

    name: str
    role: str = ""
    party: str = ""
    affiliation: str = ""
    kind: str = "person"  # person, group, side
    position: str = "counterpart"  # principal, counterpart
    start: int = -1
    end: int = -1
    name_start: int = -1  # where the name begins after its title

    def record(self) -> Participant:
        """The participant as the meeting facts keep it."""
        d = dataclasses.asdict(self)
        d.pop("name_start")
        return Participant(**d)


class ReaderBase:
    """The reader's core: one account's text and the actors the lexicon finds in it.

    Each language's reader gives the meeting's participants and the people named in a
    span, and the parts of the other facts its language reads its own way: the format
    and place cues of the meeting sentence, the meeting's day, who asked, and what the
    title says (English titles only; a Chinese reader reads nothing from them)."""

    def __init__(self, account: Account, text: str, lexicon: Lexicon):
        self.account = account
        self.text = text
        self.lexicon = lexicon
        self.words = name_words(lexicon)
        self.mentions = lexicon.actor_matcher.find(account.text, account.language, text)
        self.year = int(account.date[:4]) if re.match(r"\d{4}-", account.date) else None

    def _mentions(self, start: int, end: int) -> list[Match]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def _party_in(self, start: int, end: int) -> str:
        for m in self._mentions(start, end):
            actor = self.lexicon.actors[m.id]
            if actor.kind == "person":
                continue
            before = re.search(
                r"([A-Z][\w’'-]*)\s+$", self.text[max(start, m.start - 30) : m.start]
            )
            if actor.kind == "org" and before and before.group(1).lower() not in ("the",):
                continue  # "the National Security Council" is not the UN Security Council
            return actor.party
        return ""

    def _holder(self, role: str, party: str) -> str:
        """The lexicon person who held ``role`` for ``party`` in the account's year."""
        if not role or self.year is None:
            return ""
        key = re.sub(r"^(?:the|u\.s\.|us|american)\s+", "", role.lower()).strip()
        hits = [
            a.id
            for a in self.lexicon.actors.values()
            if a.kind == "person"
            and (not party or a.party == party)
            and any(r.lower() == key and lo <= self.year <= hi for r, lo, hi in a.roles)
        ]
        if len(hits) > 1:  # "the President" in 2021: the one the title or text names
            named = {m.id for m in self.mentions} | {
                m.id
                for m in self.lexicon.actor_matcher.find(
                    self.account.title, self.account.language, self.account.title
                )
            }
            hits = [h for h in hits if h in named]
        return hits[0] if len(hits) == 1 else ""

    def participants(
        self, sents: Sequence[Sentence]
    ) -> tuple[list[Party], Sentence | None, re.Match[str] | None]:
        """The meeting's participants, its sentence and its meeting verb (none found:
        ``[], None, None``)."""
        raise NotImplementedError

    def people(self, start: int, end: int) -> list[Party]:
        """The people, groups and sides named in ``text[start:end]``."""
        raise NotImplementedError

    def title_counterparts(self, title: str) -> tuple[list[Party], str]:
        """Counterparts and format from the account's title, when the text names none
        (English: "Readout of X's Call with Y")."""
        raise NotImplementedError

    def title_principals(self, title: str) -> list[Party]:
        """The issuer's principal the title names, for an account whose text names no one."""
        raise NotImplementedError

    def title_says_video(self, sents: Sequence[Sentence]) -> bool:
        """Does the title make an in-person meeting a video one ("... Virtual Listening
        Session"), the text's top not saying "in person"?"""
        raise NotImplementedError

    def title_place(self, title: str) -> str:
        """Where the title says the meeting was, when the text does not say ("")."""
        raise NotImplementedError

    def before_purpose(self, s: Sentence, inside: list[DateMention]) -> list[DateMention]:
        """The dates of the meeting sentence ``inside`` that stand before its purpose
        clause ("... met to discuss the summit on 5 May": not the 5th)."""
        raise NotImplementedError

    def next_opening_day(self, nxt: Sentence, dates: Sequence[DateMention]) -> list[DateMention]:
        """The day the sentence after the meeting sentence opens with ("Today, ...")."""
        raise NotImplementedError

    def format_cues(self, s: Sentence, verb: re.Match[str] | None) -> FormatCues:
        """The cues of the meeting sentence for its format: (video, sidelines, phone, in
        person, the format its verb implies)."""
        raise NotImplementedError

    def phone_over(self, ph: re.Match[str], inp: re.Match[str] | None) -> bool:
        """Does a phone cue make the meeting a call, with ``inp`` its in-person cue?"""
        raise NotImplementedError

    def place(self, s: Sentence, people: Sequence[Party]) -> tuple[str, tuple[int, int]]:
        """The meeting's place in its sentence, with its span (none: ``"", (-1, -1)``)."""
        raise NotImplementedError

    def asked(
        self, window: Sequence[Sentence], counter: Sequence[Party], invite: bool
    ) -> tuple[str, str, tuple[int, int]]:
        """(party, name, span) of who asked for the meeting (``invite``: who invited) in
        the opening sentences ``window``; none found: ``"", "", (-1, -1)``."""
        raise NotImplementedError
