"""Chinese text as a whole: its length in characters and English-word units, what the
full-text index sees, and how sentences of one paragraph are joined (see
:mod:`readouts.signals`, :mod:`readouts.corpus.work` and :mod:`readouts.labels`)."""

from __future__ import annotations

import re

from .. import simplified
from ..en.writing import WORD as _EN_WORD

__all__ = ["SENTENCE_GAP", "ZH_CHARS_PER_WORD", "count_words", "index_text"]

#: What stands between two sentences of one paragraph.
SENTENCE_GAP = ""
#: Chinese characters per English word when comparing lengths across languages.
ZH_CHARS_PER_WORD = 1.35

_HAN = re.compile(r"[\u3400-\u9fff]")


def count_words(text: str) -> tuple[int, float]:
    """The characters and any Latin words of a text, and the same in English-word units
    (characters divided by :data:`ZH_CHARS_PER_WORD`)."""
    han = len(_HAN.findall(text))
    latin = len(_EN_WORD.findall(text))
    return han + latin, han / ZH_CHARS_PER_WORD + latin


def index_text(text: str) -> str:
    """The text the full-text index sees: simplified, one token per character."""
    out = []
    for ch in simplified(text):
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            out.append(f" {ch} ")
        else:
            out.append(ch)
    return "".join(out)
