"""What event cues are to the languages: a cue found in a text (:class:`Hit`), the frames
that shape an event or report it, and counting the words between two places.

Defined here, below the languages' roles and :mod:`readouts.plover` (which re-exports
them), so that plover can ask :func:`readouts.lang.language_for` where a clause ends
and what is near without an import cycle (:mod:`readouts.lang.en.events`,
:mod:`readouts.lang.zh.events`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ACTIVE_FRAMES", "REPORT_FRAMES", "TOKEN", "Hit", "words_between"]

#: Frames of cues that can carry or shape an event.
ACTIVE_FRAMES = frozenset({"event", "intent", "prepare", "refuse", "decision", "modal", "light"})
#: Frames of cues that say who speaks (leading) or who reports the event (trailing).
REPORT_FRAMES = frozenset({"report", "decision", "attribution"})

#: A word, as cues and the words between two places count them.
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    """A cue found in the text."""

    start: int
    end: int
    frame: str
    event: str  # current PLOVER type, or ""
    mode: str
    contexts: tuple[str, ...]
    priority: int  # the act's priority (acts.tsv); 100 for a cue of events.tsv
    cue: str  # "acts:<id>" or "events:<id>"


def words_between(text: str, a: int, b: int) -> int:
    """How many words stand between ``a`` and ``b``."""
    return len(TOKEN.findall(text, a, b)) if b > a else 0
