"""English text as a whole: its length in words, what the full-text index sees, and how
sentences of one paragraph are joined (see :mod:`readouts.signals`,
:mod:`readouts.corpus.work` and :mod:`readouts.labels`)."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_GAP", "count_words", "index_text"]

#: What stands between two sentences of one paragraph.
SENTENCE_GAP = " "

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def count_words(text: str) -> tuple[int, float]:
    """The words of a text, and the same in English-word units."""
    latin = len(WORD.findall(text))
    return latin, float(latin)


def index_text(text: str) -> str:
    """The text the full-text index sees: the text as it is."""
    return text
