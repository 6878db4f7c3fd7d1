"""Chinese, as the stages see it: the :class:`~readouts.lang.base.Language` operations
implemented by the modules of this package, all on the simplified view of the text
(same offsets as the text)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .. import Piece, simplified
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

__all__ = ["Chinese"]


_ROLES = roles.ChineseRoles()


class Chinese:
    """Chinese text, simplified or traditional (see :class:`~readouts.lang.base.Language`)."""

    code = "zh"
    intensity_reach = drift.INTENSITY_REACH
    sentence_gap = writing.SENTENCE_GAP
    opening_slack = opening.SLACK
    spaced = False

    def view(self, text: str, view: str | None = None) -> str:
        return view if view is not None else simplified(text)

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
        spans = {m.start: m.end for m in mentions}

        def cut_sentence(start: int, end: int) -> Sequence[Piece]:
            return cut.cut(view, start, end, spans, issues)

        return cut_sentence

    def attributor(
        self, account: Account, lexicon: Lexicon, view: str, mentions: Sequence[Match]
    ) -> attribution.ChineseAttributor:
        return attribution.ChineseAttributor(account, lexicon, view, mentions)

    def roles(self) -> roles.ChineseRoles:
        return _ROLES

    def numbers(
        self, text: str, masks: Sequence[tuple[int, int]], words: Segmenter | None
    ) -> list[NumberMention]:
        return numbers.numbers(text, masks, words)

    def months(self, text: str) -> set[str]:
        return set()  # months are written in digits ("3月"), which every view reads

    def negations(self, text: str, words: Segmenter | None) -> list[Negation]:
        return negation.negations(text, words)

    def is_negated(self, text: str) -> bool:
        return negation.is_negated(text)

    def lowered(self, view: str) -> str:
        return view

    def modal_request(self, view: str, start: int, end: int) -> bool:
        return claimview.modal_request(view, start, end)

    def strip_frame(self, body: str) -> tuple[str, str]:
        return claimview.strip_frame(body)

    def demand_after(self, after: str) -> bool:
        return claimview.demand_after(after)

    def describes_talks(self, view: str, start: int, end: int) -> bool:
        return tone.TALK_WORDS.describe(view, start, end)

    def segmenter(self, lexicon: Lexicon) -> Segmenter | None:
        from ..words_zh import segmenter

        return segmenter(lexicon)

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
        return None  # no dateline signed by an agency

    def clause_break(self, text: str, start: int, end: int) -> bool:
        return events.clause_break(text, start, end)

    def near(self, text: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
        return events.near(text, a, b, limit_en, limit_zh)

    def names_counterpart(self, sentence: str, start: int) -> bool:
        return opening.names_counterpart(sentence, start)
