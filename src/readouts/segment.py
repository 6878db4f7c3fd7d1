"""Segment: split an account's text into paragraphs and sentences (character spans).

English: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quote) before a
capital, a digit or the end, unless the word before the period is an abbreviation
("U.S.", "Sept.", "Gen.", "Mr.") or an initial ("Joseph R. Biden"). Chinese: a
sentence ends at 。！？ with any closing quote; ； is handled by the claims stage.
A blank line always ends a paragraph; a single line break ends a sentence only
after terminal punctuation or on a short heading-like line.
"""

from __future__ import annotations

import re

from .lang import en, zh
from .model import Account, Sentence

__all__ = ["paragraph_spans", "sentences"]

_BLANK = re.compile(r"\n[ \t\u3000\u00a0]*\n\s*")
_EN_END = re.compile(r"(?:\.\.\.|…|[.!?])[\"”’'\)\]]*(?=\s|$)")
_ZH_END = re.compile(
    r"(?:……|…|[" + re.escape(zh.SENTENCE_END) + r"]+)[" + re.escape(zh.CLOSERS) + r"]*"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_CHAR = re.compile(r"\s*(.)")
_NEWLINE = re.compile(r"\n")
_NONSPACE = re.compile(r"\S")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed."""
    spans = []
    pos = 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        s, e = _trim(text, s, e)
        if s < e:
            out.append((s, e))
    return out


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph at single line breaks that end a sentence or a heading.

    The text since the last split is measured by its first and last non-space
    characters, never copied: a paragraph of many wrapped lines stays linear."""
    out = []
    s = start
    first = -1  # first non-space character since s (-1: not found yet)
    for m in _NEWLINE.finditer(text, start, end):
        nl = m.start()
        if first < 0:
            first = _first_nonspace(text, s, nl)
            if first < 0:
                s = nl + 1
                continue
        last = nl
        while last > first and text[last - 1].isspace():
            last -= 1
        ends = text[last - 1] in '.!?。！？:：;；"”’)）' or last - first < 60
        if ends:
            out.append((s, nl))
            s, first = nl + 1, -1
    out.append((s, end))
    return [(a, b) for a, b in out if _first_nonspace(text, a, b) >= 0]


def _first_nonspace(text: str, start: int, end: int) -> int:
    """Index of the first non-space character in ``text[start:end]``, or -1."""
    m = _NONSPACE.search(text, start, end)
    return m.start() if m else -1


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or an initial?"""
    m = _WORD_BEFORE.search(text[max(0, dot - 20) : dot + 1])
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Joseph R. Biden"
    if low in en.ABBREVIATIONS:
        if low in ("u.s", "u.k", "u.n", "e.u", "p.r.c", "d.c", "a.m", "p.m", "etc"):
            follower = re.match(r"\s+[\"“]?([A-Za-z]+)", text[dot + 1 : dot + 40])
            return not (
                follower
                and follower.group(1).lower() in en.SENTENCE_STARTERS
                and follower.group(1)[0].isupper()
            )
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # "e.g", "U.S.A"


def _split_en(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


def _split_zh(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _ZH_END.finditer(text, start, end):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(account: Account) -> tuple[Sentence, ...]:
    """The sentences of an account, in order, as spans of its text."""
    text = account.text
    split = _split_zh if account.language == "zh" else _split_en
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for l_start, l_end in _line_spans(text, p_start, p_end):
            for s, e in split(text, l_start, l_end):
                s, e = _trim(text, s, e)
                if s < e and re.search(r"\w", text[s:e]):
                    out.append(Sentence(account.id, len(out), s, e, p_index))
    return tuple(out)
