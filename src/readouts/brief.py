"""Brief: an analyst's note on one meeting, every sentence grounded in the accounts' words.

``brief(comparison, lang="en")`` turns a :class:`~readouts.model.Comparison` into a
:class:`Brief`: a headline and a line on what is compared, then the meeting (who met
whom, when, how, at whose request), what each side's account says in its own quoted
words, what both report, where they clash, what each leaves out of the other's account,
the tone words each side chose, and the verdict with its score. A short call gets one
paragraph; a longer meeting gets a paragraph under each heading, and more quotations.

The note is planned from the comparison's structured result and phrased from the
templates in ``data/brief_phrases.tsv`` (English and Chinese side by side, with
``brief_sides.tsv`` and ``brief_topics.tsv`` for names); no language model, no network,
and the same comparison always gives the same note. An account is quoted in its own
language whatever the language of the note; where the note and the quotation differ in
language, the sentence names the speech act and the issues (from the lexicons) so that
the reader knows what the quotation is about.

Every sentence carries what it rests on: :class:`Ref` spans (claims, meeting facts,
speakers, tone words) and :class:`Quote` spans, each an exact substring of an account at
stated offsets. :func:`verify_brief` checks them all against the comparison, including
the relation each sentence relies on (an omission sentence cites only claims the
comparison labels one-sided, a "both report" sentence only shared ones); :func:`check_brief`
raises :class:`~readouts.errors.BriefUnverified` on any problem. ``docs/brief.md`` describes
the JSON form.
"""

from __future__ import annotations

import dataclasses
import html
import json
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .brief_zh import LEADING_WORDS, date_zh, heading_zh, join_zh, lead_zh, number_zh
from .errors import BriefUnverified, ConfigError, LexiconError
from .lang import simplified
from .lexicon import Actor, Lexicon, Match, default_lexicon
from .model import Claim, Comparison, Reading, Speaker, ToneHit
from .score import salience

__all__ = [
    "BRIEF_FORMATS",
    "BRIEF_SCHEMA_VERSION",
    "LANGS",
    "PRESSED",
    "QUOTE_MARKS",
    "Brief",
    "BriefSentence",
    "Phrasebook",
    "Quote",
    "Ref",
    "Section",
    "brief",
    "check_brief",
    "claim_class",
    "phrasebook",
    "render_brief",
    "talk_hits",
    "verify_brief",
]

BRIEF_SCHEMA_VERSION = "1"
LANGS = ("en", "zh")
BRIEF_FORMATS = ("markdown", "html", "json")

#: Quotation marks: in a brief, every one of them belongs to a quotation of an account.
QUOTE_MARKS = "“”「」"

#: Classes of claims a side presses on the other (see :func:`claim_class`).
PRESSED = ("concern", "objection", "demand", "invitation")

_FACT_FIELDS = ("date", "format", "place", "event", "request", "invite")
_FACT_VALUES = {
    "request": ("requested_by", "request_span"),
    "invite": ("invited_by", "invite_span"),
}
#: How firmly an account states the format: said outright, inferred from the verb, from the title.
_BASIS = {"stated": 0, "": 1, "verb": 2, "title": 3}

# --------------------------------------------------------------------------- the brief


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
    speaker is named) or ``tone`` (a tone word; ``value`` is its lexicon id).
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
    score: dict[str, Any] = field(default_factory=dict)  # value, band
    schema_version: str = BRIEF_SCHEMA_VERSION

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
            "accounts": [dict(a) for a in self.accounts],
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
        )


# --------------------------------------------------------------------------- phrasebook


def _read_tsv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a packaged ``data/<name>.tsv`` with a version line and a header."""
    path = f"readouts/data/{name}.tsv"
    text = resources.files("readouts").joinpath("data", f"{name}.tsv").read_text("utf-8")
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    versioned = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            versioned = versioned or line.lstrip("# ").startswith("version:")
            continue
        cells = line.split("\t")
        if header is None:
            if tuple(cells) != columns:
                raise LexiconError(f"header must be {' '.join(columns)}", path=path, line=number)
            if not versioned:
                raise LexiconError("missing '# version: N' line", path=path, line=number)
            header = cells
            continue
        if len(cells) != len(columns):
            raise LexiconError(
                f"expected {len(columns)} tab-separated columns, found {len(cells)}",
                path=path,
                line=number,
            )
        rows.append(dict(zip(columns, cells, strict=True)))
    if header is None or not rows:
        raise LexiconError("no entries", path=path, line=1)
    return rows


@dataclass(frozen=True)
class Phrasebook:
    """The templates, issue names and side names of one language."""

    lang: str
    templates: dict[str, str]
    topics: dict[str, str]
    sides: dict[str, dict[str, str]]

    def template(self, key: str) -> str:
        try:
            return self.templates[key]
        except KeyError:
            raise ConfigError(f"the brief phrasebook has no template {key!r}") from None

    def has(self, key: str) -> bool:
        return key in self.templates


@lru_cache(maxsize=2)
def phrasebook(lang: str) -> Phrasebook:
    """The packaged phrasebook for ``lang`` (``en`` or ``zh``)."""
    if lang not in LANGS:
        raise ConfigError(f"unknown brief language {lang!r}; choose from {', '.join(LANGS)}")
    templates: dict[str, str] = {}
    for row in _read_tsv("brief_phrases", ("id", "en", "zh")):
        value = row[lang]
        if any(mark in value for mark in QUOTE_MARKS):
            raise LexiconError(
                f"template {row['id']!r} holds a quotation mark", path="readouts/data/brief_phrases"
            )
        templates[row["id"]] = value
    topics = {r["topic"]: r[lang] for r in _read_tsv("brief_topics", ("topic", "en", "zh"))}
    sides = {
        r["party"]: r
        for r in _read_tsv(
            "brief_sides", ("party", "name_en", "account_en", "name_zh", "short_zh", "account_zh")
        )
    }
    return Phrasebook(lang, templates, topics, sides)


# --------------------------------------------------------------------------- helpers

_EN_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_EN_LEADING = ("and ", "but ", "while ", "however, ", "or ", "as well as ")
_EN_ADVERBS = ("also", "again", "further", "then", "once", "twice")
_PRONOUNS = {"he": "he", "she": "she", "他": "他", "她": "她"}
_TRAIL = " \t\n\u00a0,.;:，。；：、!?！？"
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _join(items: Sequence[str], lang: str, conj: str = "and") -> str:
    items = [i for i in items if i]
    if lang == "zh":
        return join_zh(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def _number(n: int, lang: str, *others: int) -> str:
    """A count in words up to ten (digits when it, or a count beside it, is larger)."""
    if lang == "zh":
        return number_zh(n)
    if any(not 0 <= m < len(_EN_NUMBERS) for m in (n, *others)):
        return str(n)
    return _EN_NUMBERS[n]


def _ymd(iso: str) -> tuple[str, str, str]:
    """Year, month and day of an ISO date; ``--MM-DD`` (no year) gives an empty year."""
    if iso.startswith("--"):
        month, _, day = iso[2:].partition("-")
        return "", month, day
    parts = [*iso.split("-"), "", ""]
    return parts[0], parts[1], parts[2]


def _date(iso: str, lang: str, until: str = "") -> str:
    """``2021-09-27`` as 27 September 2021 (2021年9月27日); ``--03-18`` as 18 March; with
    ``until`` in the same month, a range (16–17 September)."""
    if lang == "zh":
        return date_zh(iso, until)
    year, month, day = _ymd(iso)
    if not (month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
        return iso
    days = str(int(day))
    _, month_end, day_end = _ymd(until) if until else ("", "", "")
    if month_end == month and day_end.isdigit() and day_end != day:
        days += f"–{int(day_end)}"
    out = f"{days} {_MONTHS[int(month) - 1]}"
    return f"{out} {year}" if year else out


def _marks(text: str) -> tuple[str, str]:
    return ("「", "」") if any(m in text for m in "“”「」") else ("“", "”")


def _trim(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """A quotable span: no surrounding space or clause punctuation, no leading "and"/但."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    words = _EN_LEADING if language == "en" else LEADING_WORDS
    moved = True
    while moved:
        moved = False
        piece = text[start:end].lower()
        for w in words:
            if piece.startswith(w) and end - start > len(w) + 3:
                start += len(w)
                while start < end and (text[start].isspace() or text[start] in ",，"):
                    start += 1
                moved = True
                break
    return start, end


_PLAIN_GISTS = ("gist.state", "gist.narrator")


def _bare_verb(verb: str) -> bool:
    """Is this only a reporting verb ("said that", "表示，") with nothing of the point?"""
    verb = verb.rstrip()
    return verb[-1:] in "，：:," or verb.endswith(" that")


def claim_class(claim: Claim) -> str:
    """What a claim does to the other side: ``concern``, ``objection``, ``demand``,
    ``invitation``, ``assurance`` or ``other``; the first four are pressed on it."""
    act = claim.act
    if act in ("reject", "protest", "accuse", "threaten") or any(
        h.category == "ladder" and h.rung >= 2 for h in claim.tone
    ):
        return "objection"
    if act == "express_concern" or any(h.category == "ladder" for h in claim.tone):
        return "concern"
    if act == "request":
        return "objection" if claim.negated else "demand"
    if act == "invite":
        return "invitation"
    if act == "assure":
        return "assurance"
    return "other"


def talk_hits(reading: Reading) -> list[tuple[Claim, list[ToneHit]]]:
    """Atmosphere words that describe the talks themselves: those in a claim the two
    sides or the issuer speak ("the two sides had candid discussions") or that reports
    the meeting; not "constructive relations" in a speaker's proposal."""
    out = []
    for claim in reading.claims:
        if claim.speaker.kind not in ("both", "narrator") and claim.act != "consult":
            continue
        hits = [h for h in claim.tone if h.category == "atmosphere"]
        if hits:
            out.append((claim, sorted(hits, key=lambda h: h.start)))
    return out


# --------------------------------------------------------------------------- planning


@dataclass(frozen=True)
class _Side:
    index: int
    reading: Reading
    party: str
    name: str  # the party in the note's language
    name_en: str
    acc: str  # its account: "NATO's release", "中方通报"
    short: str  # zh subject form ("中方"); the name in English

    @property
    def id(self) -> str:
        return self.reading.account.id


@dataclass(frozen=True)
class _Unit:
    """Claims of one sentence of an account, quoted together."""

    side: int
    sentence: int
    claims: tuple[Claim, ...]
    meeting: bool = False


@dataclass(frozen=True)
class _Budget:
    says: int
    shared: int
    clash: int
    quotes: int
    limit_en: int
    limit_zh: int


_BUDGETS = {
    "paragraph": _Budget(says=0, shared=1, clash=1, quotes=2, limit_en=160, limit_zh=60),
    "standard": _Budget(says=5, shared=4, clash=3, quotes=3, limit_en=240, limit_zh=90),
    "long": _Budget(says=8, shared=5, clash=4, quotes=4, limit_en=240, limit_zh=90),
}


class _Planner:
    """Plans and phrases one brief; holds what has been said so far (names mentioned)."""

    def __init__(self, comparison: Comparison, lang: str, lexicon: Lexicon):
        self.c = comparison
        self.lang = lang
        self.lex = lexicon
        self.book = phrasebook(lang)
        self.sides = tuple(self._side(i, r) for i, r in enumerate(comparison.readings))
        self.mentioned: set[str] = set()
        self.weights: dict[str, float] = {}
        for r in comparison.readings:
            self.weights.update(
                zip((c.id for c in r.claims), salience(r.claims, lexicon), strict=True)
            )
        self.people: dict[str, Actor] = {}
        for actor in lexicon.actors.values():
            if actor.kind == "person":
                for name in (*actor.names_en, *actor.names_zh):
                    self.people.setdefault(name, actor)
        self.pronouns: dict[str, str] = {}
        for r in comparison.readings:
            if r.account.language != lang:
                continue
            for c in r.claims:
                sp = c.speaker
                said = r.account.text[sp.start : sp.end] if sp.start >= 0 else ""
                person = self.people.get(sp.name)
                if person and said.lower() in _PRONOUNS:
                    self.pronouns.setdefault(person.id, _PRONOUNS[said.lower()])
        self.units = tuple(self._units(s) for s in self.sides)
        n = sum(1 for us in self.units for u in us if not u.meeting)
        self.layout = "paragraph" if n <= 10 else ("long" if n > 30 else "standard")
        self.budget = _BUDGETS[self.layout]
        self.only_topics = tuple(self._only_topics(s) for s in self.sides)

    # ---- names

    def _side(self, index: int, reading: Reading) -> _Side:
        acc = reading.account
        party = acc.party
        row = self.book.sides.get(party)
        actor = self.lex.actors.get(party)
        name_en = row["name_en"] if row else (actor.name if actor else party or acc.id)
        if self.lang == "en":
            account = row["account_en"] if row else f"{_possessive(name_en)} account"
            return _Side(index, reading, party, name_en, name_en, account, name_en)
        if row:
            return _Side(
                index, reading, party, row["name_zh"], name_en, row["account_zh"], row["short_zh"]
            )
        name_zh = actor.names_zh[0] if actor and actor.names_zh else name_en
        short = next((n for n in (actor.names_zh if actor else ()) if n.endswith("方")), "")
        short = short or name_zh + "方面"
        return _Side(index, reading, party, name_zh, name_en, short + "通报", short)

    def _party_name(self, party: str) -> str:
        """A party as a subject: "the United States" / "美方"."""
        for side in self.sides:
            if side.party == party:
                return side.short
        row = self.book.sides.get(party)
        if row:
            return row["name_en"] if self.lang == "en" else row["short_zh"]
        actor = self.lex.actors.get(party)
        if actor is None:
            return party
        return actor.name if self.lang == "en" else (actor.names_zh or (actor.name,))[0]

    def _person(self, name: str, full_name: bool = False) -> str:
        """A person as the note names them: in full at first mention, then by surname."""
        actor = self.people.get(name)
        if actor is None:
            return name
        if self.lang == "zh":
            return actor.names_zh[0] if actor.names_zh else actor.name
        full = actor.names_en[0]
        if full_name:
            self.mentioned.add(actor.id)
            return full
        if actor.id not in self.mentioned:
            self.mentioned.add(actor.id)
            return full
        tokens = {t.strip(".,") for t in full.split()}
        short = [n for n in actor.names_en if " " not in n and n in tokens]
        return min(short, key=len) if short else full

    def _subject(self, side: _Side, claim: Claim, again: bool = False) -> str:
        """Who a claim is attributed to; ``again`` when the sentence before had the same
        speaker, so that a pronoun the account itself uses for them may stand in."""
        sp = claim.speaker
        if sp.kind == "both":
            return self.book.template("subject.both")
        if sp.kind == "person":
            actor = self.people.get(sp.name)
            if again and actor is not None and actor.id in self.pronouns:
                return self.pronouns[actor.id]
            return self._person(sp.name)
        if sp.kind == "side" and sp.party:
            return self._party_name(sp.party)
        return side.acc

    def _topics(self, topics: Sequence[str], limit: int = 3, conj: str = "and") -> str:
        names = []
        for t in topics[:limit]:
            if t in self.book.topics:
                names.append(self.book.topics[t])
            elif t in self.lex.topics:
                label = self.lex.topics[t]
                names.append(label.label_en.lower() if self.lang == "en" else label.label_zh)
            else:
                names.append(t)
        return _join(names, self.lang, conj)

    def _specific(self, claims: Sequence[Claim]) -> list[str]:
        seen: dict[str, None] = {}
        for c in claims:
            for t in c.topics:
                if t in self.lex.topics and not self.lex.topics[t].generic:
                    seen.setdefault(t, None)
        if not seen:
            for c in claims:
                for t in c.topics:
                    seen.setdefault(t, None)
        return list(seen)

    # ---- units

    def _units(self, side: _Side) -> tuple[_Unit, ...]:
        claims = side.reading.claims
        groups: list[list[Claim]] = []
        for c in claims:
            if groups and groups[-1][-1].sentence == c.sentence:
                groups[-1].append(c)
            else:
                groups.append([c])
        meeting = self._meeting_sentence(side.reading)
        return tuple(
            _Unit(side.index, g[0].sentence, tuple(g), meeting=g[0].sentence == meeting)
            for g in groups
        )

    @staticmethod
    def _meeting_sentence(reading: Reading) -> int:
        """The sentence that reports the meeting: the first "met"/"held talks" claim of
        the opening paragraph, or the first sentence."""
        opening = {s.index for s in reading.sentences if s.paragraph == 0}
        for c in reading.claims:
            if c.act == "consult" and c.sentence in opening and not c.topics:
                return c.sentence
        return reading.claims[0].sentence if reading.claims else -1

    def _only_topics(self, side: _Side) -> set[str]:
        other = self.sides[1 - side.index].id
        mine = self.c.topics.get(side.id, ())
        theirs = set(self.c.topics.get(other, ()))
        return {t for t in mine if t not in theirs}

    def label(self, claim: Claim) -> str:
        return self.c.relations[claim.id].label

    # ---- quoting

    def _text(self, side: _Side) -> str:
        return side.reading.account.text

    def quote(self, side: _Side, start: int, end: int, quotes: list[Quote]) -> str:
        text = self._text(side)
        start, end = _trim(text, start, end, side.reading.account.language)
        piece = text[start:end]
        quotes.append(Quote(side.id, start, end, piece))
        left, right = _marks(piece)
        return left + piece + right

    def _span(self, side: _Side, claims: Sequence[Claim]) -> tuple[int, int]:
        """The span of a run of claims, cut after the claim that passes the length limit."""
        limit = (
            self.budget.limit_zh if side.reading.account.language == "zh" else self.budget.limit_en
        )
        start, end = claims[0].start, claims[0].end
        for c in claims[1:]:
            if c.end - start > limit:
                break
            end = c.end
        return start, end

    def _lead(self, side: _Side, claim: Claim, start: int, end: int) -> tuple[int, int, int] | None:
        """(subject end, verb end, start of the words reported) when the claim opens with
        its speaker; verb end == subject end when no reporting verb follows."""
        sp = claim.speaker
        text = self._text(side)
        if sp.start < 0 or not start <= sp.start <= start + 4 or sp.end > end:
            return None
        if text[start : sp.start].strip():
            return None
        pos = sp.end
        language = side.reading.account.language
        if language == "zh":
            view = simplified(text)
            cues = self.lex.act_matcher.find(text, "zh", view)
            found = lead_zh(view, pos, end, cues)
            if found is None:
                return (pos, pos, pos)
            return (pos, found[0], found[1])
        cues = self.lex.act_matcher.find(text, "en")
        at = pos
        while at < end and text[at].isspace():
            at += 1
        for _ in range(2):
            word = text[at:end].split(" ", 1)[0]
            if word.lower() in _EN_ADVERBS:
                at += len(word)
                while at < end and text[at].isspace():
                    at += 1
        verb: Match | None = next((m for m in cues if m.start == at and m.end <= end), None)
        if verb is None:
            return (pos, pos, pos)
        verb_end = verb.end
        rest = verb_end
        while rest < end and text[rest].isspace():
            rest += 1
        if text.startswith("that ", rest):
            verb_end = rest + 4
            rest += 5
        if len(text[rest:end].split()) < 3:
            return (pos, pos, pos)
        return (pos, verb_end, rest)

    def _claim_quote(self, side: _Side, claim: Claim, quotes: list[Quote]) -> str:
        start, end = self._span(side, [claim])
        return self.quote(side, start, end, quotes)

    def _runs(self, side: _Side, claims: Sequence[Claim]) -> list[list[Claim]]:
        """Claims grouped into runs of neighbours in one sentence, in account order."""
        order = {c.id: k for k, c in enumerate(side.reading.claims)}
        runs: list[list[Claim]] = []
        for c in sorted(claims, key=lambda c: order[c.id]):
            last = runs[-1][-1] if runs else None
            if last and last.sentence == c.sentence and order[c.id] == order[last.id] + 1:
                runs[-1].append(c)
            else:
                runs.append([c])
        return runs

    def _quote_runs(
        self, side: _Side, claims: Sequence[Claim], quotes: list[Quote], limit: int
    ) -> tuple[list[str], list[Claim]]:
        """One quotation per run of neighbouring claims, at most ``limit`` of them; the
        quotations and the claims they quote."""
        out, used = [], []
        for run in self._runs(side, claims)[:limit]:
            start, end = self._span(side, run)
            out.append(self.quote(side, start, end, quotes))
            used += [c for c in run if c.start < end]
        return out, used

    # ---- sentences

    def fill(self, key: str, caps: bool = True, **values: str) -> str:
        """Template ``key`` filled with ``values``; ``caps=False`` for a fragment (nothing
        capitalised, as inside another sentence)."""
        return self.fill_map(key, values, caps)

    def fill_map(self, key: str, values: dict[str, str], caps: bool = True) -> str:
        fields = dict(values)
        for k, v in values.items():
            fields[k[:1].upper() + k[1:]] = _cap(v) if caps and self.lang == "en" else v
        try:
            out = self.book.template(key).format_map(fields)
        except KeyError as exc:
            raise ConfigError(f"brief template {key!r} needs the value {exc}") from None
        return _cap(out) if caps and self.lang == "en" else out

    def claim_refs(self, side: _Side, claims: Sequence[Claim]) -> list[Ref]:
        text = self._text(side)
        return [
            Ref(side.id, c.start, c.end, "claim", claim=c.id, text=text[c.start : c.end])
            for c in claims
        ]

    def sentence(
        self,
        kind: str,
        plan: str,
        text: str,
        *,
        source: str = "",
        refs: Sequence[Ref] = (),
        quotes: Sequence[Quote] = (),
        absent_in: Sequence[str] = (),
        absent_topics: Sequence[str] = (),
        score: int | None = None,
    ) -> BriefSentence:
        unique: dict[tuple[str, int, int, str, str], Ref] = {}
        for r in refs:
            unique.setdefault((r.account, r.start, r.end, r.what, r.claim), r)
        for r in list(unique.values()):  # a fact or a word rests on the claim that holds it
            if r.what == "claim":
                continue
            side = next(x for x in self.sides if x.id == r.account)
            for c in side.reading.claims:
                if c.start < r.end and r.start < c.end:
                    ref = self.claim_refs(side, [c])[0]
                    unique.setdefault((ref.account, ref.start, ref.end, "claim", ref.claim), ref)
        return BriefSentence(
            text=text,
            kind=kind,
            plan=plan,
            source=source,
            refs=tuple(unique.values()),
            quotes=tuple(quotes),
            absent_in=tuple(absent_in),
            absent_topics=tuple(absent_topics),
            score=score,
        )

    # ---- title and dek

    def title(self) -> BriefSentence:
        a, b = self.sides
        s = self.c.score
        band = self.book.template(f"band.{s.band}")
        text = self.fill("title", a=a.name, b=b.name, band=band)
        return self.sentence("title", "title", text, score=s.value)

    def _principal(self, side: _Side) -> tuple[str, Ref] | None:
        """The person who speaks for a side: from the meeting facts, else the first
        named speaker of that party (in its own account first)."""
        order = (side, self.sides[1 - side.index])
        for s in order:
            for p in s.reading.facts.participants:
                if p.get("party") == side.party and p.get("start", -1) >= 0:
                    text = self._text(s)
                    ref = Ref(
                        s.id,
                        p["start"],
                        p["end"],
                        "participant",
                        value=str(p.get("name", "")),
                        text=text[p["start"] : p["end"]],
                    )
                    return str(p.get("name", "")), ref
        for s in order:
            for c in s.reading.claims:
                sp: Speaker = c.speaker
                if sp.kind == "person" and sp.party == side.party and sp.start >= 0:
                    ref = Ref(
                        s.id,
                        sp.start,
                        sp.end,
                        "speaker",
                        value=sp.name,
                        text=self._text(s)[sp.start : sp.end],
                    )
                    return sp.name, ref
        return None

    def dek(self) -> BriefSentence:
        a, b = self.sides
        langs = {
            f"lang_{k}": self.book.template(f"lang.{s.reading.account.language}")
            for k, s in zip("ab", self.sides, strict=True)
        }
        pa, pb = self._principal(a), self._principal(b)
        if pa and pb:
            text = self.fill(
                "dek",
                pa=self._person(pa[0]),
                pb=self._person(pb[0]),
                acc_a=a.acc,
                acc_b=b.acc,
                lang_a=langs["lang_a"],
                lang_b=langs["lang_b"],
            )
            return self.sentence("dek", "dek", text, refs=[pa[1], pb[1]])
        text = self.fill_map("dek.nonames", {"acc_a": a.acc, "acc_b": b.acc, **langs})
        return self.sentence("dek", "dek.nonames", text)

    # ---- the meeting

    def meeting(self) -> list[BriefSentence]:
        facts = [s.reading.facts for s in self.sides]
        if any(f.date or f.format or f.participants for f in facts):
            return self._meeting_facts()
        quotes: list[Quote] = []
        refs: list[Ref] = []
        found = []
        for side in self.sides:
            unit = next((u for u in self.units[side.index] if u.meeting), None)
            if unit is None:
                continue
            start, end = unit.claims[0].start, unit.claims[-1].end
            found.append((side, self.quote(side, start, end, quotes)))
            refs += self.claim_refs(side, unit.claims)
        if len(found) == 2:
            (a, qa), (b, qb) = found
            text = self.fill("meeting.quote.both", acc_a=a.acc, acc_b=b.acc, qa=qa, qb=qb)
            return [self.sentence("meeting", "meeting.quote.both", text, refs=refs, quotes=quotes)]
        if found:
            side, q = found[0]
            text = self.fill("meeting.quote", acc=side.acc, q=q)
            return [
                self.sentence(
                    "meeting", "meeting.quote", text, source=side.id, refs=refs, quotes=quotes
                )
            ]
        return []

    def _fact(self, side: _Side, what: str, span: tuple[int, int], value: str) -> Ref:
        return Ref(
            side.id, span[0], span[1], what, value=value, text=self._text(side)[slice(*span)]
        )

    def _meeting_facts(self) -> list[BriefSentence]:
        """Who met whom, when, how and where, from the accounts' meeting facts; where the
        accounts differ on the date or the format, a sentence says so instead."""
        refs: list[Ref] = []
        quotes: list[Quote] = []
        out: list[BriefSentence] = []
        names = []
        for side in self.sides:
            found = self._participant(side)
            if found:
                names.append(found[0])
                refs.append(found[1])
        dated = [(s, s.reading.facts) for s in self.sides]
        dated = [(s, f) for s, f in dated if f.date and f.date_span[0] >= 0]
        date = ""
        if dated and all(
            (f.date, f.date_end) == (dated[0][1].date, dated[0][1].date_end) for _, f in dated
        ):
            date = _date(dated[0][1].date, self.lang, dated[0][1].date_end)
            refs += [self._fact(s, "date", f.date_span, f.date) for s, f in dated]
        elif dated:
            out.append(self._differ("date", dated, quotes=[]))
        fmt = ""
        formats = [(s, s.reading.facts) for s in self.sides]
        formats = [(s, f) for s, f in formats if f.format and f.format_span[0] >= 0]
        if formats:
            best = min(_BASIS.get(f.format_basis, 3) for _, f in formats)
            strong = [(s, f) for s, f in formats if _BASIS.get(f.format_basis, 3) == best]
            if len({f.format for _, f in strong}) == 1:
                fmt = strong[0][1].format
                refs += [self._fact(s, "format", f.format_span, f.format) for s, f in strong]
            else:
                out.append(self._differ("format", strong, quotes=[]))
        place = event = ""
        for side in sorted(self.sides, key=lambda s: s.reading.account.language != self.lang):
            f = side.reading.facts
            if f.place and f.place_span[0] >= 0 and not place:
                refs.append(self._fact(side, "place", f.place_span, f.place))
                place = self._phrase(side, f.place_span, quotes)
            if fmt == "sidelines" and f.event and f.event_span[0] >= 0 and not event:
                refs.append(self._fact(side, "event", f.event_span, f.event))
                event = self._phrase(side, f.event_span, quotes)
        fmt_key = f"format.{fmt}" if self.book.has(f"format.{fmt}") else "format.none"
        if event:
            fmt_key = "format.sidelines.event"
        values = {
            "who": (
                ("与" if self.lang == "zh" else " and ").join(names)
                if names
                else self.book.template("subject.both")
            ),
            "format": self.fill(fmt_key, caps=False, event=event),
            "place": self.fill("place", caps=False, place=place) if place else "",
        }
        plan = "meeting.facts" if date else "meeting.facts.nodate"
        text = self.fill_map(plan, {"date": date, **values})
        out.insert(0, self.sentence("meeting", plan, text, refs=refs, quotes=quotes))
        for kind in ("request", "invite"):
            asked = self._asked(kind)
            if asked is not None:
                out.append(asked)
        return out

    def _phrase(self, side: _Side, span: tuple[int, int], quotes: list[Quote]) -> str:
        """A name from an account: as written when in the note's language, else quoted."""
        if side.reading.account.language == self.lang:
            return self._text(side)[span[0] : span[1]]
        return self.quote(side, span[0], span[1], quotes)

    def _differ(
        self, what: str, found: Sequence[tuple[_Side, Any]], quotes: list[Quote]
    ) -> BriefSentence:
        """The accounts give different dates or formats: quote each."""
        (sa, fa), (sb, fb) = found[0], found[-1]
        span_a, span_b = getattr(fa, f"{what}_span"), getattr(fb, f"{what}_span")
        qa = self.quote(sa, span_a[0], span_a[1], quotes)
        qb = self.quote(sb, span_b[0], span_b[1], quotes)
        refs = [
            self._fact(sa, what, span_a, getattr(fa, what)),
            self._fact(sb, what, span_b, getattr(fb, what)),
        ]
        text = self.fill(f"meeting.{what}.differ", acc_a=sa.acc, acc_b=sb.acc, qa=qa, qb=qb)
        return self.sentence("meeting", f"meeting.{what}.differ", text, refs=refs, quotes=quotes)

    def _participant(self, side: _Side) -> tuple[str, Ref] | None:
        """A side's principal as the meeting facts name them: the account's own words
        ("NATO Secretary General Jens Stoltenberg", 国务委员兼外长王毅) when they are in the
        note's language and short, else the name alone."""
        order = sorted(
            (side, self.sides[1 - side.index]),
            key=lambda s: s.reading.account.language != self.lang,
        )
        for s in order:
            for p in s.reading.facts.participants:
                if p.get("party") != side.party or p.get("start", -1) < 0:
                    continue
                if p.get("kind", "person") != "person":
                    continue
                said = self._text(s)[p["start"] : p["end"]]
                ref = Ref(
                    s.id,
                    p["start"],
                    p["end"],
                    "participant",
                    value=str(p.get("name", "")),
                    text=said,
                )
                name = self._person(str(p.get("name", "")), full_name=True)
                short = len(said) <= 16 if self.lang == "zh" else len(said.split()) <= 6
                if s.reading.account.language == self.lang and short and name in said:
                    return said, ref
                return name, ref
        found = self._principal(side)
        return (self._person(found[0], full_name=True), found[1]) if found else None

    def _asked(self, kind: str) -> BriefSentence | None:
        """Who asked for the meeting (``request``) or invited (``invite``), as each account
        says; when only one says, the sentence notes the other's silence."""
        field_, span_ = (
            ("requested_by", "request_span")
            if kind == "request"
            else (
                "invited_by",
                "invite_span",
            )
        )
        asked = [(s, s.reading.facts) for s in self.sides if getattr(s.reading.facts, field_)]
        asked = [(s, f) for s, f in asked if getattr(f, span_)[0] >= 0]
        if not asked:
            return None
        quotes: list[Quote] = []
        refs = [self._fact(s, kind, getattr(f, span_), getattr(f, field_)) for s, f in asked]
        parties = [getattr(f, field_) for _, f in asked]
        spans = [getattr(f, span_) for _, f in asked]
        qs = [
            self.quote(s, span[0], span[1], quotes)
            for (s, _), span in zip(asked, spans, strict=True)
        ]
        if len(asked) == 2 and parties[0] == parties[1]:
            party = self._party_name(parties[0])
            plan = f"meeting.{kind}.both"
            text = self.fill(plan, party=party, party_poss=_possessive(party), qa=qs[0], qb=qs[1])
            return self.sentence("request", plan, text, refs=refs, quotes=quotes)
        if len(asked) == 2:
            plan = f"meeting.{kind}.differ"
            text = self.fill(
                plan,
                acc_a=asked[0][0].acc,
                acc_b=asked[1][0].acc,
                qa=qs[0],
                qb=qs[1],
                pa=self._party_name(parties[0]),
                pb=self._party_name(parties[1]),
            )
            return self.sentence("request", plan, text, refs=refs, quotes=quotes)
        sx = asked[0][0]
        sy = self.sides[1 - sx.index]
        party = self._party_name(parties[0])
        plan = f"meeting.{kind}.one"
        text = self.fill(
            plan, acc_x=sx.acc, acc_y=sy.acc, party=party, party_poss=_possessive(party), q=qs[0]
        )
        return self.sentence(
            "request", plan, text, source=sx.id, refs=refs, quotes=quotes, absent_in=[sy.id]
        )

    # ---- what each side says

    def _priority(self, side: _Side, unit: _Unit) -> float:
        best = 0.0
        for c in unit.claims:
            weight = self.weights.get(c.id, 0.5)
            label = self.label(c)
            if label == "conflict":
                weight *= 1.5
            elif label == "shared":
                weight *= 0.5
            if claim_class(c) in PRESSED:
                weight *= 1.4
            if any(t in self.only_topics[side.index] for t in c.topics):
                weight *= 1.3
            if c.speaker.kind == "both" and c.act in ("agree", "cooperate") and label != "shared":
                weight *= 1.4  # an outcome only this side reports
            if not self._specific_only([c]):
                weight *= 0.8
            best = max(best, weight)
        return best

    def _specific_only(self, claims: Sequence[Claim]) -> set[str]:
        return {
            t
            for c in claims
            for t in c.topics
            if t in self.lex.topics and not self.lex.topics[t].generic
        }

    def says(self, side: _Side) -> list[BriefSentence]:
        units = [
            u
            for u in self.units[side.index]
            if not u.meeting and any(self.label(c) != "shared" for c in u.claims)
        ]
        ranked = sorted(units, key=lambda u: (-self._priority(side, u), u.sentence))
        budget = min(max(self.budget.says, (len(units) * 3 + 4) // 5), _BUDGETS["long"].says)
        picked: list[_Unit] = []
        covered: set[str] = set()
        for unit in ranked:  # the most telling first; skip a repeat of issues already quoted
            topics = self._specific_only(unit.claims)
            pressed = any(claim_class(c) in PRESSED for c in unit.claims)
            if topics and topics <= covered and not pressed:
                continue
            picked.append(unit)
            covered |= topics
            if len(picked) == budget:
                break
        chosen = sorted(picked, key=lambda u: u.sentence)
        same = side.reading.account.language == self.lang
        groups: list[list[_Unit]] = []
        for unit in chosen:  # a speaker's words in a row, quoted in one sentence
            last = groups[-1] if groups else None
            sp, prev = unit.claims[0].speaker, last[-1].claims[0].speaker if last else None
            if (
                same
                and last
                and len(last) < 3
                and prev is not None
                and sp.kind == "person"
                and sp.name == prev.name
                and sp.start < 0
                and unit.sentence == last[-1].sentence + 1
            ):
                last.append(unit)
            else:
                groups.append([unit])
        out = []
        previous: Speaker | None = None
        for k, group in enumerate(groups):
            speaker = group[0].claims[0].speaker
            again = (
                previous is not None and speaker.kind == "person" and speaker.name == previous.name
            )
            out.append(self._say(side, group, first=k == 0, again=again))
            previous = speaker
        return out

    def _gist_topics(self, claims: Sequence[Claim]) -> list[str]:
        """Issues to name for claims quoted in another language: the first claim's own,
        then the specific issues of the rest."""
        head = list(claims[0].topics)
        specific = [t for t in head if t in self.lex.topics and not self.lex.topics[t].generic]
        out = specific or head
        for t in self._specific(claims[1:]):
            if t not in out and t in self.lex.topics and not self.lex.topics[t].generic:
                out.append(t)
        return out[:4]

    def _gist(self, claims: Sequence[Claim]) -> str:
        """The template for a run of claims quoted in another language: by what they
        press on the other side, else by the strongest speech act."""
        classes = {claim_class(c) for c in claims}
        for cls, key in (
            ("objection", "gist.objection"),
            ("concern", "gist.express_concern"),
            ("demand", "gist.request"),
            ("invitation", "gist.invite"),
        ):
            if cls in classes:
                return key
        acts = [c.act for c in claims if c.act not in ("state", "statement")]
        if not acts:
            return "gist.state"
        act = min(acts, key=lambda a: self.lex.acts[a].priority if a in self.lex.acts else 99)
        if act == "agree" and all(c.speaker.kind == "both" for c in claims):
            return "gist.agree.both"
        return f"gist.{act}" if self.book.has(f"gist.{act}") else "gist.state"

    def _say(self, side: _Side, group: Sequence[_Unit], first: bool, again: bool) -> BriefSentence:
        unit = group[0]
        quotes: list[Quote] = []
        text_of = self._text(side)
        lead_claim = unit.claims[0]
        start, end = self._span(side, unit.claims)
        claims = [c for c in unit.claims if c.start < end]
        lead = self._lead(side, lead_claim, start, end)
        same = side.reading.account.language == self.lang
        subject = self._subject(side, lead_claim, again=again and not first)
        narrator = lead_claim.speaker.kind == "narrator"
        values: dict[str, str] = {}
        if same:
            if lead and lead[1] > lead[0]:
                plan = "says.verb"
                values = {"subj": subject, "verb": text_of[lead[0] : lead[1]].strip()}
                values["q"] = self.quote(side, lead[2], end, quotes)
            elif (
                lead
                and not narrator
                and (
                    side.reading.account.language == "zh"
                    or text_of[lead[0] :].lstrip()[:1].islower()
                )
            ):
                plan = "says.pred"
                values = {"subj": subject, "q": self.quote(side, lead[0], end, quotes)}
            elif not narrator:
                plan = "says.cont.first" if first else "says.cont"
                values = {"subj": subject, "q": self.quote(side, start, end, quotes)}
            else:
                plan = "says.account.first" if first else "says.account"
                values = {"acc": side.acc, "q": self.quote(side, start, end, quotes)}
        else:
            topics = self._gist_topics(claims)
            plan = "gist.narrator" if topics else "gist.narrator.none"
            if not narrator:
                plan = (
                    self._gist(claims) if topics else ("gist.none.first" if first else "gist.none")
                )
            verb = lead is not None and lead[1] > lead[0]
            # a bare reporting verb ("表示，", "said that") is dropped; one that carries the
            # point ("discussed relations", 敦促美方) stays unless the template names the act
            bare = lead is not None and verb and _bare_verb(text_of[lead[0] : lead[1]])
            if lead and verb and (bare or (topics and plan not in _PLAIN_GISTS)):
                from_ = lead[2]
                if not topics and not narrator:
                    plan = "gist.none.first" if first else "gist.none"
            elif lead and not topics and not narrator:
                plan, from_ = "says.pred", lead[0]
            else:
                from_ = lead[0] if lead else start
            q = self.quote(side, from_, end, quotes)
            values = {"subj": subject, "acc": side.acc, "q": q, "topics": self._topics(topics, 4)}
        for more in group[1:]:
            mstart, mend = self._span(side, more.claims)
            values["q"] += ("；" if self.lang == "zh" else "; ") + self.quote(
                side, mstart, mend, quotes
            )
            claims += [c for c in more.claims if c.start < mend]
        wrap = first and not plan.startswith(("says.account", "gist.narrator"))
        if wrap:
            clause = self.fill_map(plan, values, caps=False)
            if self.lang == "en":
                clause = clause[:1].lower() + clause[1:] if subject[:1].islower() else clause
            text = self.fill("attrib", acc=side.acc, clause=clause)
        else:
            text = self.fill_map(plan, values)
        return self.sentence(
            "says", plan, text, source=side.id, refs=self.claim_refs(side, claims), quotes=quotes
        )

    # ---- common ground and clashes

    def _pairs(self, kind: str) -> list[tuple[Claim, list[Claim]]]:
        """Claims of the first account with their partners in the second, for the
        alignments of one kind, in the first account's order."""
        a, b = self.sides
        by_id = {c.id: c for c in b.reading.claims}
        scores: dict[tuple[str, str], float] = {}
        for al in self.c.alignments:
            if al.kind == kind:
                scores[(al.a, al.b)] = al.score
        out = []
        for claim in a.reading.claims:
            partners = [by_id[p] for p in by_id if (claim.id, p) in scores]
            if partners:
                partners.sort(key=lambda p: -scores[(claim.id, p.id)])
                out.append((claim, partners))
        return out

    def _is_meeting(self, side: _Side, claim: Claim) -> bool:
        unit = next(u for u in self.units[side.index] if claim in u.claims)
        return unit.meeting and claim.act == "consult" and not claim.topics

    def shared(self) -> list[BriefSentence]:
        """One sentence per point both report (pairs of shared claims grouped by the issues
        they share, or by a common partner), the most salient first; the rest in one line."""
        a, b = self.sides
        groups: dict[tuple[str, ...], list[tuple[Claim, list[Claim]]]] = {}
        for ca, ps in self._pairs("shared"):
            ps = [p for p in ps if self.label(p) == "shared"]
            if self.label(ca) != "shared" or not ps or self._is_meeting(a, ca):
                continue
            common = tuple(t for t in self._specific([ca]) if t in self._specific(ps))
            key = common or next(
                (k for k, g in groups.items() if any(p in q for _, q in g for p in ps)),
                (ps[0].id,),
            )
            groups.setdefault(key, []).append((ca, ps))
        ranked = sorted(
            groups.items(), key=lambda kv: -max(self.weights.get(ca.id, 0.0) for ca, _ in kv[1])
        )
        keep = {k for k, _ in ranked[: self.budget.shared]}
        out = []
        rest: list[tuple[Claim, list[Claim]]] = []
        for key, pairs in groups.items():
            if key not in keep:
                rest += pairs
                continue
            quotes: list[Quote] = []
            claims_a = [ca for ca, _ in pairs]
            claims_b = list({p.id: p for _, ps in pairs for p in ps}.values())
            best = list({ps[0].id: ps[0] for _, ps in pairs}.values())
            qa, _ = self._quote_runs(a, claims_a, quotes, 2)
            qb, _ = self._quote_runs(b, best, quotes, 2)
            shared_topics = [t for t in key if t in self.lex.topics]
            plan = "shared.pair" if shared_topics else "shared.pair.none"
            text = self.fill(
                plan,
                topics=self._topics(shared_topics),
                acc_a=a.acc,
                acc_b=b.acc,
                qa=_join(qa, self.lang),
                qb=_join(qb, self.lang),
            )
            refs = self.claim_refs(a, claims_a) + self.claim_refs(b, claims_b)
            out.append(self.sentence("shared", plan, text, refs=refs, quotes=quotes))
        named = {t for k in keep for t in k}
        topics: list[str] = []
        for ca, ps in rest:
            theirs = self._specific_only(ps)
            topics += [
                t
                for t in sorted(self._specific_only([ca]))
                if t in theirs and t not in topics and t not in named
            ]
        if rest and topics:
            refs = []
            for ca, ps in rest:
                refs += self.claim_refs(a, [ca]) + self.claim_refs(b, ps)
            text = self.fill("shared.rest", topics=self._topics(topics, limit=6))
            out.append(self.sentence("shared", "shared.rest", text, refs=refs))
        return out

    def clashes(self) -> list[BriefSentence]:
        """One sentence per issue the accounts clash on (pairs of conflicting claims
        grouped by their common issues and the kind of conflict)."""
        a, b = self.sides
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[Claim, list[Claim]]]] = {}
        for ca, ps in self._pairs("conflict"):
            ps = [p for p in ps if self.label(p) == "conflict"]
            if self.label(ca) != "conflict" or not ps:
                continue
            kind = self.c.relations[ca.id].kind
            common = [t for t in self._specific([ca]) if t in self._specific(ps)]
            key = (kind, tuple(common or self._specific([ca, *ps])[:2]))
            if kind == "unconfirmed_attribution":
                key = (kind, (ca.id,))
            groups.setdefault(key, []).append((ca, ps))
        ranked = sorted(
            groups.items(), key=lambda kv: -max(self.weights.get(ca.id, 0.0) for ca, _ in kv[1])
        )
        keep = {k for k, _ in ranked[: self.budget.clash]}
        out = []
        for (kind, key_topics), pairs in groups.items():
            if (kind, key_topics) not in keep:
                continue
            quotes: list[Quote] = []
            claims_a = [ca for ca, _ in pairs]
            claims_b = list({p.id: p for _, ps in pairs for p in ps}.values())
            refs = self.claim_refs(a, claims_a) + self.claim_refs(b, claims_b)
            common = [t for t in key_topics if t in self.lex.topics]
            topics = self._topics(common)
            if kind == "unconfirmed_attribution":
                ca, ps = pairs[0]
                x, y, cx, cy = (a, b, ca, ps[0])
                if ca.speaker.party != b.party:
                    x, y, cx, cy = (b, a, ps[0], ca)
                qx = self._claim_quote(x, cx, quotes)
                qy = self._claim_quote(y, cy, quotes)
                topics = self._topics(self._specific([cx, cy]))
                text = self.fill(
                    "clash.attribution",
                    acc_x=x.acc,
                    acc_y=y.acc,
                    qx=qx,
                    qy=qy,
                    person=self._subject(x, cx),
                    topics=topics,
                )
                plan = "clash.attribution"
                refs = self.claim_refs(x, [cx]) + self.claim_refs(y, [cy])
            else:
                qa, _ = self._quote_runs(a, claims_a, quotes, self.budget.quotes)
                qb, _ = self._quote_runs(b, claims_b, quotes, self.budget.quotes)
                plan = "clash.negation" if kind == "negation" else "clash.opposed"
                if plan == "clash.opposed" and not common:
                    plan = "clash.opposed.none"
                text = self.fill(
                    plan,
                    topics=topics,
                    acc_a=a.acc,
                    acc_b=b.acc,
                    qa=_join(qa, self.lang),
                    qb=_join(qb, self.lang),
                )
            out.append(self.sentence("clash", plan, text, refs=refs, quotes=quotes))
        return out

    # ---- what each leaves out

    def _own(self, side: _Side, claim: Claim) -> bool:
        sp = claim.speaker
        return sp.kind == "narrator" or (sp.kind in ("person", "side") and sp.party == side.party)

    def omissions(self, x: _Side) -> list[BriefSentence]:
        """What the other account leaves out of ``x``'s."""
        y = self.sides[1 - x.index]
        claims = x.reading.claims
        one_sided = [c for c in claims if self.label(c) == "one-sided"]
        out: list[BriefSentence] = []
        pressed = [c for c in claims if self._own(x, c) and claim_class(c) in PRESSED]
        left = [c for c in pressed if self.label(c) == "one-sided"]
        named: set[str] = set()
        if left:
            out.append(self._omit_pressed(x, y, pressed, left))
            named.update(self._specific(left))
        absent = [
            t
            for t in self.c.topics.get(x.id, ())
            if t not in self.c.topics.get(y.id, ())
            and t in self.lex.topics
            and not self.lex.topics[t].generic
            and t not in named
            and any(t in c.topics for c in one_sided)
        ]
        if absent and self.layout != "paragraph":
            carriers = [c for c in one_sided if any(t in c.topics for t in absent)]
            text = self.fill(
                "omit.topics",
                acc_x=x.acc,
                acc_y=y.acc,
                topics=self._topics(absent, limit=8, conj="or"),
            )
            out.append(
                self.sentence(
                    "omission",
                    "omit.topics",
                    text,
                    source=x.id,
                    refs=self.claim_refs(x, carriers),
                    absent_in=[y.id],
                    absent_topics=absent[:8],
                )
            )
        attributed = [
            c for c in one_sided if "unconfirmed_attribution" in self.c.relations[c.id].flags
        ]
        if attributed and self.layout != "paragraph":
            quotes: list[Quote] = []
            qs, used = self._quote_runs(x, attributed, quotes, self.budget.quotes)
            person = self._subject(x, attributed[0])
            text = self.fill(
                "omit.attribution",
                acc_x=x.acc,
                acc_y=y.acc,
                person=person,
                quotes=self._quotes_list(qs),
            )
            out.append(
                self.sentence(
                    "omission",
                    "omit.attribution",
                    text,
                    source=x.id,
                    refs=self.claim_refs(x, used),
                    quotes=quotes,
                    absent_in=[y.id],
                )
            )
        if self.layout != "paragraph":
            if one_sided:
                text = self.fill(
                    "omit.count.one" if len(one_sided) == 1 else "omit.count",
                    acc_x=x.acc,
                    acc_y=y.acc,
                    k=_number(len(one_sided), self.lang, len(claims)),
                    n=_number(len(claims), self.lang, len(one_sided)),
                )
                refs = self.claim_refs(x, one_sided)
                out.append(
                    self.sentence(
                        "omission", "omit.count", text, source=x.id, refs=refs, absent_in=[y.id]
                    )
                )
            elif claims:
                text = self.fill("omit.none", acc_x=x.acc, acc_y=y.acc)
                out.append(
                    self.sentence(
                        "shared", "omit.none", text, source=x.id, refs=self.claim_refs(x, claims)
                    )
                )
        return out

    def _quotes_list(self, qs: Sequence[str]) -> str:
        return ("；" if self.lang == "zh" else "; ").join(qs)

    def _omit_pressed(
        self, x: _Side, y: _Side, pressed: Sequence[Claim], left: Sequence[Claim]
    ) -> BriefSentence:
        classes = [k for k in PRESSED if any(claim_class(c) == k for c in pressed)]
        one = len(pressed) == 1
        what = _join(
            [self.book.template(f"what.{k}{'.one' if one else ''}") for k in classes], self.lang
        )
        people = {c.speaker.name for c in pressed if c.speaker.kind == "person"}
        if len(people) == 1 and all(c.speaker.kind == "person" for c in pressed):
            whose = self._person(next(iter(people)))
        else:
            whose = x.short if self.lang == "zh" else x.name
        quotes: list[Quote] = []
        # a pressed claim is quoted with the one-sided claims beside it in its sentence
        # ("亚太无需再建新的军事集团，不应再次引发大国对抗，…")
        sentences = {c.sentence for c in left}
        context = [
            c
            for c in x.reading.claims
            if c.sentence in sentences
            and self.label(c) == "one-sided"
            and (c in left or c.frame_start < 0)
            and any(abs(x.reading.claims.index(c) - x.reading.claims.index(p)) <= 2 for p in left)
        ]
        qs, used = self._quote_runs(x, context, quotes, self.budget.quotes)
        hidden = [c for c in left if c not in used]
        if hidden and self.lang == "en":
            qs[-1] += f" (and {_number(len(hidden), 'en')} more)"
        elif hidden:
            qs[-1] += f"（另有{_number(len(hidden), 'zh')}处）"
        named = self._specific(left)
        on_topics = self.fill("omit.on_topics", caps=False, topics=self._topics(named, 4))
        if one:
            plan = "omit.pressed.one"
        elif len(left) == len(pressed):
            plan = "omit.pressed.all"
        else:
            plan = "omit.pressed.some"
        text = self.fill(
            plan,
            acc_y=y.acc,
            what=what,
            whose=whose,
            on_topics=on_topics if named else "",
            quotes=self._quotes_list(qs),
            k=_number(len(left), self.lang, len(pressed)),
            n=_number(len(pressed), self.lang, len(left)),
        )
        refs = self.claim_refs(x, sorted({*left, *used}, key=lambda c: c.start))
        return self.sentence(
            "omission", plan, text, source=x.id, refs=refs, quotes=quotes, absent_in=[y.id]
        )

    # ---- tone

    def _words(self, side: _Side, hits: Sequence[ToneHit], quotes: list[Quote]) -> str:
        """Quoted tone words, adjacent ones merged ("积极和建设性"), glossed when the
        account's language is not the note's."""
        text = self._text(side)
        groups: list[list[ToneHit]] = []
        for h in sorted(hits, key=lambda h: h.start):
            gap = text[groups[-1][-1].end : h.start] if groups else ""
            if (
                groups
                and h.start >= groups[-1][-1].end
                and len(gap) <= 6
                and not any(ch in gap for ch in ".。;；")
            ):
                groups[-1].append(h)
            else:
                groups.append([h])
        parts = []
        shown: set[str] = set()
        warmth = {t.id: t.valence for t in self.lex.tone.values()}
        groups.sort(key=lambda g: -max(warmth.get(h.term, 0) for h in g))  # warmest first
        for g in groups:
            if {h.term for h in g} <= shown:
                continue
            shown |= {h.term for h in g}
            q = self.quote(side, g[0].start, g[-1].end, quotes)
            if side.reading.account.language != self.lang:
                glosses = []
                for h in g:
                    term = self.lex.tone.get(h.term)
                    if term is None:
                        continue
                    words = term.terms_en if self.lang == "en" else term.terms_zh
                    if words and words[0] not in glosses:
                        glosses.append(words[0])
                if glosses:
                    sep = ", " if self.lang == "en" else "、"
                    q += (
                        f" ({sep.join(glosses)})"
                        if self.lang == "en"
                        else f"（{sep.join(glosses)}）"
                    )
            parts.append(q)
        return "、".join(parts) if self.lang == "zh" else _join(parts, self.lang)

    def tone(self) -> list[BriefSentence]:
        out = []
        silent = [side for side in self.sides if not talk_hits(side.reading)]
        for side in self.sides:
            found = talk_hits(side.reading)
            if not found:
                continue
            quotes: list[Quote] = []
            hits = [h for _, hs in found for h in hs][:4]
            words = self._words(side, hits, quotes)
            both = all(c.speaker.kind == "both" for c, _ in found)
            plan = "tone.talks.both" if both else "tone.talks"
            text = self.fill(plan, acc=side.acc, words=words)
            refs = [self._tone_ref(side, h) for h in hits]
            refs += self.claim_refs(side, [c for c, _ in found])
            out.append(self.sentence("tone", plan, text, source=side.id, refs=refs, quotes=quotes))
        out += self._absent("tone.none", silent)
        quiet = []
        for side in self.sides:
            ladder = [h for h in side.reading.tone if h.category == "ladder" and h.rung > 0]
            if not ladder:
                quiet.append(side)
                continue
            top = max(h.rung for h in ladder)
            hit = next(h for h in ladder if h.rung == top)
            quotes = []
            words = self._words(side, [hit], quotes)
            rung = _number(top, self.lang)
            text = self.fill("tone.ladder", acc=side.acc, words=words, rung=rung)
            refs = [self._tone_ref(side, hit)]
            out.append(
                self.sentence("tone", "tone.ladder", text, source=side.id, refs=refs, quotes=quotes)
            )
        out += self._absent("tone.noladder", quiet)
        for side in self.sides:
            signals: dict[str, list[tuple[ToneHit, Claim]]] = {}
            for h in side.reading.tone:
                claim = next((c for c in side.reading.claims if c.start <= h.start < c.end), None)
                if h.category == "signal" and claim is not None:
                    held = signals.setdefault(h.term, [])
                    if claim not in [c for _, c in held]:
                        held.append((h, claim))
            for term, pairs in signals.items():
                plan = f"tone.signal.{term}"
                if not self.book.has(plan):
                    continue
                quotes = []
                qs = [self._claim_quote(side, c, quotes) for _, c in pairs[:2]]
                refs = [self._tone_ref(side, h) for h, _ in pairs[:2]]
                refs += self.claim_refs(side, [c for _, c in pairs[:2]])
                text = self.fill(plan, acc=side.acc, words=self._quotes_list(qs))
                out.append(
                    self.sentence("tone", plan, text, source=side.id, refs=refs, quotes=quotes)
                )
        return out

    def _tone_ref(self, side: _Side, hit: ToneHit) -> Ref:
        text = self._text(side)[hit.start : hit.end]
        return Ref(side.id, hit.start, hit.end, "tone", value=hit.term, text=text)

    def _absent(self, plan: str, sides: Sequence[_Side]) -> list[BriefSentence]:
        """ "X uses no ..." for one account, "Neither account uses ..." for both."""
        if len(sides) == 2:
            text = self.fill(f"{plan}.both")
            return [self.sentence("tone", f"{plan}.both", text, absent_in=[s.id for s in sides])]
        return [
            self.sentence("tone", plan, self.fill(plan, acc=s.acc), absent_in=[s.id]) for s in sides
        ]

    # ---- verdict

    def verdict(self) -> list[BriefSentence]:
        s = self.c.score
        verdict = s.verdict if self.lang == "en" else self.book.template(f"verdict.band.{s.band}")
        out = [
            self.sentence(
                "verdict",
                "verdict.score",
                self.fill("verdict.score", value=str(s.value), verdict=verdict),
                score=s.value,
            )
        ]
        claims = [c for r in self.c.readings for c in r.claims]
        labels = [self.label(c) for c in claims]
        text = self.fill(
            "verdict.counts",
            n=str(len(claims)),
            k=str(labels.count("shared")),
            c=str(labels.count("conflict")),
        )
        out.append(self.sentence("verdict", "verdict.counts", text, score=s.value))
        a, b = self.sides
        common = [
            t
            for t in self.c.topics.get(a.id, ())
            if t in self.c.topics.get(b.id, ())
            and t in self.lex.topics
            and not self.lex.topics[t].generic
        ]
        if common:
            text = self.fill("verdict.topics", topics=self._topics(common, limit=8))
            refs = []
            for side in self.sides:
                refs += self.claim_refs(
                    side,
                    [next(c for c in side.reading.claims if t in c.topics) for t in common[:8]],
                )
            out.append(self.sentence("verdict", "verdict.topics", text, refs=refs, score=s.value))
        elif self.layout != "paragraph":
            out.append(
                self.sentence(
                    "verdict", "verdict.notopics", self.fill("verdict.notopics"), score=s.value
                )
            )
        return out

    # ---- the whole note

    def plan(self) -> Brief:
        title = self.title()
        dek = self.dek()
        meeting = self.meeting()
        sections: list[Section] = []
        if self.layout == "paragraph":
            sentences = [*meeting, *self.shared(), *self.clashes()]
            for side in self.sides:
                sentences += self.omissions(side)
            sentences += [s for s in self.tone() if s.plan not in ("tone.none", "tone.noladder")]
            sentences += self.verdict()
            sections.append(Section("note", "", tuple(sentences)))
        else:
            sections.append(Section("meeting", self.fill("head.meeting"), tuple(meeting)))
            for side in self.sides:
                says = self.says(side)
                if says:
                    heading = self.fill(
                        "head.says", name_poss=_possessive(side.name), short=side.short
                    )
                    sections.append(Section(f"says_{'ab'[side.index]}", heading, tuple(says)))
            for sid, key, sentences_ in (
                ("shared", "head.shared", self.shared()),
                ("clash", "head.clash", self.clashes()),
                ("omits", "head.omits", [s for side in self.sides for s in self.omissions(side)]),
                ("tone", "head.tone", self.tone()),
                ("verdict", "head.verdict", self.verdict()),
            ):
                if sentences_:
                    sections.append(Section(sid, self.fill(key), tuple(sentences_)))
        accounts = tuple(
            {
                "id": s.id,
                "party": s.party,
                "language": s.reading.account.language,
                "name": s.acc,
            }
            for s in self.sides
        )
        return Brief(
            lang=self.lang,
            layout="paragraph" if self.layout == "paragraph" else "sections",
            title=title,
            dek=dek,
            sections=tuple(sections),
            accounts=accounts,
            score={"value": self.c.score.value, "band": self.c.score.band},
        )


def brief(comparison: Comparison, lang: str = "en", *, lexicon: Lexicon | None = None) -> Brief:
    """The analyst's note on a comparison, in English (``en``) or Chinese (``zh``)."""
    if lang not in LANGS:
        raise ConfigError(f"unknown brief language {lang!r}; choose from {', '.join(LANGS)}")
    return _Planner(comparison, lang, lexicon or default_lexicon()).plan()


# --------------------------------------------------------------------------- verification


def _covered(quote: Quote, refs: Sequence[Ref]) -> bool:
    """Does every word character of the quote lie inside a ref of its account? (Spaces
    and punctuation between two claims need not.)"""
    spans = [(r.start, r.end) for r in refs if r.account == quote.account]
    for pos, ch in enumerate(quote.text, start=quote.start):
        if ch.isspace() or unicodedata.category(ch).startswith("P"):
            continue
        if not any(a <= pos < b for a, b in spans):
            return False
    return True


def verify_brief(b: Brief, comparison: Comparison) -> list[str]:
    """Every problem with a brief's grounding, as one line each ([] when it is sound).

    Checks that each quotation is the account's text at its offsets and appears in its
    sentence, that no quotation mark in a sentence is left without a quotation, that each
    reference resolves (claims to the comparison's claims at the same offsets, meeting
    facts to the reading's facts, tone words to its tone hits), that a sentence on what
    both report cites only shared claims, one on a clash only conflicts and one on an
    omission only one-sided claims of the other account, that an absence is real, and that
    the score quoted is the comparison's.
    """
    problems: list[str] = []
    readings = {r.account.id: r for r in comparison.readings}
    claims = {c.id: c for r in comparison.readings for c in r.claims}
    for k, s in enumerate(b.sentences()):
        where = f"sentence {k} ({s.plan or s.kind})"
        rest = s.text
        for q in s.quotes:
            r = readings.get(q.account)
            if r is None:
                problems.append(f"{where}: quote from unknown account {q.account!r}")
                continue
            text = r.account.text
            if not 0 <= q.start < q.end <= len(text) or text[q.start : q.end] != q.text:
                problems.append(f"{where}: quote {q.text!r} is not the account's text at {q.start}")
            left, right = _marks(q.text)
            if left + q.text + right not in rest:
                problems.append(f"{where}: quote {q.text!r} does not appear in the sentence")
            else:
                rest = rest.replace(left + q.text + right, "", 1)
            if not _covered(q, s.refs):
                problems.append(f"{where}: quote {q.text!r} rests on no reference")
        if any(m in rest for m in QUOTE_MARKS):
            problems.append(f"{where}: quotation marks without a quotation of an account")
        for ref in s.refs:
            problems += _check_ref(where, ref, readings, claims)
        if not s.refs and s.kind not in ("title", "verdict") and not s.absent_in:
            problems.append(f"{where}: rests on nothing")
        problems += _check_relation(where, s, comparison, claims)
        if s.kind in ("title", "verdict") and s.score != comparison.score.value:
            problems.append(
                f"{where}: score {s.score} is not the comparison's {comparison.score.value}"
            )
    return problems


def _check_ref(
    where: str, ref: Ref, readings: dict[str, Reading], claims: dict[str, Claim]
) -> list[str]:
    r = readings.get(ref.account)
    if r is None:
        return [f"{where}: reference to unknown account {ref.account!r}"]
    text = r.account.text
    if not 0 <= ref.start < ref.end <= len(text):
        return [f"{where}: reference {ref.start}-{ref.end} is outside the account"]
    if ref.text and text[ref.start : ref.end] != ref.text:
        return [f"{where}: reference text {ref.text!r} is not the account's"]
    if ref.what == "claim":
        c = claims.get(ref.claim)
        if c is None or c.account_id != ref.account or (c.start, c.end) != (ref.start, ref.end):
            return [f"{where}: claim {ref.claim!r} does not resolve"]
        return []
    f = r.facts
    span = (ref.start, ref.end)
    if ref.what in _FACT_FIELDS:
        names = _FACT_VALUES.get(ref.what, (ref.what, f"{ref.what}_span"))
        value, fact_span = getattr(f, names[0]), getattr(f, names[1])
        if value != ref.value or tuple(fact_span) != span:
            return [f"{where}: {ref.what} {ref.value!r} is not in the account's meeting facts"]
        return []
    if ref.what == "participant":
        if not any((p.get("start"), p.get("end")) == span for p in f.participants):
            return [f"{where}: participant {ref.value!r} is not in the account's meeting facts"]
        return []
    if ref.what == "speaker":
        if not any((c.speaker.start, c.speaker.end) == span for c in r.claims):
            return [f"{where}: no speaker is named at {ref.start}-{ref.end}"]
        return []
    if ref.what == "tone":
        if not any((h.start, h.end, h.term) == (*span, ref.value) for h in r.tone):
            return [f"{where}: no tone word {ref.value!r} at {ref.start}-{ref.end}"]
        return []
    return [f"{where}: unknown reference kind {ref.what!r}"]


def _check_relation(
    where: str, s: BriefSentence, comparison: Comparison, claims: dict[str, Claim]
) -> list[str]:
    problems = []
    want = {"shared": "shared", "clash": "conflict", "omission": "one-sided"}.get(s.kind)
    if s.plan == "omit.none":
        want = "shared"
    ids = [i for i in s.claims if i in claims]
    for cid in ids:
        label = comparison.relations[cid].label
        if want and label != want and not (s.plan == "omit.none" and label != "one-sided"):
            problems.append(f"{where}: cites {cid} as {s.kind} but it is {label}")
        if s.kind == "omission" and claims[cid].account_id in s.absent_in:
            problems.append(f"{where}: cites {cid} from the account said to lack it")
    for absent in s.absent_in:
        r = next((x for x in comparison.readings if x.account.id == absent), None)
        if r is None:
            problems.append(f"{where}: absent_in names unknown account {absent!r}")
            continue
        for t in s.absent_topics:
            if t in comparison.topics.get(absent, ()):
                problems.append(f"{where}: says {absent} never raises {t!r}, but it does")
        if s.plan.startswith("tone.none") and talk_hits(r):
            problems.append(f"{where}: says {absent} has no words on the talks, but it has")
        if s.plan.startswith("tone.noladder") and any(h.category == "ladder" for h in r.tone):
            problems.append(f"{where}: says {absent} has no word of concern, but it has")
        if s.plan == "meeting.request.one" and r.facts.requested_by:
            problems.append(f"{where}: says {absent} does not say who asked, but it does")
        if s.plan == "meeting.invite.one" and r.facts.invited_by:
            problems.append(f"{where}: says {absent} does not say who invited, but it does")
    return problems


def check_brief(b: Brief, comparison: Comparison) -> None:
    """Raise :class:`~readouts.errors.BriefUnverified` when :func:`verify_brief` finds problems."""
    problems = verify_brief(b, comparison)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise BriefUnverified("the brief does not verify: " + "; ".join(problems[:5]) + more)


# --------------------------------------------------------------------------- rendering


def _joined(sentences: Sequence[BriefSentence], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(s.text for s in sentences)


def _markdown(b: Brief) -> str:
    out = [f"# {b.title.text}", "", f"*{b.dek.text}*", ""]
    for k, section in enumerate(b.sections):
        body = _joined(section.sentences, b.lang)
        if not section.heading:
            out += [body, ""]
        elif b.lang == "zh":
            out += [f"**{heading_zh(k, section.heading)}**", "", body, ""]
        else:
            out += [f"**{section.heading}.** {body}", ""]
    return "\n".join(out)


def _html_sentence(s: BriefSentence) -> str:
    text = s.text
    parts: list[str] = []
    pos = 0
    for q in s.quotes:
        at = text.find(q.text, pos)
        if at < 0:
            continue
        parts.append(html.escape(text[pos:at]))
        parts.append(
            f'<span class="quote" data-account="{html.escape(q.account)}" '
            f'data-start="{q.start}" data-end="{q.end}">{html.escape(q.text)}</span>'
        )
        pos = at + len(q.text)
    parts.append(html.escape(text[pos:]))
    claims = html.escape(" ".join(s.claims))
    return f'<span class="s" data-kind="{s.kind}" data-claims="{claims}">{"".join(parts)}</span>'


def _html(b: Brief) -> str:
    sep = "" if b.lang == "zh" else " "
    out = [
        "<!doctype html>",
        f'<html lang="{b.lang}"><head><meta charset="utf-8">',
        f"<title>{html.escape(b.title.text)}</title>",
        "<style>body{font:17px/1.55 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}"
        ".dek{font-style:italic;color:#444}.quote{background:#f4f1e8}"
        'h2{font-size:1em;margin:1.4em 0 .3em}</style></head><body><article class="brief">',
        f"<h1>{_html_sentence(b.title)}</h1>",
        f'<p class="dek">{_html_sentence(b.dek)}</p>',
    ]
    for k, section in enumerate(b.sections):
        body = sep.join(_html_sentence(s) for s in section.sentences)
        if section.heading:
            heading = heading_zh(k, section.heading) if b.lang == "zh" else section.heading
            out.append(
                f'<section id="{section.id}"><h2>{html.escape(heading)}</h2><p>{body}</p></section>'
            )
        else:
            out.append(f'<section id="{section.id}"><p>{body}</p></section>')
    out.append("</article></body></html>")
    return "\n".join(out) + "\n"


def render_brief(b: Brief, fmt: str = "markdown") -> str:
    """The brief as ``markdown``, a self-contained ``html`` page, or ``json``."""
    if fmt == "markdown":
        return _markdown(b)
    if fmt == "html":
        return _html(b)
    if fmt == "json":
        return json.dumps(b.to_dict(), ensure_ascii=False, indent=2) + "\n"
    raise ConfigError(f"unknown brief format {fmt!r}; choose from {', '.join(BRIEF_FORMATS)}")
