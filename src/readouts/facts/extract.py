"""The stage: ``extract_facts`` reads who met whom, when, how, where and at whose request.

* **Who met whom**: the meeting sentence's subject names the *principals*, the object
  of its verb the *counterparts* (:mod:`.names`, :mod:`.names_zh`);
* **the date** (:mod:`.dates`);
* **the format**, the **place** and the **event** of a sidelines meeting (:mod:`.format`);
* **who asked** for the meeting or invited (:mod:`.request`).

Every value keeps its span in the account's text; a value with span ``(-1, -1)`` was
read from the account's title because the text did not say (format and counterpart
only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ConfigError
from ..lang import text_view
from ..lexicon import Lexicon, default_lexicon
from ..model import Account, Claim, MeetingFacts, Participant, Sentence
from ._base import Party, ReaderBase
from .dates import meeting_date
from .format import meeting_format, meeting_place
from .names import EnglishNames
from .names_zh import ChineseNames
from .request import who_asked

__all__ = ["FORMATS", "READERS", "Reader", "counterparts", "extract_facts", "principals"]

#: The meeting formats, in the order they are named in reports.
FORMATS = ("in_person", "sidelines", "video", "phone")

#: What reads the facts of one account; one instance per call of ``extract_facts``.
Reader = ReaderBase

#: The reader of each language's accounts (a third language adds its reader here).
READERS: dict[str, type[ReaderBase]] = {"en": EnglishNames, "zh": ChineseNames}


def _surname(name: str) -> str:
    words = re.findall(r"[\w’'-]+", name)
    return words[-1].lower() if words else ""


def _from_title(people: list[Party], titled: Sequence[Party], own: str) -> None:
    """What the title says of the people the text names: the counterpart's party when the
    text gives none ("spoke with President Mohamed bin Zayed", titled "... of the United
    Arab Emirates"), and which of two people in the subject is the counterpart
    ("President Biden and President Bolsonaro met", titled "... with President Jair
    Bolsonaro of Brazil")."""
    for p in people:
        if p.kind != "person" or not _surname(p.name):
            continue
        match = next(
            (q for q in titled if q.party != own and _surname(q.name) == _surname(p.name)), None
        )
        if match is None:
            continue
        if p.position == "principal" and match.party and p.party in ("", own):
            p.position = "counterpart"
            p.party = match.party
        if p.position == "counterpart" and not p.party:
            p.party = match.party
        p.affiliation = p.affiliation or match.affiliation


def extract_facts(
    account: Account,
    sentences: Sequence[Sentence],
    claims: Sequence[Claim] = (),
    lexicon: Lexicon | None = None,
    view: str | None = None,
) -> MeetingFacts:
    """The meeting facts an account states, each with its span (see the module doc)."""
    reader_class = READERS.get(account.language)
    if reader_class is None:
        raise ConfigError(f"facts: unsupported language {account.language!r}")
    lexicon = lexicon or default_lexicon()
    reader = reader_class(account, text_view(account.text, account.language, view), lexicon)
    people, s, verb = reader.participants(sentences)
    fmt, fmt_span, event, event_span = meeting_format(reader, s, verb)
    if s is None:  # no meeting verb: the first sentence that names a format ("hosted a Summit")
        for t in sentences[:2]:
            fmt, fmt_span, event, event_span = meeting_format(reader, t, None)
            if fmt:
                break
    if fmt == "in_person" and reader.title_says_video(sentences):
        fmt, fmt_span = "video", (-1, -1)  # "... Virtual Listening Session": the title says how
    titled, title_fmt = reader.title_counterparts(account.title)
    _from_title(people, titled, account.party)
    if not any(p.position == "counterpart" for p in people):
        people.extend(titled)
    if titled and not any(p.position == "principal" for p in people):
        people[:0] = reader.title_principals(account.title)
    if not fmt and title_fmt:
        fmt = title_fmt
    basis = ""
    if fmt:
        cue = reader.text[fmt_span[0] : fmt_span[1]].lower() if fmt_span[0] >= 0 else ""
        basis = "title" if fmt_span[0] < 0 else "stated"
        if fmt == "phone" and re.fullmatch(r"spoke|speaks?|talked|talks?", cue):
            basis = "verb"  # "spoke with": a call by default, not a stated one
    counter = [p for p in people if p.position == "counterpart"]
    requested_by, requested_name, request_span = who_asked(reader, sentences, counter, invite=False)
    invited_by, invited_name, invite_span = who_asked(reader, sentences, counter, invite=True)
    when = meeting_date(reader, sentences, s)
    place, place_span = meeting_place(reader, s, people)
    if not place:  # "Readout of Peace Talks in Geneva": the title says where
        place = reader.title_place(account.title)
    return MeetingFacts(
        participants=tuple(p.record() for p in people),
        date=when.iso if when else "",
        date_end=when.iso_end if when else "",
        date_text=when.text if when else "",
        date_span=(when.start, when.end) if when else (-1, -1),
        format=fmt,
        format_span=fmt_span,
        event=event,
        event_span=event_span,
        place=place,
        place_span=place_span,
        requested_by=requested_by,
        requested_by_name=requested_name,
        request_span=request_span,
        invited_by=invited_by,
        invited_by_name=invited_name,
        invite_span=invite_span,
        format_basis=basis,
    )


def principals(facts: MeetingFacts) -> list[Participant]:
    """The participants who lead the issuer's side."""
    return [p for p in facts.participants if p.position == "principal"]


def counterparts(facts: MeetingFacts) -> list[Participant]:
    """The participants the issuer's principals met."""
    return [p for p in facts.participants if p.position == "counterpart"]
