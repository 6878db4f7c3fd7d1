"""Where a Chinese clause ends, and what is near, for the event cues (see
:mod:`readouts.plover`)."""

from __future__ import annotations

import re

__all__ = ["clause_break", "near"]

_CLAUSE = re.compile(r"[，。；：！？、,;:!?()（）]")


def clause_break(text: str, start: int, end: int) -> bool:
    """Does a clause end between ``start`` and ``end``?"""
    m = _CLAUSE.search(text, start)
    return m is not None and m.start() < end


def near(text: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
    """Is ``b`` close after ``a`` within one clause (at most ``limit_zh`` characters)?"""
    if b < a or clause_break(text, a, b):
        return False
    return b - a <= limit_zh
