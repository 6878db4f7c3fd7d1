"""How an English opening names its issuer (see :mod:`readouts.issuers`): what may stand
before the issuer's name, an office the lexicon does not list named with its country,
a news agency's dateline, and the words that make a person in the opening sentence the
other side's principal (:func:`readouts.reading.infer_party`)."""

from __future__ import annotations

import re

__all__ = ["SLACK", "country_office", "dateline_agency", "lead", "names_counterpart"]

#: What may stand before the issuer's name at the opening: a date, a dateline, a label.
_LEAD = re.compile(
    r"(?:(?:on\s+)?(?:\w+day,?\s+)?(?:\w+\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+\w+(?:\s+\d{4})?)"
    r"\s*[,:–—-]?\s*|[A-Z][A-Za-z .]+\s*[–—-]{1,2}\s*|(?:readout|statement|press\s+release|"
    r"joint\s+statement|remarks|announcement|communiqu[ée]|news|press\s+statement)"
    r"(?:\s+(?:by|from|of|issued\s+by))?\s*:?\s*|the\s+|\s+)*",
    re.I,
)
#: How far into an English opening an issuer's name may begin once the lead is skipped.
SLACK = 2

#: An office the lexicon does not list, named with its country at the opening: "Ministry
#: of Foreign Affairs of Fiji", "Fiji's Ministry of Foreign Affairs".
_OFFICE_OF = re.compile(
    r"(?:the\s+)?(?:Ministry|Department|Office|Presidency|Government|Embassy|Secretariat|"
    r"Mission)\b[^.,;:]{0,60}?\bof\s+(?:the\s+)?",
    re.I,
)
_COUNTRYS_OFFICE = re.compile(
    r"(?:['’]s)?\s+(?:Foreign\s+|Defen[cs]e\s+)?(?:Ministry|Department|Foreign\s+Office|"
    r"Presidency|Government|Embassy)\b",
    re.I,
)

#: A news agency's dateline: "ABU DHABI, 11th October, 2023 (WAM) --".
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,[^()\n]{0,40}\(([A-Za-z][\w .&-]{0,40})\)\s*[–—-]{1,2}")


def lead(head: str) -> int:
    """Where the issuer's name may begin in ``head``, once the lead is skipped."""
    found = _LEAD.match(head)
    return found.end() if found else 0


def country_office(view: str, start: int, country_start: int, country_end: int) -> bool:
    """Does the opening ``view[start:]`` name an office by the country at
    ``view[country_start:country_end]``?"""
    if view[start : start + 4].lower() == "the ":
        start += 4
    if country_start < start:
        return False
    if _OFFICE_OF.fullmatch(view, start, country_start):
        return True  # "Ministry of Foreign Affairs of Fiji"
    if country_start != start:
        return False
    return _COUNTRYS_OFFICE.match(view, country_end) is not None  # "Fiji's Ministry ..."


def dateline_agency(text: str) -> str | None:
    """The news agency that signs the dateline at the start of ``text`` ("WAM")."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    return m.group(1).strip()


def names_counterpart(sentence: str, start: int) -> bool:
    """Do the words before the person at ``sentence[start:]``, in their clause, make them
    the other side's principal?"""
    low = sentence.lower()
    clause = re.split(r"[,;]", low[max(0, start - 80) : start])[-1]
    if re.search(r"\bbetween\b.*\band\b", clause):
        return True  # "a call between the President of the Republic and Mr Biden"
    return _COUNTERPART_CUE.search(clause) is not None


#: The words before a person, in their clause, that make them the other side's principal.
_COUNTERPART_CUE = re.compile(
    r"\b(with|request of|invitation of|met|received|receives|hosted|hosts|"
    r"welcomed|welcomes|call from|visit of)\b"
)
