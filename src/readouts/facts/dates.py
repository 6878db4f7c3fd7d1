"""Dates: every date expression in a text, and the date of the meeting.

Absolute dates ("27 September 2021", "Sept. 27", "September 16-17", 2021年9月27日,
3月18日晚) and relative ones ("today", "yesterday", "on Monday", "the next day", 今天,
昨天) are resolved against ``account.date`` when the account has one. A date without a
year takes the account's year (the year before when that would put it more than two
months after the account); with no account date it stays partial (``--03-18``, ISO
8601's form for a day without a year). Each language reads its own dates
(:mod:`readouts.lang.en.dates`, :mod:`readouts.lang.zh.dates`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import language_for
from ..lang.dates import DateMention, parse_iso
from ..lang.en.dates import EN_DATE, MONTH, WD
from ..model import Sentence
from ._base import ReaderBase

__all__ = ["EN_DATE", "MONTH", "WD", "DateMention", "find_dates", "meeting_date"]


def find_dates(text: str, language: str, anchor: str = "") -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``anchor`` (ISO)."""
    found = language_for(language).dates(text, parse_iso(anchor))
    found.sort(key=lambda f: f.start)
    return found


def meeting_date(
    reader: ReaderBase, sents: Sequence[Sentence], s: Sentence | None
) -> DateMention | None:
    """The date of the meeting: in the meeting sentence, else in the first paragraph."""
    account = reader.account
    dates = find_dates(reader.text, account.language, account.date)
    if not dates:
        return None
    if s is not None:
        inside = [d for d in dates if s.start <= d.start < s.end]
        inside = reader.before_purpose(s, inside)
        if inside:
            return next((d for d in inside if d.iso), inside[0])
    window = sents[: (s.index + 1) if s is not None else 2]
    head = [d for d in dates for t in window if t.start <= d.start < t.end]
    if not head and s is not None and s.index + 1 < len(sents):
        head = reader.next_opening_day(sents[s.index + 1], dates)
    return next((d for d in head if d.iso), head[0]) if head else None
