"""Chinese negations by scope, read on the segmenter's words (:mod:`readouts.lang.words_zh`),
so 不断 ("constantly"), 不仅 ("not only") and 不满 ("dissatisfaction") negate nothing; see
:mod:`readouts.negation`. Also whether a claim carries a negation at all
(:func:`is_negated`, for tagging)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import drift_words
from ..base import CLAUSE_END as _CLAUSE_END
from ..base import Negation
from . import NEGATIONS

if TYPE_CHECKING:
    from ..words_zh import Segmenter

__all__ = ["is_negated", "negations"]

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


def _negations(text: str, words: Segmenter) -> list[Negation]:
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


def negations(text: str, words: Segmenter | None) -> list[Negation]:
    """The negations of the simplified view of a text, in order (``words``: the segmenter)."""
    if words is None:
        raise ValueError("Chinese negations need a segmenter (readouts.lang.words_zh)")
    return _negations(text, words)


# Chinese words with 不/无/非/未 that are not negations
_ZH_NOT_NEG = (
    "不断",
    "不仅",
    "不少",
    "不同",
    "不久",
    "不管",
    "不论",
    "不过",
    "无论",
    "非常",
    "不但",
    "不得不",
    "无不",
    "未来",
    "莫斯科",
    "无法挽回",
    "不可或缺",
    "毫不动摇",
    "非洲",
    # 别 and 非 inside ordinary words ("高级别对话", "非法") are not negations
    "级别",
    "特别",
    "分别",
    "区别",
    "告别",
    "类别",
    "个别",
    "差别",
    "识别",
    "鉴别",
    "派别",
    "性别",
    "无非",
    "非法",
)
_ZH_NEG = re.compile("|".join(sorted(NEGATIONS, key=len, reverse=True)) + "|并非")


def is_negated(text: str) -> bool:
    """Does the text carry a negation (of its own, not inside a fixed phrase)?"""
    masked = text
    for word in _ZH_NOT_NEG:
        masked = masked.replace(word, "＿" * len(word))
    return bool(_ZH_NEG.search(masked))
