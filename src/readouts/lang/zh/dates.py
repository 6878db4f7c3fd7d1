"""Chinese dates: 2021年9月27日, 3月18日晚, 16日至17日, 今天, 次日 (see
:mod:`readouts.facts.dates`)."""

from __future__ import annotations

import re
from datetime import date

from ..dates import DateMention
from ..dates import day as _day
from ..dates import relative as _relative

__all__ = ["dates"]

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


def dates(text: str, base: date | None) -> list[DateMention]:
    """The date expressions of ``text`` resolved against ``base``, in the order found:
    absolute ones first (a day without a month takes the last month named), then the
    relative ones."""
    found: list[DateMention] = []
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
    return found
