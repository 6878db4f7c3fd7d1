"""Word lists for reading names: titles, offices, organisations, name particles.

The lists live in ``data/words.tsv`` (English and Chinese side by side) and reach the
readers through the lexicon, so a ``--lexicon`` file with that header replaces any of
them. :func:`name_words` builds them once per lexicon. A word of
:attr:`NameWords.title_words` is never part of a person's name; a phrase ending in a word
of :attr:`NameWords.group_heads` names a group ("county elected officials");
:attr:`NameWords.zh_titles` are the Chinese titles that may stand before a name (longest
first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import zh
from ..lexicon import Lexicon

__all__ = ["HONORIFICS", "NameWords", "name_words"]

#: Forms of address, not offices: "Mr. Jared Kushner" has no role.
HONORIFICS = re.compile(
    r"^(?:(?:the\s+)?(?:Mr|Mrs|Ms|Mx|Miss|Dr|Sir|Dame|Madam|Madame|Monsieur|Hon|"
    r"Honou?rable|H\.E|His\s+Excellency|Her\s+Excellency)\.?\s*)+$",
    re.I,
)


@dataclass(frozen=True)
class NameWords:
    """The name readers' word lists, as sets and patterns (see ``data/words.tsv``)."""

    #: departments as tuples of lower-case words: in "Secretary of Transportation Pete
    #: Buttigieg" or "Leader of the Opposition Yair Lapid" the name follows the department
    departments: frozenset[tuple[str, ...]]
    #: words that end a title's domain and never start a name ("Advisor for
    #: International Economics Mike Pyle"), with the one-word departments
    domain_words: frozenset[str]
    person_titles: frozenset[str]
    org_words: frozenset[str]
    org_heads: frozenset[str]
    title_words: frozenset[str]
    function_words: frozenset[str]
    name_particles: frozenset[str]
    group_heads: re.Pattern[str]
    zh_titles: tuple[str, ...]


def _build(lexicon: Lexicon) -> NameWords:
    words = lexicon.word_list
    departments = frozenset(tuple(d.split()) for d in words("departments"))
    person = frozenset(words("person_titles"))
    org_words = frozenset(words("org_words"))
    org_heads = frozenset(words("org_heads"))
    heads = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words("group_heads"))
    return NameWords(
        departments=departments,
        domain_words=frozenset({d[0] for d in departments if len(d) == 1})
        | frozenset(words("domain_words")),
        person_titles=person,
        org_words=org_words,
        org_heads=org_heads,
        title_words=person | org_words | org_heads,
        function_words=frozenset(words("function_words")),
        name_particles=frozenset(words("name_particles")),
        group_heads=re.compile(rf"\b(?:{heads})\b", re.I),
        zh_titles=tuple(
            sorted(set(zh.TITLES) | set(words("person_titles", "zh")), key=len, reverse=True)
        ),
    )


def name_words(lexicon: Lexicon) -> NameWords:
    """The word lists of this lexicon, built once."""
    built = lexicon.derived.get("name_words")
    if not isinstance(built, NameWords):
        built = lexicon.derived["name_words"] = _build(lexicon)
    return built
