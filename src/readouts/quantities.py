"""Quantities: the numbers of a text as values with units, in English and Chinese.

``numbers(text, language)`` lists every number with its value: digits with their scale
("291 billion", "2910亿", "1.5万"), Chinese numerals (through cn2an: "三千五百万",
"二十七"), English number words, percentages ("50 percent", "百分之五十", "50%" all read
``50%``) and dates ("14 March", "March 14", "3月14日" all read ``date:3-14``; "3月" is
``month:3``, "14日" alone ``day:14``). Two mentions match when :func:`same` says so, so a
date that differs between two versions is a date *changed*, not a number dropped.

``strong`` numbers are checked; weak ones (vague figures such as 十几, 数十年, "dozens",
"decades"; "one", "two", 两 without a measure word; ordinals) only match the other
version's. Numerals inside a name (万象, 七国集团, "G7") or inside another word (统一, 一致)
are not numbers: pass the spans of names as ``masks`` and, for Chinese, a
:class:`~readouts.lang.words_zh.Segmenter` as ``words``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lang import language_for
from .lang.base import NumberMention

if TYPE_CHECKING:
    from .lang.words_zh import Segmenter

__all__ = ["NumberMention", "numbers", "same"]


def same(x: str, y: str) -> bool:
    """Do two values name the same quantity? A day or a month alone matches a full date
    that has it."""
    if x == y:
        return True
    kx, _, vx = x.partition(":")
    ky, _, vy = y.partition(":")
    if not vx or not vy:
        return False
    if {kx, ky} == {"date", "day"}:
        full, day = (vx, vy) if kx == "date" else (vy, vx)
        return full.split("-")[1] == day
    if {kx, ky} == {"date", "month"}:
        full, month = (vx, vy) if kx == "date" else (vy, vx)
        return full.split("-")[0] == month
    return False


def numbers(
    text: str,
    language: str,
    masks: Sequence[tuple[int, int]] = (),
    words: Segmenter | None = None,
) -> list[NumberMention]:
    """The numbers in a text, in order (for Chinese pass the simplified view); ``masks``
    are spans to skip (names), ``words`` a Chinese segmenter to skip numerals inside words.
    Each language reads its own (:mod:`readouts.lang.en.numbers`,
    :mod:`readouts.lang.zh.numbers`)."""
    return language_for(language).numbers(text, masks, words)
