"""Attribution: who made each claim, read from the top of an account.

A claim's speaker is the subject of its reporting verb ("Wang Yi said", "王毅表示", "the
two sides agreed", "双方同意"); pronouns and bare titles ("He", "the Secretary General")
resolve to the last person named or the holder of that title; reported speech carries
on over the following sentences of a paragraph; a piece with no subject of its own
keeps the speaker of the piece before it; otherwise the issuer speaks in its own voice
(the narrator).

:class:`Attributor` holds what does not depend on the language: the state carried from
sentence to sentence, the resolution of a subject to a speaker, the speaker of each
piece of a sentence. Each language subclasses it with where a frame and a subject are
found and what a subject looks like (:mod:`readouts.lang.en.attribution`,
:mod:`readouts.lang.zh.attribution`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..lexicon import Actor, Lexicon, Match
from ..model import Account, Sentence, Speaker

__all__ = ["Attributor", "Mentions"]

_ABOUT_MEETING = re.compile(
    r"(?:The|This)\s+(?:meeting|talks|call|phone call|video call|telephone call|conversation|"
    r"visit|discussion|session|summit|exchange|videoconference)\s+(?:was|were|lasted|took|"
    r"followed|came|marked|is)\b|(?:会谈|会见|会晤|通话|此次会晤|此次会谈|此次通话|这是|本次)"
    r"(?!中)"
)
_IMPERSONAL_BOTH = re.compile(r"It\s+was\s+(?:agreed|decided|noted)\b")


@dataclass
class _State:
    """What attribution remembers while it reads an account from the top."""

    narrator: Speaker
    last_person: Speaker | None = None
    paragraph: int = -1
    reported: Speaker | None = None  # speaker of reported speech running in this paragraph
    roles: dict[str, Speaker] = field(default_factory=dict)


class Mentions:
    """Actor mentions in text order, found by position without a scan of them all (an
    account of thousands of sentences has thousands of mentions)."""

    def __init__(self, mentions: Sequence[Match]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.at = {m.start: m for m in self.items}

    def __iter__(self) -> Iterator[Match]:
        return iter(self.items)

    def starting_in(self, start: int, end: int) -> list[Match]:
        """Mentions that start inside ``[start, end)``."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[Match]:
        """Mentions that overlap ``[start, end)`` (a name is a few words long)."""
        first = bisect_left(self.starts, start - 80)
        last = bisect_left(self.starts, end)
        return [m for m in self.items[first:last] if m.end > start]


class Attributor(ABC):
    """The speakers of an account's claims, sentence by sentence (see the module
    docstring); a language implements the methods marked abstract and may override the
    small hooks, whose defaults do nothing."""

    #: Titles, longest first ("副总统" is read as itself, not as "总统").
    titles: tuple[str, ...] = ()
    #: Pronouns that stand for the last person named.
    pronouns: tuple[str, ...] = ()

    def __init__(self, account: Account, lexicon: Lexicon, view: str, mentions: Sequence[Match]):
        self.account = account
        self.lexicon = lexicon
        self.view = view
        self.mentions = Mentions(mentions)
        # the people the account names, each once, in order (titles resolve among them)
        self.people = list(
            dict.fromkeys(m.id for m in mentions if lexicon.actors[m.id].kind == "person")
        )
        narrator_name = (
            account.issuer
            or (lexicon.party_name(account.party) if account.party else "")
            or "the issuer"
        )
        self.state = _State(
            narrator=Speaker(name=narrator_name, kind="narrator", party=account.party)
        )
        self.names: dict[str, str] = {}  # names not in the lexicon -> party
        self._learn_roles()
        self._learn_names()

    # -- what each language says

    @abstractmethod
    def frame(self, start: int, end: int) -> tuple[Speaker | None, bool]:
        """The speaker a piece names at its start, and whether its verb reports speech."""

    @abstractmethod
    def subject(self, start: int, end: int) -> Speaker | None:
        """The subject of a piece that opens with one, without a reporting verb."""

    @abstractmethod
    def _subject_shape(self, subject: str) -> bool:
        """Does the text look like a subject (names, titles, "the two sides"), not a phrase?"""

    def _learn_names(self) -> None:
        """Names the lexicon does not know, learnt from the account (``self.names``)."""
        return None

    def _title_before(self, before: str) -> str:
        """The text before a mention as titles are matched against it."""
        return before

    def _learn_title_roles(self, key: str, actor: Actor, m: Match) -> None:
        """More titles that stand for a person holding the role ``key``."""
        return None

    def _name(self, actor: Actor) -> str:
        """The name a person is given as a speaker."""
        return actor.name

    def _group(self, subject: str, low: str, start: int, end: int) -> Speaker | None:
        """A group named by number ("the two leaders"), if the subject is one."""
        return None

    def _both_sides(self, subject: str, low: str, phrase: str) -> bool:
        """Does the subject name both sides with ``phrase``?"""
        return low == phrase or low.endswith(" " + phrase)

    #: The phrases for both sides, longest first where it matters.
    both_phrases: tuple[str, ...] = ()

    def _side_name(self, subject: str, actor: Actor) -> str:
        """The name a side is given as a speaker."""
        return actor.name

    def _unknown_name(self, subject: str, start: int, end: int) -> Speaker | None:
        """A person the lexicon does not know, if the subject looks like a name."""
        return None

    def _opens_with_both(self, start: int) -> Speaker | None:
        """Both sides opening a new report at ``start``, even inside reported speech."""
        return None

    def _later_frame(self, pieces: list[tuple[int, int]]) -> tuple[int, int]:
        """Where to look for the frame when the first piece has no subject of its own."""
        return pieces[1][0], pieces[1][1]

    def _keeps_reported(self, speech: bool) -> bool:
        """Does a side of the running speaker's party, named with (``speech``) or without
        a verb of speech, still speak for the running speaker?"""
        return not speech

    # -- roles: "NATO Secretary General Jens Stoltenberg" teaches "Secretary General" -> him
    def _learn_roles(self) -> None:
        text = self.view
        for m in self.mentions:
            actor = self.lexicon.actors.get(m.id)
            if not actor or actor.kind != "person":
                continue
            before = self._title_before(text[max(0, m.start - 60) : m.start])
            for title in self.titles:
                if before.endswith(title):
                    key = title.replace("-", " ")
                    person = self._person(actor.id, m)
                    self.state.roles.setdefault(key, person)
                    head = key.split(" of ")[0]  # "secretary of state" -> "secretary"
                    self.state.roles.setdefault(head, person)
                    break
        # titles the lexicon knows for the people named ("the Secretary" -> Blinken,
        # "秘书长" -> Guterres)
        for m in self.mentions:
            actor = self.lexicon.actors.get(m.id)
            if not actor or actor.kind != "person":
                continue
            for role, _, _ in actor.roles:
                key = role.lower().replace("-", " ")
                for k in (key, key.split(" of ")[0]):
                    self.state.roles.setdefault(k, self._person(actor.id, m))
                self._learn_title_roles(key, actor, m)

    def _person(self, actor_id: str, m: Match | None = None) -> Speaker:
        actor = self.lexicon.actors[actor_id]
        return Speaker(
            name=self._name(actor),
            kind="person",
            party=actor.party,
            start=m.start if m else -1,
            end=m.end if m else -1,
        )

    def _mentions_in(self, start: int, end: int) -> list[Match]:
        """Mentions that start inside the span ("President Joseph R. Biden" holds the start
        of the mention "Joseph R. Biden, Jr.")."""
        return self.mentions.starting_in(start, end)

    def resolve(self, start: int, end: int) -> Speaker | None:
        """The speaker named by the subject text[start:end], if it names one."""
        subject = self.view[start:end].strip(" ,，")
        low = subject.lower()
        if not subject:
            return None
        group = self._group(subject, low, start, end)
        if group is not None:
            return group
        for phrase in self.both_phrases:
            if self._both_sides(subject, low, phrase):
                return Speaker(name=phrase, kind="both", start=start, end=end)
        for name, party in self.names.items():
            if subject.endswith(name):
                return Speaker(name=name, kind="person", party=party, start=start, end=end)
        if not self._subject_shape(subject):
            return None
        found = self._mentions_in(start, end)
        parties = {self.lexicon.party_of(m.id) for m in found}
        parties.discard("")
        if len(parties) >= 2 or (len(found) == 1 and self._two_names(subject)):
            return Speaker(name=subject, kind="both", start=start, end=end)
        persons = [m for m in found if self.lexicon.actors[m.id].kind == "person"]
        if persons:
            return self._person(persons[-1].id, persons[-1])
        if found:
            actor = self.lexicon.actors[found[-1].id]
            holder = self._title_holder(low, actor.party)
            if holder is not None:
                return Speaker(holder.name, "person", holder.party, start, end)
            return Speaker(
                name=self._side_name(subject, actor),
                kind="side",
                party=actor.party,
                start=start,
                end=end,
            )
        if low in self.pronouns and self.state.last_person is not None:
            p = self.state.last_person
            return Speaker(name=p.name, kind="person", party=p.party, start=start, end=end)
        key = re.sub(r"^(the|this)\s+", "", low).replace("-", " ")
        if key in self.state.roles:
            p = self.state.roles[key]
            return Speaker(name=p.name, kind="person", party=p.party, start=start, end=end)
        return self._unknown_name(subject, start, end)

    def _title_holder(self, subject: str, party: str) -> Speaker | None:
        """ "The Russian President", "the President of Russia", "美国总统": the person of
        that party named in the account (or, failing that, in the lexicon) who holds the
        title."""
        title = next(
            (t for t in self.titles if t in subject and not t.startswith("the ")),
            None,
        )
        if title is None or title in ("mr", "mr.", "ms", "ms.", "dr", "dr.", "先生", "女士"):
            return None
        for actor_id in self.people:
            actor = self.lexicon.actors[actor_id]
            if actor.party == party and any(title in role.lower() for role, _, _ in actor.roles):
                return self._person(actor.id)
        year = int(self.account.date[:4]) if self.account.date[:4].isdigit() else 0
        for actor in self.lexicon.actors.values():
            if actor.kind != "person" or actor.party != party:
                continue
            for role, first, last in actor.roles:
                if title in role.lower() and (not year or first <= year <= last):
                    return self._person(actor.id)
        return None

    @staticmethod
    def _two_names(subject: str) -> bool:
        parts = re.split(r"\s+and\s+|和|与|同", subject)
        return len(parts) == 2 and all(re.search(r"[A-Z\u4e00-\u9fff]", p) for p in parts)

    def speaker_for(
        self,
        sentence: Sentence,
        pieces: list[tuple[int, int]],
        framed: Sequence[bool] = (),
    ) -> list[Speaker]:
        """The speaker of each piece of a sentence; a piece that borrows its frame from an
        earlier one (``framed``) keeps that piece's speaker."""
        st = self.state
        if sentence.paragraph != st.paragraph:
            st.paragraph = sentence.paragraph
            st.reported = None
        out: list[Speaker] = []
        opening = self.view[sentence.start : sentence.start + 40]
        if _ABOUT_MEETING.match(opening):
            # "The meeting was followed by a dinner", "会谈在友好气氛中进行": the issuer
            # speaking about the meeting, whoever was quoted before
            st.reported = None
            return [st.narrator for _ in pieces]
        for i, (a, b) in enumerate(pieces):
            if out and i < len(framed) and framed[i]:
                out.append(out[-1])
                continue
            sp, speech = self.frame(a, b)
            if sp is None and i == 0 and _IMPERSONAL_BOTH.match(self.view, a):
                sp = Speaker(name="both sides", kind="both", start=a, end=a)
            if sp is None and i == 0:
                sp = self._opens_with_both(a)
            if sp is None and st.reported is None:
                # "双方还就...交换了意见": a subject without a reporting verb, outside reported
                # speech (inside it, "the two sides should ..." is still the speaker's word)
                sp = self.subject(a, b)
            if (
                sp is None
                and i == 0
                and len(pieces) > 1
                and not re.match(
                    r"\s*(and|but|or|yet|while|whereas)\b", self.account.text[pieces[1][0] :]
                )
            ):
                # "At the request of X, | Wang Yi held ..." : the subject comes later
                sp2, speech2 = self.frame(*self._later_frame(pieces))
                if sp2 is None and st.reported is None:
                    sp2, speech2 = self.subject(*pieces[1]), False
                if sp2 is not None:
                    sp, speech = sp2, speech2
            if sp is not None:
                running = st.reported
                if (
                    running is not None
                    and sp.kind == "side"
                    and sp.party == running.party
                    and self._keeps_reported(speech)
                ):
                    # "中方对此表示强烈不满" inside an official's remarks is the official
                    # speaking; in English "The U.S. side stressed" names the side itself
                    # "China always stood for peace" inside Xi's reported speech: still Xi
                    sp = Speaker(name=running.name, kind=running.kind, party=running.party)
                if sp.kind == "person":
                    st.last_person = sp
                if speech:
                    st.reported = sp
            elif out:
                sp = out[-1]
            elif st.reported is not None:
                sp = Speaker(name=st.reported.name, kind=st.reported.kind, party=st.reported.party)
            else:
                sp = st.narrator
            out.append(sp)
        return out
