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

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lang import language_for
from .lang.base import Negation

if TYPE_CHECKING:
    from .lang.words_zh import Segmenter

__all__ = ["Negation", "compare", "negations"]


def negations(text: str, language: str, words: Segmenter | None = None) -> list[Negation]:
    """The negations of a text in order (for Chinese the simplified view and a segmenter);
    each language reads its own (:mod:`readouts.lang.en.negation`,
    :mod:`readouts.lang.zh.negation`)."""
    return language_for(language).negations(text, words)


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
