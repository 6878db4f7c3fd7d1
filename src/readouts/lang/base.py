"""What a language gives the stages: one interface, implemented once per language.

The stages (segment, claims, tag, claimview, roles, quantities, negation, coding,
versions, tone, signals, labels, the corpus index, the facts' dates, issuers, the
reading's party and the event cues of plover) ask
:func:`readouts.lang.language_for` for the :class:`Language` of an account and call it,
instead of branching on the language code. English lives in :mod:`readouts.lang.en`,
Chinese in :mod:`readouts.lang.zh`; a third language is a new folder that implements
the same operations and one line in the registry.

The values the operations return (:class:`NumberMention`, :class:`Negation`) are defined
here, below the stages that re-export them, with the few helpers both languages' number
readers share and the reading of the words around an atmosphere word
(:class:`TalkWords`), which each language fills with its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from datetime import date

    from ..lexicon import Lexicon, Match
    from ..model import Account
    from . import Piece
    from .attribution import Attributor
    from .dates import DateMention
    from .roles import Roles
    from .words_zh import Segmenter

__all__ = ["Language", "Negation", "NumberMention", "TalkWords"]


@runtime_checkable
class Language(Protocol):
    """The operations a language implements for the stages (see the module docstring)."""

    #: The language's code, as accounts carry it ("en", "zh").
    code: str
    #: How far, in characters, an intensity word may stand before the word it modifies.
    intensity_reach: int
    #: What stands between two sentences of one paragraph (" " in English, "" in Chinese).
    sentence_gap: str
    #: How far past the lead of an opening an issuer's name may begin (an article's room).
    opening_slack: int
    #: Do spaces mark the words? (Event cues then match whole words, else characters.)
    spaced: bool

    def view(self, text: str, view: str | None = None) -> str:
        """The text the lexicons read (Chinese in its simplified form; ``view`` when the
        caller has it already); offsets are shared with ``text``."""
        ...

    def split_sentences(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of the line ``text[start:end]``, as untrimmed spans."""
        ...

    def cutter(
        self,
        text: str,
        view: str,
        mentions: Sequence[Match],
        persons: Sequence[Match],
        issues: Sequence[tuple[int, int, str]],
    ) -> Callable[[int, int], Sequence[Piece]]:
        """A function that cuts a sentence ``[start, end)`` of this text into its
        propositions. ``mentions`` are the actor mentions in text order, ``persons`` those
        that name people, ``issues`` the (start, end, topic) of the specific topics."""
        ...

    def attributor(
        self, account: Account, lexicon: Lexicon, view: str, mentions: Sequence[Match]
    ) -> Attributor:
        """What says who made each claim of an account, read from the top."""
        ...

    def roles(self) -> Roles:
        """The rules for the source, target and place of an event (:mod:`readouts.roles`)."""
        ...

    def numbers(
        self, text: str, masks: Sequence[tuple[int, int]], words: Segmenter | None
    ) -> list[NumberMention]:
        """The numbers in a text, in order (see :mod:`readouts.quantities`)."""
        ...

    def months(self, text: str) -> set[str]:
        """The months a text names in words, as numbers ("March" -> "3")."""
        ...

    def negations(self, text: str, words: Segmenter | None) -> list[Negation]:
        """The negations of a text, in order (see :mod:`readouts.negation`)."""
        ...

    def is_negated(self, text: str) -> bool:
        """Does the text carry a negation of its own (not inside a fixed phrase)?"""
        ...

    def lowered(self, view: str) -> str:
        """The view with its case folded, where the script has case (as the act cues'
        exceptions and the drift checks' ambiguous names read it)."""
        ...

    def modal_request(self, view: str, start: int, end: int) -> bool:
        """Does ``view[start:end]`` make a request with a modal alone ("双方应…")?"""
        ...

    def strip_frame(self, body: str) -> tuple[str, str]:
        """A claim's body made plain, and the same without its reporting frame."""
        ...

    def demand_after(self, after: str) -> bool:
        """Does the text right after a party's mention make a demand of it ("should")?"""
        ...

    def describes_talks(self, view: str, start: int, end: int) -> bool:
        """Does the atmosphere word ``view[start:end]`` characterise the talks, as the
        words around it say ("the meeting was constructive", not "a constructive role")?"""
        ...

    def segmenter(self, lexicon: Lexicon) -> Segmenter | None:
        """What cuts the language's text into words, for a language written without
        spaces between them (None when spaces mark the words)."""
        ...

    def not_parties(self, view: str) -> list[tuple[int, int]]:
        """The place and currency phrases whose country names name no party ("South
        China Sea", "US dollars", 朝鲜半岛), as spans."""
        ...

    def stands_in(self, text: str) -> bool:
        """Does the text name someone without a name: a pronoun, a title, "both sides",
        a word for the pair ("bilateral")?"""
        ...

    def dates(self, text: str, anchor: date | None) -> list[DateMention]:
        """The date expressions of a text, resolved against ``anchor`` (the account's
        date), as found: absolute ones, then relative ones (see :mod:`readouts.facts.dates`)."""
        ...

    def count_words(self, text: str) -> tuple[int, float]:
        """The words of a text (in Chinese its characters and any Latin words), and the
        same in English-word units, to compare lengths across languages."""
        ...

    def index_text(self, text: str) -> str:
        """The text the full-text index sees (Chinese simplified, one token a character)."""
        ...

    def opening_lead(self, head: str) -> int:
        """Where an issuer's name may begin at the opening of a title or first sentence,
        once a date, a dateline or a label is skipped (see :mod:`readouts.issuers`)."""
        ...

    def country_office(self, view: str, start: int, country_start: int, country_end: int) -> bool:
        """Does the opening ``view[start:]`` name an office the lexicon does not list by
        the country at ``view[country_start:country_end]`` ("Ministry of Foreign Affairs
        of Fiji", "Fiji's Ministry ...", 斐济外交部)?"""
        ...

    def dateline_agency(self, text: str) -> str | None:
        """The news agency signing a dateline at the start of the text ("ABU DHABI, ...
        (WAM) --" gives "WAM"); None when there is none."""
        ...

    def clause_break(self, text: str, start: int, end: int) -> bool:
        """Does a clause end between ``start`` and ``end`` (punctuation; in English not a
        comma in a number such as "1,000")? Event cues' gaps stay inside a clause."""
        ...

    def near(self, text: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
        """Is ``b`` close after ``a`` within one clause: at most ``limit_en`` words apart
        in English, ``limit_zh`` characters in Chinese (see :func:`readouts.plover.near`)?"""
        ...

    def names_counterpart(self, sentence: str, start: int) -> bool:
        """Do the words before the person named at ``sentence[start:]`` make them the
        other side's principal ("with", "met", "between … and", 同, 会见), not the
        issuer's own (see :func:`readouts.reading.infer_party`)?"""
        ...


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: its value (``"291000000000"``, ``"50%"``, ``"date:3-14"``),
    where it is, and whether it is checked (``strong``) or only matches."""

    value: str
    start: int
    end: int
    strong: bool


def fmt(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.6g}"


def blank(m: re.Match[str]) -> str:
    return "＿" * len(m.group(0))


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = "＿" * (e - s)
    return "".join(chars)


DIGITS = re.compile(r"(?<![A-Za-z0-9\-.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])")


# --------------------------------------------------------------------------- negation


@dataclass(frozen=True)
class Negation:
    """A negator and the predicate it negates (the word after it, "" when none)."""

    start: int  # the negator
    end: int
    predicate: str
    predicate_end: int  # where the predicate ends (the span start..predicate_end marks both)
    strong: bool

    @property
    def span(self) -> tuple[int, int]:
        return self.start, max(self.end, self.predicate_end)


CLAUSE_END = re.compile(r"[,;:.!?，；：。！？]")


# --------------------------------------------------------------------------- talks


@dataclass(frozen=True)
class TalkWords:
    """The words around an atmosphere word that say whether it characterises the talks
    (:func:`readouts.tone.describes_talks`); each language gives its own."""

    #: Words that name the talks (and the verbs of talking).
    talks: re.Pattern[str]
    #: Nouns that, right after the word, show it qualifies something other than the talks.
    other: re.Pattern[str]
    #: Before the word in its clause: a demand, a wish or an offer, about talks to come.
    modal: re.Pattern[str]
    #: What ends the clause a word is read in.
    clause: re.Pattern[str]

    def describe(self, text: str, start: int, end: int) -> bool:
        """Does the word ``text[start:end]`` characterise the talks: nothing else it
        qualifies right after it, no modal before it in its clause, and the talks named
        in that clause?"""
        if self.other.match(text, end):
            return False
        lo, hi = self._clause(text, start, end)
        if self.modal.search(text, lo, start):
            return False
        return self.talks.search(text, lo, hi) is not None

    def _clause(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The clause of ``text`` that holds ``text[start:end]``."""
        mark = self.clause
        lo = 0
        for m in mark.finditer(text, max(0, start - 200), start):
            lo = m.end()
        after = mark.search(text, end, end + 200)
        return lo, (after.start() if after else min(len(text), end + 200))
