"""Segment: split an account's text into paragraphs and sentences (character spans).

Where a sentence ends is the language's to say (:mod:`readouts.lang.en.sentences`,
:mod:`readouts.lang.zh.sentences`). A blank line always ends a paragraph; a single line
break ends a sentence only after terminal punctuation or on a short heading-like line.
"""

from __future__ import annotations

import re

from .lang import language_for
from .model import Account, Sentence

__all__ = ["paragraph_spans", "sentences"]

_BLANK = re.compile(r"\n[ \t\u3000\u00a0]*\n\s*")
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


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(account: Account) -> tuple[Sentence, ...]:
    """The sentences of an account, in order, as spans of its text."""
    text = account.text
    split = language_for(account.language).split_sentences
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for l_start, l_end in _line_spans(text, p_start, p_end):
            for s, e in split(text, l_start, l_end):
                s, e = _trim(text, s, e)
                if s < e and re.search(r"\w", text[s:e]):
                    out.append(Sentence(account.id, len(out), s, e, p_index))
    return tuple(out)
