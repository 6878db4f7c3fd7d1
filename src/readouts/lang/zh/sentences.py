"""Chinese sentences: a sentence ends at 。！？ with any closing quote (； is left to the
claims stage)."""

from __future__ import annotations

import re

from . import CLOSERS, SENTENCE_END

__all__ = ["split"]

_ZH_END = re.compile(r"(?:……|…|[" + re.escape(SENTENCE_END) + r"]+)[" + re.escape(CLOSERS) + r"]*")


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _ZH_END.finditer(text, start, end):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, end))
    return out
