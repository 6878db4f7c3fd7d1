"""What the drift checks read in an English version (see :mod:`readouts.versions`): the
phrases whose country names name no party, the words that stand in for a name, and how
far an intensity word reaches."""

from __future__ import annotations

import re

from . import BOTH_SIDES, PERSON_PRONOUNS, TITLES

__all__ = ["INTENSITY_REACH", "not_parties", "stands_in"]

#: How far (characters) an intensity word may stand before the word it modifies.
INTENSITY_REACH = 12

_STAND_INS = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(
            # "bilateral trade" stands for "中马贸易": the pair, named by a word for two
            {
                *PERSON_PRONOUNS,
                *BOTH_SIDES,
                *TITLES,
                "his",
                "its",
                "their",
                "them",
                "bilateral",
                "two-way",
            },
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.I,
)
#: Place and currency phrases whose country names name no party ("South China Sea", "US
#: dollars"); names inside them are not compared.
_NOT_PARTIES = re.compile(
    r"\b(?:(?:South|East)\s+China\s+Sea|Korean\s+Peninsula|Taiwan\s+Strait|Middle\s+East|"
    r"(?:US|U\.S\.|American|Australian|Canadian|Hong\s+Kong|Singapore)\s+dollars?|"
    r"Indian\s+Ocean|Japanese\s+yen|Chinese\s+yuan)\b",
    re.I,
)


def not_parties(view: str) -> list[tuple[int, int]]:
    """The spans of the place and currency phrases that name no party."""
    return [m.span() for m in _NOT_PARTIES.finditer(view)]


def stands_in(text: str) -> bool:
    """Does the text hold a pronoun, a title, "both sides" or a word for the pair?"""
    return bool(_STAND_INS.search(text))
