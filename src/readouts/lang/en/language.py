"""English, as the stages see it: the :class:`~readouts.lang.base.Language` operations
implemented by the modules of this package."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .. import Piece
from ..base import Negation, NumberMention
from . import (
    attribution,
    claimview,
    cut,
    dates,
    drift,
    events,
    negation,
    numbers,
    opening,
    roles,
    sentences,
    tone,
    writing,
)

if TYPE_CHECKING:
    from datetime import date

    from ...lexicon import Lexicon, Match
    from ...model import Account
    from ..dates import DateMention
    from ..words_zh import Segmenter

__all__ = ["English"]


_ROLES = roles.EnglishRoles()


class English:
    """English text: read as it is written (see :class:`~readouts.lang.base.Language`)."""

    code = "en"
    intensity_reach = drift.INTENSITY_REACH
    sentence_gap = writing.SENTENCE_GAP
    opening_slack = opening.SLACK
    spaced = True

    def view(self, text: str, view: str | None = None) -> str:
        return text

    def split_sentences(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        return sentences.split(text, start, end)

    def cutter(
        self,
        text: str,
        view: str,
        mentions: Sequence[Match],
        persons: Sequence[Match],
        issues: Sequence[tuple[int, int, str]],
    ) -> Callable[[int, int], Sequence[Piece]]:
        def cut_sentence(start: int, end: int) -> Sequence[Piece]:
            return cut.cut(
                text,
                start,
                end,
                _near(mentions, start, end),
                _near(persons, start, end),
                _near_issues(issues, start, end),
            )

        return cut_sentence

    def attributor(
        self, account: Account, lexicon: Lexicon, view: str, mentions: Sequence[Match]
    ) -> attribution.EnglishAttributor:
        return attribution.EnglishAttributor(account, lexicon, view, mentions)

    def roles(self) -> roles.EnglishRoles:
        return _ROLES

    def numbers(
        self, text: str, masks: Sequence[tuple[int, int]], words: Segmenter | None
    ) -> list[NumberMention]:
        return numbers.numbers(text, masks)

    def months(self, text: str) -> set[str]:
        return claimview.months(text)

    def negations(self, text: str, words: Segmenter | None) -> list[Negation]:
        return negation.negations(text)

    def is_negated(self, text: str) -> bool:
        return negation.is_negated(text)

    def lowered(self, view: str) -> str:
        return view.lower()

    def modal_request(self, view: str, start: int, end: int) -> bool:
        return claimview.modal_request(view, start, end)

    def strip_frame(self, body: str) -> tuple[str, str]:
        return claimview.strip_frame(body)

    def demand_after(self, after: str) -> bool:
        return claimview.demand_after(after)

    def describes_talks(self, view: str, start: int, end: int) -> bool:
        return tone.TALK_WORDS.describe(view, start, end)

    def segmenter(self, lexicon: Lexicon) -> Segmenter | None:
        return None  # words are spaced

    def not_parties(self, view: str) -> list[tuple[int, int]]:
        return drift.not_parties(view)

    def stands_in(self, text: str) -> bool:
        return drift.stands_in(text)

    def dates(self, text: str, anchor: date | None) -> list[DateMention]:
        return dates.dates(text, anchor)

    def count_words(self, text: str) -> tuple[int, float]:
        return writing.count_words(text)

    def index_text(self, text: str) -> str:
        return writing.index_text(text)

    def opening_lead(self, head: str) -> int:
        return opening.lead(head)

    def country_office(self, view: str, start: int, country_start: int, country_end: int) -> bool:
        return opening.country_office(view, start, country_start, country_end)

    def dateline_agency(self, text: str) -> str | None:
        return opening.dateline_agency(text)

    def clause_break(self, text: str, start: int, end: int) -> bool:
        return events.clause_break(text, start, end)

    def near(self, text: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
        return events.near(text, a, b, limit_en, limit_zh)

    def names_counterpart(self, sentence: str, start: int) -> bool:
        return opening.names_counterpart(sentence, start)


def _near_issues(
    issues: Sequence[tuple[int, int, str]], start: int, end: int
) -> list[tuple[int, int, str]]:
    """The issues found inside ``[start, end)`` (issues are in text order)."""
    k = bisect_left(issues, start, key=lambda x: x[0])
    out = []
    while k < len(issues) and issues[k][0] < end:
        out.append(issues[k])
        k += 1
    return out


def _near(mentions: Sequence[Match], start: int, end: int) -> list[Match]:
    """The mentions that overlap ``[start, end)`` (mentions are in text order)."""
    k = bisect_left(mentions, start, key=lambda m: m.end)
    out = []
    while k < len(mentions) and mentions[k].start < end:
        out.append(mentions[k])
        k += 1
    return out
