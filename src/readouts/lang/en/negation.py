"""English negations by scope: the negator ("not", "never", "n't") and the predicate it
governs, and the weak negations folded into a word or a contrast ("without", "rather
than", "non-interference"); see :mod:`readouts.negation`. Also whether a claim carries
a negation at all (:func:`is_negated`, for tagging)."""

from __future__ import annotations

import re

from .. import drift_words
from ..base import CLAUSE_END as _CLAUSE_END
from ..base import Negation
from . import NEGATIONS

__all__ = ["is_negated", "negations"]

_EN_WORD = re.compile(r"[A-Za-z]+(?:[’'][A-Za-z]+)?|[A-Za-z]+-[A-Za-z]+")
#: Words between a negator and its predicate: auxiliaries, particles, adverbs.
_EN_SKIP = frozenset(
    "be been being to a an the any also yet ever only at all in way has have had do does did "
    "and or but cannot can't won't don't doesn't didn't "
    "is are was were will would shall should can could may might must".split()
)
_EN_NOT_NEG = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in drift_words.EN_NOT_NEGATIONS) + r")\b", re.I
)
_EN_WEAK = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in sorted(drift_words.EN_WEAK_NEGATORS, key=len, reverse=True))
    + r")\b|\bnon-?[a-z]+|\bun(?:able|willing)\b",
    re.I,
)


def negations(text: str) -> list[Negation]:
    masked = _EN_NOT_NEG.sub(lambda m: "_" * len(m.group(0)), text)
    out: list[Negation] = []
    weak: set[int] = set()  # where a weak negation's words start ("no longer" holds "no")
    for m in _EN_WEAK.finditer(masked):
        out.append(Negation(m.start(), m.end(), m.group(0).lower(), m.end(), False))
        weak.update(w.start() for w in _EN_WORD.finditer(masked, m.start(), m.end()))
    words = list(_EN_WORD.finditer(masked))
    for k, w in enumerate(words):
        low = w.group(0).lower().replace("’", "'")
        if low not in drift_words.EN_NEGATORS and not low.endswith("n't"):
            continue
        if w.start() in weak:
            continue
        predicate, pend = "", w.end()
        for nxt in words[k + 1 : k + 5]:
            if _CLAUSE_END.search(masked, pend, nxt.start()):
                break
            word = nxt.group(0).lower()
            if word in _EN_SKIP:
                pend = nxt.end()
                continue
            predicate, pend = word, nxt.end()
            break
        out.append(Negation(w.start(), w.end(), predicate, pend, True))
    return sorted(out, key=lambda n: n.start)


_EN_NEG = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(w for w in NEGATIONS if "'" not in w)
    + r")(?![\w-])|n['’]t\b",  # "n't" also with a typographic apostrophe
    re.I,
)


def is_negated(text: str) -> bool:
    """Does the text carry a negation (of its own, not inside a fixed phrase)?"""
    return bool(_EN_NEG.search(text))
