"""Where an English clause ends, and what is near, for the event cues (see
:mod:`readouts.plover`): a gap stays inside the clause; quotation marks and a comma
inside a number do not end it."""

from __future__ import annotations

import re

from ..events import words_between

__all__ = ["clause_break", "near"]

_CLAUSE = re.compile(r"[;:!?()\[\]]|,(?!\d)")


def clause_break(text: str, start: int, end: int) -> bool:
    """Does a clause end between ``start`` and ``end``? (Punctuation, not a comma in a
    number such as "1,000" nor a quotation mark.)"""
    m = _CLAUSE.search(text, start)  # no end bound: "(?!\d)" looks past it
    return m is not None and m.start() < end


def near(text: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
    """Is ``b`` close after ``a`` within one clause (at most ``limit_en`` words apart)?"""
    if b < a or clause_break(text, a, b):
        return False
    return words_between(text, a, b) <= limit_en
