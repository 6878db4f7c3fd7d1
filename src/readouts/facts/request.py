"""Who asked: a request for the meeting, or an invitation, and who made it.

A request ("at the request of X", "X requested the call", 应约, 应X请求) or, recorded
apart, an invitation ("at the invitation of X", 应X邀请, 应邀). 应约 and 应邀 name no
one: the counterpart asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..model import Sentence
from ._base import MEETING_WINDOW, Party


class Reader(Protocol):
    """What who-asked needs of the facts reader (:class:`readouts.facts._base.ReaderBase`):
    the text, the people and party named in a span, and how its language says who asked."""

    text: str

    def people(self, start: int, end: int) -> list[Party]: ...

    def _party_in(self, start: int, end: int) -> str: ...

    def asked(
        self, window: Sequence[Sentence], counter: Sequence[Party], invite: bool
    ) -> tuple[str, str, tuple[int, int]]: ...


__all__ = ["EN_INVITE", "EN_REQUEST", "who_asked"]

_WHO = (
    r"(?P<{g}>(?:the\s+)?(?-i:[A-Z])(?:[^,;.]|\.(?!\s*$))+?)"
    r"(?=\s+(?:to|and|on|in|for)\b|[,;]|\.?\s*$)"
)
EN_REQUEST = re.compile(
    r"\bat\s+the\s+request\s+of\s+"
    + _WHO.format(g="who")
    + r"|\bat\s+(?P<who2>(?-i:[A-Z])[^,;]{1,60}?)[’']s?\s+request\b"
    + r"|\b(?:requested|sought)\s+by\s+"
    + _WHO.format(g="who3")
    + r"|(?P<subject>(?-i:[A-Z])[^,;]{1,80}?)\s+(?:had\s+)?(?:requested|asked\s+for|sought)\s+"
    r"(?:the|a|this|today[’']s)\s+(?:phone\s+|video\s+)?(?:call|meeting|conversation|talks?)\b",
    re.I,
)
EN_INVITE = re.compile(
    r"\b(?:at|upon|on)\s+the\s+invitation\s+of\s+"
    + _WHO.format(g="who")
    + r"|\b(?:at|upon)\s+(?P<who2>(?-i:[A-Z])[^,;]{1,60}?)[’']s?\s+invitation\b"
    + r"|\bhaving\s+been\s+invited\s+by\s+"
    + _WHO.format(g="who3"),
    re.I,
)
_ZH_REQUEST = re.compile(r"应约|应(?P<who>[^，。；]{1,20}?)(?:的)?(?:请求|要求)")
_ZH_INVITE = re.compile(r"应邀|应(?P<who>[^，。；]{1,20}?)(?:的)?(?:邀请|之邀)")


def _who(reader: Reader, start: int, end: int, counter: Sequence[Party]) -> tuple[str, str]:
    """(party, name) of the one who asked, from the text naming them."""
    if start < 0:
        if counter:
            c = counter[0]
            return c.party, c.name or c.role
        return "", ""
    phrase = reader.text[start:end].strip()
    people = reader.people(start, end)
    party = reader._party_in(start, end)
    if people:
        p = people[0]
        return p.party or party, p.name or p.role or phrase
    return party, phrase


def who_asked(
    reader: Reader, sents: Sequence[Sentence], counter: Sequence[Party], invite: bool
) -> tuple[str, str, tuple[int, int]]:
    window = sents[:MEETING_WINDOW]
    if not window:
        return "", "", (-1, -1)
    return reader.asked(window, counter, invite)
