"""The brief's data model: a note of sentences, each with the spans it rests on.

Every sentence carries what it rests on: :class:`Ref` spans (claims, meeting facts,
speakers, tone words) and :class:`Quote` spans, each an exact substring of an account at
stated offsets (checked by :func:`readouts.briefing.verify_brief`). ``to_dict`` gives the JSON
form that ``docs/brief.md`` describes; ``from_dict`` reads it back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "BRIEF_SCHEMA_VERSION",
    "FACT_VALUES",
    "QUOTE_MARKS",
    "Brief",
    "BriefSentence",
    "Quote",
    "Ref",
    "Section",
]

BRIEF_SCHEMA_VERSION = "1"

#: Quotation marks: in a brief, every one of them belongs to a quotation of an account.
QUOTE_MARKS = "“”「」"

#: Ref kinds whose meeting-facts field is not named after them: (value field, span field).
FACT_VALUES = {
    "request": ("requested_by", "request_span"),
    "invite": ("invited_by", "invite_span"),
}


@dataclass(frozen=True)
class Quote:
    """A quotation in a sentence: ``text`` is ``account.text[start:end]``."""

    account: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Ref:
    """A span of an account a sentence rests on.

    ``what`` is ``claim`` (``claim`` gives its id), a meeting fact (``date``, ``format``,
    ``place``, ``request``, ``participant``; ``value`` is the fact), ``speaker`` (where a
    speaker is named), ``tone`` (a tone word; ``value`` is its lexicon id) or ``version``
    (the words of a side's version in another language, quoted beside its account).
    """

    account: str
    start: int
    end: int
    what: str
    claim: str = ""
    value: str = ""
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of the note, with everything it rests on.

    ``kind`` is the part of the note (``title``, ``dek``, ``meeting``, ``request``,
    ``says``, ``shared``, ``clash``, ``omission``, ``tone``, ``verdict``) and ``plan`` the
    template it was phrased from. ``source`` is the account whose words it reports ("" when
    both or none). ``absent_in`` names the accounts a sentence says lack something, and
    ``absent_topics`` the issues it says they never raise.
    """

    text: str
    kind: str
    plan: str = ""
    source: str = ""
    refs: tuple[Ref, ...] = ()
    quotes: tuple[Quote, ...] = ()
    absent_in: tuple[str, ...] = ()
    absent_topics: tuple[str, ...] = ()
    score: int | None = None

    @property
    def claims(self) -> tuple[str, ...]:
        """The ids of the claims the sentence rests on, in order."""
        return tuple(dict.fromkeys(r.claim for r in self.refs if r.claim))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "plan": self.plan,
            "source": self.source,
            "claims": list(self.claims),
            "refs": [r.to_dict() for r in self.refs],
            "quotes": [q.to_dict() for q in self.quotes],
            "absent_in": list(self.absent_in),
            "absent_topics": list(self.absent_topics),
            "score": self.score,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> BriefSentence:
        return cls(
            text=d["text"],
            kind=d["kind"],
            plan=d.get("plan", ""),
            source=d.get("source", ""),
            refs=tuple(Ref(**r) for r in d.get("refs", ())),
            quotes=tuple(Quote(**q) for q in d.get("quotes", ())),
            absent_in=tuple(d.get("absent_in", ())),
            absent_topics=tuple(d.get("absent_topics", ())),
            score=d.get("score"),
        )


@dataclass(frozen=True)
class Section:
    """A paragraph of the note under a heading ("" in the one-paragraph layout)."""

    id: str
    heading: str
    sentences: tuple[BriefSentence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "heading": self.heading,
            "sentences": [s.to_dict() for s in self.sentences],
        }


@dataclass(frozen=True)
class Brief:
    """The analyst's note: title, dek and sections of grounded sentences."""

    lang: str
    layout: str  # "paragraph" (a short call) or "sections"
    title: BriefSentence
    dek: BriefSentence
    sections: tuple[Section, ...]
    accounts: tuple[dict[str, str], ...]  # id, party, language, name (in the note)
    score: dict[str, Any] = field(default_factory=dict)  # value, band, comparable
    schema_version: str = BRIEF_SCHEMA_VERSION
    # the comparison's warnings, in the note's language: {"code", "text"}; shown first
    warnings: tuple[dict[str, str], ...] = ()
    # the sides' versions quoted beside their accounts: {"id", "of", "language"}
    versions: tuple[dict[str, str], ...] = ()

    def sentences(self) -> Iterator[BriefSentence]:
        """Every sentence, title and dek first."""
        yield self.title
        yield self.dek
        for section in self.sections:
            yield from section.sentences

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "kind": "brief",
            "lang": self.lang,
            "layout": self.layout,
            "warnings": [dict(w) for w in self.warnings],
            "accounts": [dict(a) for a in self.accounts],
            "versions": [dict(v) for v in self.versions],
            "score": dict(self.score),
            "title": self.title.to_dict(),
            "dek": self.dek.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Brief:
        return cls(
            lang=d["lang"],
            layout=d["layout"],
            title=BriefSentence.from_dict(d["title"]),
            dek=BriefSentence.from_dict(d["dek"]),
            sections=tuple(
                Section(
                    s["id"],
                    s["heading"],
                    tuple(BriefSentence.from_dict(x) for x in s["sentences"]),
                )
                for s in d["sections"]
            ),
            accounts=tuple(dict(a) for a in d["accounts"]),
            score=dict(d.get("score", {})),
            schema_version=d.get("schema_version", BRIEF_SCHEMA_VERSION),
            warnings=tuple(dict(w) for w in d.get("warnings", ())),
            versions=tuple(dict(v) for v in d.get("versions", ())),
        )
