"""Keys: what pairing needs to know of one account, read from its title and lead.

``pair_keys(account, lexicon)`` gives the issuing party, the meeting date (the date the
account states for the meeting when it states one, else its own date), the meeting
format, whether the account reads as an account of a meeting at all, the parties it
names as counterparts, and the people it names. Only the title and the first
sentences are read, so keys cost a few milliseconds an account and are computed at
ingest time.

When :mod:`readouts.facts` is present its meeting facts (participants with their
position, date, format) are used; otherwise the actors named in the lead stand in
for the participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..lang import text_view
from ..lexicon import Lexicon
from ..model import Account, MeetingFacts, Sentence
from ..reading import infer_party
from ..segment import sentences
from .store import dumps

__all__ = ["LEAD_CHARS", "LEAD_SENTENCES", "PairKeys", "pair_keys"]

#: How much of the text pairing reads: the first sentences within the first characters.
LEAD_CHARS = 1200
LEAD_SENTENCES = 3

_MEETING_TITLE = re.compile(
    r"\b(readout|call|calls|meet|meets|meeting|met|talks|spoke|visit|bilateral|dialogue)\b"
    r"|会见|会晤|会谈|通话|通电话|视频|举行",
    re.I,
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class PairKeys:
    """The blocking and scoring keys of one account."""

    party: str  # the issuing party's actor id, "" when it cannot be told
    date: str  # ISO date of the meeting when stated, else the account's date; "" if neither
    published: str  # the account's own date
    format: str  # video, phone, in_person, sidelines, "" (from readouts.facts)
    meeting: bool  # reads as an account of a meeting (a meeting verb, a format, a readout title)
    counterparts: tuple[str, ...]  # parties named as the other side, sorted
    persons: tuple[str, ...]  # people taking part (actor ids; else those named in the lead)

    def to_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "date": self.date,
            "published": self.published,
            "format": self.format,
            "meeting": self.meeting,
            "counterparts": list(self.counterparts),
            "persons": list(self.persons),
        }

    def row(self, account_id: str) -> dict[str, Any]:
        """The ``pair_keys`` table row of an account with these keys, by column."""
        return {
            "account_id": account_id,
            "party": self.party,
            "date": self.date,
            "published": self.published,
            "format": self.format,
            "meeting": int(self.meeting),
            "counterparts": dumps(list(self.counterparts)),
            "persons": dumps(list(self.persons)),
        }


def _facts(account: Account, sents: tuple[Sentence, ...], lexicon: Lexicon) -> MeetingFacts | None:
    try:
        from ..facts import extract_facts
    except ImportError:
        return None
    try:
        return extract_facts(account, sents, (), lexicon)
    except Exception:  # facts are a refinement: an account they cannot read still gets keys
        return None


def _person_ids(name: str, lexicon: Lexicon) -> set[str]:
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", name) else "en"
    view = text_view(name, lang)
    return {
        m.id
        for m in lexicon.actor_matcher.find(name, lang, view)
        if lexicon.actors[m.id].kind == "person"
    }


def pair_keys(account: Account, lexicon: Lexicon) -> PairKeys:
    """The pairing keys of an account (title and lead only)."""
    head = replace(account, text=account.text[:LEAD_CHARS])
    sents = sentences(head)
    if len(sents) > 1 and len(account.text) > LEAD_CHARS:
        sents = sents[:-1]  # the last one may be cut off
    sents = sents[:LEAD_SENTENCES]
    lead_end = sents[-1].end if sents else 0
    view = text_view(head.text, account.language)
    party = infer_party(head, lexicon, view, sents)
    if party:  # the facts read the principals' side from the issuer, as read() does
        head = replace(head, party=party)
    facts = _facts(head, sents, lexicon)

    persons: set[str] = set()
    named: set[str] = set()  # parties named in the title and the first sentence
    first_end = sents[0].end if sents else 0
    for text, lang_view in ((account.title, None), (head.text[:lead_end], view[:lead_end])):
        if not text:
            continue
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
        subject = text_view(text, lang, lang_view)
        for m in lexicon.actor_matcher.find(text, lang, subject):
            actor = lexicon.actors[m.id]
            if actor.kind == "person":
                persons.add(actor.id)
            if lang_view is None or m.start < first_end:
                named.add(actor.party)
    counter: set[str] = set()
    met: set[str] = set()  # the people the facts name as taking part
    said = False  # the facts name a counterpart, known to the lexicon or not
    if facts is not None:
        for p in facts.participants:
            if p.position == "counterpart":
                said = True
                if p.party:
                    counter.add(p.party)
            if p.kind == "person" and p.name:
                met.update(_person_ids(p.name, lexicon))
    if met:
        persons = met
    if not said:  # no counterpart in the facts: the parties the title and first sentence name
        counter = named
    counter.discard(party)
    counter.discard("")

    meeting = bool(facts and facts.format) or bool(_MEETING_TITLE.search(account.title))
    if not meeting and sents:
        lead = view[:lead_end]
        meeting = any(
            m.id == "consult" for m in lexicon.act_matcher.find(lead, account.language, lead)
        )
    date = account.date
    fmt = ""
    if facts is not None:
        if facts.format and _ISO.match(facts.date):
            date = facts.date  # the facts found a meeting, and its date
        fmt = facts.format
    return PairKeys(
        party=party,
        date=date,
        published=account.date,
        format=fmt,
        meeting=meeting,
        counterparts=tuple(sorted(counter)),
        persons=tuple(sorted(persons)),
    )
