"""The data model: plain dataclasses whose spans point into an account's text.

Offsets (``start``, ``end``) count Unicode code points of ``Account.text`` as read,
end exclusive, so ``account.text[claim.start:claim.end]`` is the claim. Nothing here
holds a copy of the text it points at; ``to_dict`` adds the excerpt for readers of
the JSON. The JSON layout is versioned by ``SCHEMA_VERSION`` and documented in
``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = [
    "NOT_COMPARABLE",
    "RELATIONS",
    "SCHEMA_VERSION",
    "Account",
    "Alignment",
    "Claim",
    "Comparison",
    "ComparisonWarning",
    "MeetingFacts",
    "Reading",
    "Reason",
    "Relation",
    "Score",
    "Sentence",
    "Speaker",
    "ToneHit",
    "topic_order",
]

SCHEMA_VERSION = "2"

#: The three relations a claim can hold to the other account.
RELATIONS = ("shared", "one-sided", "conflict")

#: Warning codes that make a comparison not comparable: its score is then no verdict.
NOT_COMPARABLE = ("different-meetings", "same-side")


@dataclass(frozen=True)
class Account:
    """One side's published account of a meeting."""

    id: str
    text: str
    language: str  # "en" or "zh"
    side: str = ""  # the side that issued it in this comparison, e.g. "nato"
    party: str = ""  # the party that side stands for, e.g. "NATO", "China"
    issuer: str = ""  # who published it, e.g. "Ministry of Foreign Affairs of the PRC"
    date: str = ""  # ISO date of the account, "" when unknown
    title: str = ""
    source: str = ""  # path or URL it was read from
    script: str = ""  # "Hans" or "Hant" for Chinese, "" otherwise
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        if not with_text:
            d.pop("text")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Account:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True)
class Sentence:
    """A sentence of an account: ``text[start:end]``."""

    account_id: str
    index: int
    start: int
    end: int
    paragraph: int

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to.

    ``kind`` is ``person`` (a named person, or a pronoun or title resolved to one),
    ``side`` (a country, organisation or "the U.S. side"), ``both`` ("the two
    sides agreed"), or ``narrator`` (the issuer speaking in its own voice).
    ``party`` is the party the speaker belongs to (an actor id such as ``china``),
    "" when unknown; for ``both`` it is "".
    """

    name: str
    kind: str
    party: str = ""
    start: int = -1  # where the speaker is named in the text; -1 when inherited
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(**d)


@dataclass(frozen=True)
class ToneHit:
    """A tone word found in an account (see ``data/tone.tsv``)."""

    term: str  # the lexicon entry
    category: str  # atmosphere, position, ladder
    rung: int  # position on the ordinal ladder, 0 when not on it
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Claim:
    """One point an account makes: a span of a sentence, with who said it.

    When the claim is one item of a list, ``frame_start``/``frame_end`` give the list's
    shared lead-in ("He set out NATO's concerns about", "推进在") and ``tail_start``/
    ``tail_end`` what follows the list and belongs to every item ("等领域的务实合作");
    -1 otherwise. The claim's view (:mod:`readouts.claimview`) reads them together.
    """

    id: str
    account_id: str
    sentence: int
    start: int
    end: int
    speaker: Speaker
    act: str = "statement"
    topics: tuple[str, ...] = ()
    tone: tuple[ToneHit, ...] = ()
    negated: bool = False
    frame_start: int = -1
    frame_end: int = -1
    tail_start: int = -1
    tail_end: int = -1

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "account_id": self.account_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }
        if text is not None:
            d["text"] = text[self.start : self.end]
        d.update(
            speaker=self.speaker.to_dict(),
            act=self.act,
            topics=list(self.topics),
            tone=[t.to_dict() for t in self.tone],
            negated=self.negated,
            frame_start=self.frame_start,
            frame_end=self.frame_end,
            tail_start=self.tail_start,
            tail_end=self.tail_end,
        )
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            id=d["id"],
            account_id=d["account_id"],
            sentence=d["sentence"],
            start=d["start"],
            end=d["end"],
            speaker=Speaker.from_dict(d["speaker"]),
            act=d.get("act", "statement"),
            topics=tuple(d.get("topics", ())),
            tone=tuple(ToneHit(**t) for t in d.get("tone", ())),
            negated=d.get("negated", False),
            frame_start=d.get("frame_start", -1),
            frame_end=d.get("frame_end", -1),
            tail_start=d.get("tail_start", -1),
            tail_end=d.get("tail_end", -1),
        )


@dataclass(frozen=True)
class Participant:
    """A person, group or side an account names as taking part in the meeting; the span
    is the mention (title and name)."""

    name: str
    role: str = ""
    party: str = ""
    affiliation: str = ""
    kind: str = "person"  # person, group, side
    position: str = "counterpart"  # principal (the issuer's side) or counterpart (whom they met)
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class MeetingFacts:
    """What an account says about the meeting itself; each value keeps its span."""

    participants: tuple[Participant, ...] = ()
    date: str = ""  # ISO date, resolved against the account's own date; "--MM-DD" with no year
    date_text: str = ""
    date_span: tuple[int, int] = (-1, -1)
    format: str = ""  # video, phone, in_person, sidelines, ""
    format_span: tuple[int, int] = (-1, -1)  # (-1, -1) with a format: read from the title
    place: str = ""
    place_span: tuple[int, int] = (-1, -1)
    requested_by: str = ""  # party id of who asked for it, "" when not said
    request_span: tuple[int, int] = (-1, -1)
    date_end: str = ""  # last day of a range ("September 16-17"), "" for one day
    event: str = ""  # the event a sidelines meeting was held at ("the G20 Summit")
    event_span: tuple[int, int] = (-1, -1)
    requested_by_name: str = ""  # who asked, as named (also when the party is unknown)
    invited_by: str = ""  # party id of who invited ("at the invitation of", 应邀), kept apart
    invited_by_name: str = ""
    invite_span: tuple[int, int] = (-1, -1)
    # what the format was read from: "stated" (video call, 视频, by phone, met, on the margins),
    # "verb" (only "spoke with"/"talked": a call by default), "title", or ""
    format_basis: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["participants"] = [dataclasses.asdict(p) for p in self.participants]
        return d


@dataclass(frozen=True)
class Reading:
    """An account read: its sentences and claims (and, once tagged, its facts and tone)."""

    account: Account
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    facts: MeetingFacts = field(default_factory=MeetingFacts)
    tone: tuple[ToneHit, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        text = self.account.text
        return {
            "account": self.account.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "claims": [c.to_dict(text) for c in self.claims],
            "facts": self.facts.to_dict(),
            "tone": [t.to_dict() for t in self.tone],
        }


@dataclass(frozen=True)
class Reason:
    """One reason two claims were linked: ``kind`` is ``similarity`` (the cosine),
    ``topic``, ``actor``, ``number``, ``speaker`` (the same party speaks) or ``stance``
    (opposed stances, for a conflict), with its value."""

    kind: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class Alignment:
    """Two claims, one per account, that speak to the same point."""

    a: str  # claim id in the first account
    b: str  # claim id in the second account
    score: float  # the calibrated match score the decision used, 0..1
    similarity: float  # raw embedding cosine
    kind: str  # "shared" or "conflict"
    evidence: tuple[str, ...] = ()  # shared topics and actors that supported it
    reasons: tuple[Reason, ...] = ()  # why the link was drawn

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "kind": self.kind,
            "evidence": list(self.evidence),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class Relation:
    """How a claim relates to the other account.

    ``label`` is one of ``RELATIONS``. ``kind`` says why: ``mirrored`` (shared),
    ``omission`` (one-sided), ``opposed``, ``framing``, ``negation`` or
    ``unconfirmed_attribution`` (conflict). ``partners`` are the claims of the other
    account it was matched with (for a one-sided claim: the related, nearest ones).
    ``flags`` carry findings that do not change the label, such as a one-sided claim
    that attributes words to the other side (``unconfirmed_attribution``).
    """

    claim: str
    label: str
    kind: str
    partners: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # e.g. "unconfirmed_attribution" on a one-sided claim

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["partners"] = list(self.partners)
        d["flags"] = list(self.flags)
        return d


@dataclass(frozen=True)
class Score:
    """The meeting-of-minds score, 0-100, with the parts it is made of and the reasons."""

    value: int
    band: str  # "little", "limited", "partial", "broad", "full"
    verdict: str
    parts: dict[str, float]
    reasons: tuple[str, ...]
    points: int = 0  # how many claims (points) of the accounts the score rests on

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "band": self.band,
            "verdict": self.verdict,
            "points": self.points,
            "parts": {k: round(v, 4) for k, v in self.parts.items()},
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class ComparisonWarning:
    """Something the reader must know before reading a comparison: ``code`` is stable
    (``different-meetings``, ``same-side``), ``message`` says it in one sentence."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


# --------------------------------------------------------------------------- signals
# What an analyst reads off each account and off the two side by side
# (readouts.signals computes them); their JSON is part of the comparison's.


def _json_lists(value: Any) -> Any:
    """Tuples as lists, all the way down, as the JSON will have them."""
    if isinstance(value, tuple | list):
        return [_json_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_lists(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class ToneWord:
    """A tone word as an account's signals show it: the entry, the words, its valence."""

    term: str
    text: str
    category: str
    rung: int
    valence: int
    start: int
    end: int


@dataclass(frozen=True)
class LadderTop:
    """The highest rung of the representations ladder an account reaches (0: none), with
    the first word that reaches it."""

    rung: int = 0
    name: str = ""
    term: str = ""
    text: str = ""
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Length:
    """An account's length; ``units`` are English-word units (Chinese characters divided
    by readouts.signals.ZH_CHARS_PER_WORD)."""

    characters: int
    words: int
    units: float
    sentences: int
    paragraphs: int
    claims: int


@dataclass(frozen=True)
class Attribution:
    """A claim an account puts in the other side's mouth; in a comparison, with the
    relation the other account gave it ("" when none), else ``None``."""

    claim: str
    speaker: str
    party: str
    act: str
    text: str
    relation: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


@dataclass(frozen=True)
class AccountSignals:
    """The signals of one account."""

    account: str
    party: str
    language: str
    atmosphere: tuple[ToneWord, ...]
    atmosphere_terms: tuple[str, ...]
    ladder: LadderTop
    ladder_hits: tuple[ToneWord, ...]
    attributed: tuple[Attribution, ...]
    topic_order: tuple[str, ...]
    length: Length

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["attributed"] = [a.to_dict() for a in self.attributed]
        return _json_lists(d)


@dataclass(frozen=True)
class LadderGap:
    a: LadderTop
    b: LadderTop
    mismatch: bool
    higher: str  # the id of the account on the higher rung, "" when level
    rungs_apart: int


@dataclass(frozen=True)
class AtmosphereGap:
    a: tuple[str, ...]  # the atmosphere terms of each account, in order
    b: tuple[str, ...]
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    valence_a: tuple[int, ...]  # (lowest, highest), () when none
    valence_b: tuple[int, ...]
    mismatch: bool


@dataclass(frozen=True)
class LengthGap:
    a: Length
    b: Length
    ratio: float
    longer: str  # the id of the longer account, "" when equal
    asymmetric: bool


@dataclass(frozen=True)
class TopicOrderGap:
    a: tuple[str, ...]
    b: tuple[str, ...]
    first_a: str  # the first specific issue of each
    first_b: str
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


@dataclass(frozen=True)
class Signals:
    """Where the two accounts of a comparison differ: ``findings`` says each difference
    in a line, ``tone_findings`` those about the ladder and the atmosphere words."""

    sides: tuple[str, str]
    ladder: LadderGap
    atmosphere: AtmosphereGap
    length: LengthGap
    topic_order: TopicOrderGap
    attributed: tuple[tuple[Attribution, ...], tuple[Attribution, ...]]
    facts: tuple[dict[str, Any], ...]  # readouts.facts.fact_differences
    findings: tuple[str, ...]
    tone_findings: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["attributed"] = {
            side: [x.to_dict() for x in items]
            for side, items in zip("ab", self.attributed, strict=True)
        }
        return _json_lists(d)


@dataclass(frozen=True)
class Comparison:
    """Two accounts of one meeting compared claim by claim.

    ``warnings`` come first in every rendering; with one of :data:`NOT_COMPARABLE` the
    accounts are probably not of one meeting (or both from one side), and the score is
    shown as "not comparable" rather than as a verdict.
    """

    readings: tuple[Reading, Reading]
    alignments: tuple[Alignment, ...]
    relations: dict[str, Relation]
    score: Score
    topics: dict[str, tuple[str, ...]]  # account id -> topics it raises, in order
    method: str = "readouts"
    schema_version: str = SCHEMA_VERSION
    # where the accounts differ in tone, length, topic order, attributions and meeting
    # facts (readouts.signals.comparison_signals); empty for the baseline
    signals: Signals | None = field(default=None, compare=False, hash=False)
    warnings: tuple[ComparisonWarning, ...] = ()

    @property
    def comparable(self) -> bool:
        """False when a warning says the accounts are not two sides of one meeting."""
        return not any(w.code in NOT_COMPARABLE for w in self.warnings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "method": self.method,
            "warnings": [w.to_dict() for w in self.warnings],
            "comparable": self.comparable,
            "accounts": [r.to_dict() for r in self.readings],
            "alignments": [a.to_dict() for a in self.alignments],
            "relations": [self.relations[c.id].to_dict() for r in self.readings for c in r.claims],
            "score": self.score.to_dict(),
            "topics": {k: list(v) for k, v in self.topics.items()},
            "signals": self.signals.to_dict() if self.signals else {},
        }


class _Topical(Protocol):
    @property
    def topics(self) -> tuple[str, ...]: ...


def topic_order(items: Iterable[_Topical]) -> list[str]:
    """The topic ids of claims (or points), each once, in the order first raised."""
    return list(dict.fromkeys(t for item in items for t in item.topics))
