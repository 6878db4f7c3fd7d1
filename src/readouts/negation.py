"""Negation by scope: the negated predicates of a text, in English and Chinese.

A negation is a negator *word* and the predicate it governs: "did not **seek** a new Cold
War" and "不**寻求**新冷战" are one negated predicate each. Words are words: in Chinese
they come from the segmenter (:mod:`readouts.lang.words_zh`), so 不断 ("constantly"), 不仅
("not only"), 不满 ("dissatisfaction") and the idiom 一个巴掌拍不响 negate nothing.

Negations are *strong* (not, never, 不, 没有, 未 ...) or *weak*: a negation folded into a
word or a contrast ("without", "rather than", "non-interference", 无条件, 而不是, 代替),
which a translation may or may not render with a negator. :func:`compare` sets the
negations of two aligned passages against each other: a strong negation one version has
beyond all the other's negations, strong and weak, is a reversal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lang import drift_words

if TYPE_CHECKING:
    from .lang.words_zh import Segmenter

__all__ = ["Negation", "compare", "negations"]


@dataclass(frozen=True)
class Negation:
    """A negator and the predicate it negates (the word after it, "" when none)."""

    start: int  # the negator
    end: int
    predicate: str
    predicate_end: int  # where the predicate ends (the span start..predicate_end marks both)
    strong: bool

    @property
    def span(self) -> tuple[int, int]:
        return self.start, max(self.end, self.predicate_end)


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
#: A word beginning with one of these negates ("绝不允许", "从未有过").
_ZH_STRONG_PREFIXES = (
    "绝不",
    "决不",
    "从不",
    "从未",
    "毫不",
    "并不",
    "并未",
    "尚未",
    "绝非",
    "并非",
)
_CLAUSE_END = re.compile(r"[,;:.!?，；：。！？]")


def _negations_en(text: str) -> list[Negation]:
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


def _negations_zh(text: str, words: Segmenter) -> list[Negation]:
    spans = words.words(text)
    out: list[Negation] = []
    for k, (s, e) in enumerate(spans):
        word = text[s:e]
        if word in drift_words.ZH_NOT_NEGATIONS:
            continue
        if word in drift_words.ZH_NEGATORS or word.startswith(_ZH_STRONG_PREFIXES):
            strong = True
        elif word in drift_words.ZH_WEAK_NEGATORS or (
            len(word) >= 2 and word[0] in "不无非未没" and len(word) <= 4
        ):
            strong = False  # a negation folded into a word: 不干涉 (non-interference), 无条件
        else:
            continue
        predicate, pend = "", e
        if len(word) > 2 and strong:
            predicate = word[2:] if word.startswith(_ZH_STRONG_PREFIXES) else word[1:]
        else:
            for ns, ne in spans[k + 1 : k + 3]:
                nxt = text[ns:ne]
                if _CLAUSE_END.match(nxt):
                    break
                if nxt in ("是", "会", "能", "要", "得", "应", "再", "去", "太", "被", "把"):
                    pend = ne
                    continue
                predicate, pend = nxt, ne
                break
        out.append(Negation(s, e, predicate, pend, strong))
    return out


def negations(text: str, language: str, words: Segmenter | None = None) -> list[Negation]:
    """The negations of a text in order (for Chinese the simplified view and a segmenter)."""
    if language == "zh":
        if words is None:
            raise ValueError("Chinese negations need a segmenter (readouts.lang.words_zh)")
        return _negations_zh(text, words)
    return _negations_en(text)


def compare(
    a: Sequence[Negation], b: Sequence[Negation], span_a: tuple[int, int], span_b: tuple[int, int]
) -> tuple[list[Negation], list[Negation]]:
    """The strong negations of ``a`` and of ``b`` that the other passage does not answer.

    Each negation is paired, in order, with the nearest negation of the other passage by
    its relative place in its passage (translations keep the order of clauses); what is
    left unpaired, when it is strong and more than the other's weak negations can account
    for, is returned.
    """

    def place(n: Negation, span: tuple[int, int]) -> float:
        return (n.start - span[0]) / max(1, span[1] - span[0])

    strong_a = sum(n.strong for n in a)
    strong_b = sum(n.strong for n in b)
    if strong_a <= len(b) and strong_b <= len(a):
        return [], []
    # the side with more strong negations than the other has negations of any kind
    many, few, many_span, few_span, flip = (
        (a, b, span_a, span_b, False) if strong_a > len(b) else (b, a, span_b, span_a, True)
    )
    left = list(many)
    for n in few:  # each negation of the other side answers the nearest one, weak first
        if not left:
            break
        best = min(left, key=lambda x: (abs(place(x, many_span) - place(n, few_span)), x.strong))
        left.remove(best)
    odd = [n for n in left if n.strong]
    return ([], odd) if flip else (odd, [])
