"""Wording helpers shared by the planner and the verifier, in English or Chinese.

Capitals, possessives, lists, counts in words, dates, quotation marks and the trimming of
a quoted span; the Chinese forms come from :mod:`readouts.briefing.zh`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..wording import cap, possessive
from .zh import LEADING_WORDS, date_zh, join_zh, number_zh, ymd

__all__ = [
    "cap",
    "join_list",
    "marks_for",
    "possessive",
    "spell_date",
    "spell_number",
    "trim_quote",
]

_EN_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_EN_LEADING = ("and ", "but ", "while ", "however, ", "or ", "as well as ")
_TRAIL = " \t\n\u00a0,.;:，。；：、!?！？"
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def join_list(items: Sequence[str], lang: str, conj: str = "and") -> str:
    items = [i for i in items if i]
    if lang == "zh":
        return join_zh(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def spell_number(n: int, lang: str, *others: int) -> str:
    """A count in words up to ten (digits when it, or a count beside it, is larger)."""
    if lang == "zh":
        return number_zh(n)
    if any(not 0 <= m < len(_EN_NUMBERS) for m in (n, *others)):
        return str(n)
    return _EN_NUMBERS[n]


def spell_date(iso: str, lang: str, until: str = "") -> str:
    """``2021-09-27`` as 27 September 2021 (2021年9月27日); ``--03-18`` as 18 March; with
    ``until`` in the same month, a range (16–17 September)."""
    if lang == "zh":
        return date_zh(iso, until)
    year, month, day = ymd(iso)
    if not (month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
        return iso
    days = str(int(day))
    _, month_end, day_end = ymd(until) if until else ("", "", "")
    if month_end == month and day_end.isdigit() and day_end != day:
        days += f"–{int(day_end)}"
    out = f"{days} {_MONTHS[int(month) - 1]}"
    return f"{out} {year}" if year else out


def marks_for(text: str) -> tuple[str, str]:
    return ("「", "」") if any(m in text for m in "“”「」") else ("“", "”")


def trim_quote(text: str, start: int, end: int, language: str) -> tuple[int, int]:
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
