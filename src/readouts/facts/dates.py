"""Dates: every date expression in a text, and the date of the meeting.

Absolute dates ("27 September 2021", "Sept. 27", "September 16-17", 2021年9月27日,
3月18日晚) and relative ones ("today", "yesterday", "on Monday", "the next day", 今天,
昨天) are resolved against ``account.date`` when the account has one. A date without a
year takes the account's year (the year before when that would put it more than two
months after the account); with no account date it stays partial (``--03-18``, ISO
8601's form for a day without a year).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..lang import en
from ..model import Sentence
from ._base import ReaderBase

__all__ = ["EN_DATE", "MONTH", "WD", "DateMention", "find_dates", "meeting_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DASH = r"\s*(?:-|–|—|to|through|and)\s*"
EN_DATE = re.compile(
    # "Monday, September 27, 2021", "Sept. 27", "September 16-17", "November 30 to December 2"
    rf"(?:(?:on\s+)?{WD},?\s+)?(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:{_DASH}(?:(?P<m2>{MONTH})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    # "27 September 2021", "16-17 September"
    rf"|(?:(?:on\s+)?{WD},?\s+)?(?P<D>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:{_DASH}(?P<D2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<M>{MONTH})"
    r"(?:,?\s+(?P<Y>(?:19|20)\d\d)\b)?"
)
_EN_RELATIVE = re.compile(
    r"\b(?P<today>(?:earlier|later)\s+today|today|this\s+(?:morning|afternoon|evening)|tonight)\b"
    r"|\b(?P<yesterday>yesterday|last\s+night)\b"
    r"|\b(?P<next>the\s+(?:next|following)\s+day)\b"
    r"|\b(?P<before>the\s+(?:previous\s+day|day\s+before))\b"
    rf"|\b(?:on|last|this\s+past)\s+(?P<wd>{WD})\b(?!,?\s+(?:{MONTH}\s+)?\d)"
    r"|\b(?P<week>(?:this|last|earlier\s+this)\s+week|during\s+the\s+week\s+of\s+\w+\.?\s+\d+)\b",
    re.I,
)
_ZH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ZH_DATE = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})[日号]"
    r"(?:\s*[-—至到]\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号])?"
    r"(?:(?:晚间|晚上|上午|下午|中午|早上|凌晨|晚)(?!会))?"
)
_ZH_NOT_DAY = frozenset("近第数每前后多几")
_ZH_RELATIVE = re.compile(
    r"(?P<today>今天|今日|当天|当日|今晨|今晚)|(?P<yesterday>昨天|昨日|昨晚)"
    r"|(?P<before2>前天)|(?P<next>次日|第二天|翌日)"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, resolved as far as the text allows."""

    text: str
    start: int
    end: int
    iso: str  # "2021-09-27", "--09-27" (no year), "" (not resolvable)
    iso_end: str = ""  # end of a range, "" when one day
    relative: bool = False


def _parse_iso(value: str) -> date | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _day(year: int | None, month: int, day: int, anchor: date | None) -> str:
    """ISO day; a missing year comes from the anchor (the account's date)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    if year is None and anchor is not None:
        year = anchor.year
        try:
            if date(year, month, day) - anchor > timedelta(days=62):
                year -= 1  # "December 29" in an account of 3 January
        except ValueError:
            return ""
    if year is None:
        return f"--{month:02d}-{day:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _month(name: str) -> int:
    return en.MONTHS[name.lower().rstrip(".")]


def find_dates(text: str, language: str, anchor: str = "") -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``anchor`` (ISO)."""
    base = _parse_iso(anchor)
    found: list[DateMention] = []
    if language == "zh":
        digits = text.translate(_ZH_DIGITS)
        last_month = base.month if base else None
        for m in _ZH_DATE.finditer(digits):
            month = int(m.group("m")) if m.group("m") else last_month
            if month is None:
                continue
            if m.group("m") is None and digits[max(0, m.start() - 1) : m.start()] in _ZH_NOT_DAY:
                continue  # "近5日", "第3日": a count of days, not a date
            year = int(m.group("y")) if m.group("y") else None
            iso = _day(year, month, int(m.group("d")), base)
            end = ""
            if m.group("d2"):
                m2 = int(m.group("m2")) if m.group("m2") else month
                end = _day(year, m2, int(m.group("d2")), base)
            last_month = month
            found.append(DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, end))
        for m in _ZH_RELATIVE.finditer(text):
            found.append(_relative(m, text, base, found))
    else:
        for m in EN_DATE.finditer(text):
            if m.group("m"):
                month, day_ = _month(m.group("m")), int(m.group("d"))
                year = int(m.group("y")) if m.group("y") else None
                m2 = _month(m.group("m2")) if m.group("m2") else month
                d2 = m.group("d2")
            else:
                month, day_ = _month(m.group("M")), int(m.group("D"))
                year = int(m.group("Y")) if m.group("Y") else None
                m2, d2 = month, m.group("D2")
            iso = _day(year, month, day_, base)
            end = _day(year, m2, int(d2), base) if d2 else ""
            if not iso:
                continue
            found.append(DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, end))
        for m in _EN_RELATIVE.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            found.append(_relative(m, text, base, found))
    found.sort(key=lambda f: f.start)
    return found


def _relative(
    m: re.Match[str], text: str, base: date | None, before: Sequence[DateMention]
) -> DateMention:
    groups = m.groupdict()
    iso = ""
    if base is not None:
        if groups.get("today"):
            iso = base.isoformat()
        elif groups.get("yesterday"):
            iso = (base - timedelta(days=1)).isoformat()
        elif groups.get("before2"):
            iso = (base - timedelta(days=2)).isoformat()
        elif groups.get("wd"):
            back = (base.weekday() - _WEEKDAYS.index(groups["wd"].lower())) % 7
            iso = (base - timedelta(days=back)).isoformat()
    if groups.get("next") or groups.get("before"):
        prior = [f for f in before if f.start < m.start() and _parse_iso(f.iso)]
        if prior:
            day = _parse_iso(prior[-1].iso)
            assert day is not None
            step = 1 if groups.get("next") else -1
            iso = (day + timedelta(days=step)).isoformat()
    return DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, relative=True)


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
        if not reader.zh:
            purpose = re.search(
                r"\s+to\s+(?!the\b)[a-z]+|,\s+(?:which|when|where|after|before|"
                r"ahead)\b|\s+(?:ahead\s+of|in\s+advance\s+of|before|after)\s",
                reader.text[s.start : s.end],
            )
            if purpose:
                early = [d for d in inside if d.start < s.start + purpose.start()]
                inside = early or []
        if inside:
            return next((d for d in inside if d.iso), inside[0])
    window = sents[: (s.index + 1) if s is not None else 2]
    head = [d for d in dates for t in window if t.start <= d.start < t.end]
    if not head and s is not None and s.index + 1 < len(sents) and not reader.zh:
        # "The Task Force met to discuss ... / Today, the Advisor convened the meeting":
        # the day the next sentence opens with
        nxt = sents[s.index + 1]
        head = [
            d
            for d in dates
            if not reader.text[nxt.start : d.start].strip()
            and re.match(
                r"(?:today|yesterday|this\s+(?:morning|afternoon|evening)|on\s)", d.text, re.I
            )
        ]
    return next((d for d in head if d.iso), head[0]) if head else None
