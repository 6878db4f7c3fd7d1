"""English sentences: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quote)
before a capital, a digit or the end, unless the word before the period is an
abbreviation ("U.S.", "Sept.", "Gen.", "Mr.") or an initial ("Joseph R. Biden")."""

from __future__ import annotations

import re

from . import ABBREVIATIONS, SENTENCE_STARTERS

__all__ = ["split"]

_EN_END = re.compile(r"(?:\.\.\.|…|[.!?])[\"”’'\)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_CHAR = re.compile(r"\s*(.)")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or an initial?"""
    m = _WORD_BEFORE.search(text[max(0, dot - 20) : dot + 1])
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Joseph R. Biden"
    if low in ABBREVIATIONS:
        if low in ("u.s", "u.k", "u.n", "e.u", "p.r.c", "d.c", "a.m", "p.m", "etc"):
            follower = re.match(r"\s+[\"“]?([A-Za-z]+)", text[dot + 1 : dot + 40])
            return not (
                follower
                and follower.group(1).lower() in SENTENCE_STARTERS
                and follower.group(1)[0].isupper()
            )
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # "e.g", "U.S.A"


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _EN_END.finditer(text, start, end):
        stop = m.end()
        nxt = _NEXT_CHAR.match(text, stop, end)  # no slice: a paragraph may be megabytes
        if nxt:
            ch = nxt.group(1)
            if not (ch.isupper() or ch.isdigit() or ch in "\"“‘'(" or "\u4e00" <= ch <= "\u9fff"):
                continue
        if text[m.start()] == "." and m.group(0)[:3] != "..." and _is_abbreviation(text, m.start()):
            continue
        out.append((s, stop))
        s = stop
    out.append((s, end))
    return out
