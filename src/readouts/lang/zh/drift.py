"""What the drift checks read in a Chinese version, on its simplified view (see
:mod:`readouts.versions`): the phrases whose country names name no party, the words that
stand in for a name, and how far an intensity word reaches."""

from __future__ import annotations

import re

from . import BOTH_SIDES, PERSON_PRONOUNS, TITLES

__all__ = ["INTENSITY_REACH", "not_parties", "stands_in"]

#: How far (characters) an intensity word may stand before the word it modifies.
INTENSITY_REACH = 4

_STAND_INS = re.compile(
    "|".join(
        sorted(
            {*PERSON_PRONOUNS, *BOTH_SIDES, *TITLES, "其", "对方", "彼此", "各方", "双边"},
            key=len,
            reverse=True,
        )
    )
)
#: Place and currency phrases whose country names name no party (朝鲜半岛, 美元); names
#: inside them are not compared.
_NOT_PARTIES = re.compile(
    r"朝鲜半岛|南海|东海|台湾海峡|台海|中东|印度洋|印太|美元|日元|澳元|加元|港元"
)


def not_parties(view: str) -> list[tuple[int, int]]:
    """The spans of the place and currency phrases that name no party."""
    return [m.span() for m in _NOT_PARTIES.finditer(view)]


def stands_in(text: str) -> bool:
    """Does the text hold a pronoun, a title, "both sides" (双方) or a word for the pair?"""
    return bool(_STAND_INS.search(text))
