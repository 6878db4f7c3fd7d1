"""Dates, as both languages' readers give them: a date expression found in a text and
how a day is resolved against the account's date (see :mod:`readouts.facts.dates`;
the patterns are :mod:`readouts.lang.en.dates` and :mod:`readouts.lang.zh.dates`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "day", "parse_iso", "relative"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, resolved as far as the text allows."""

    text: str
    start: int
    end: int
    iso: str  # "2021-09-27", "--09-27" (no year), "" (not resolvable)
    iso_end: str = ""  # end of a range, "" when one day
    relative: bool = False


def parse_iso(value: str) -> date | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day(year: int | None, month: int, day: int, anchor: date | None) -> str:
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


def relative(
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
        prior = [f for f in before if f.start < m.start() and parse_iso(f.iso)]
        if prior:
            day = parse_iso(prior[-1].iso)
            assert day is not None
            step = 1 if groups.get("next") else -1
            iso = (day + timedelta(days=step)).isoformat()
    return DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, relative=True)
