"""How a Chinese opening names its issuer (see :mod:`readouts.issuers`): the date words
that may stand before the issuer's name, an office the lexicon does not list named with
its country (斐济外交部), and the words that make a person in the opening sentence the
other side's principal (:func:`readouts.reading.infer_party`)."""

from __future__ import annotations

import re

__all__ = ["SLACK", "country_office", "lead", "names_counterpart"]

#: What may stand before the issuer's name at the opening: a date, a time zone, a comma.
_LEAD = re.compile(r"(?:\d{4}年|\d{1,2}月|\d{1,2}日|当地时间|北京时间|[，,：:\s]|据)*")
#: No article in Chinese: the name begins right after the lead (斐济外交部 is Fiji's).
SLACK = 0

#: An office named right after its country: "斐济外交部".
_OFFICE = re.compile(r"外交部|国防部|外交与[^，。]{0,8}部|总统府|总理府|政府|驻华使馆|大使馆")


def lead(head: str) -> int:
    """Where the issuer's name may begin in ``head``, once the lead is skipped."""
    found = _LEAD.match(head)
    return found.end() if found else 0


def country_office(view: str, start: int, country_start: int, country_end: int) -> bool:
    """Does the opening ``view[start:]`` name an office by the country at
    ``view[country_start:country_end]``?"""
    if country_start != start:
        return False
    return _OFFICE.match(view, country_end) is not None  # "斐济外交部"


def names_counterpart(sentence: str, start: int) -> bool:
    """Do the words just before the person at ``sentence[start:]`` make them the other
    side's principal (同X, 与X, 会见X)?"""
    near = sentence[max(0, start - 30) : start]
    return "同" in near or "与" in near or "会见" in near
