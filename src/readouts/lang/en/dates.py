"""English dates: "27 September 2021", "Sept. 27", "September 16-17", "today", "on
Monday", "the next day" (see :mod:`readouts.facts.dates`)."""

from __future__ import annotations

import re
from datetime import date

from ..dates import DateMention
from ..dates import day as _day
from ..dates import relative as _relative
from . import MONTHS

__all__ = ["EN_DATE", "MONTH", "WD", "dates"]

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


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def dates(text: str, base: date | None) -> list[DateMention]:
    """The date expressions of ``text`` resolved against ``base``, in the order found:
    absolute ones first, then the relative ones outside them."""
    found: list[DateMention] = []
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
    return found
