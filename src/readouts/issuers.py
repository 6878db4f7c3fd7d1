"""Issuers: which party published an account, from the issuers lexicon (``data/issuers.tsv``).

Foreign ministries, defence ministries, leaders' offices, secretariats and their
spokespeople, in English and Chinese, each mapped to the party it speaks for, with the web
domains it publishes on. Three things about an account name its issuer, tried in order:

1. the ``issuer:`` it was given (front matter, a JSON Lines field, ``--issuer``): a name
   of the lexicon, else an issuer or a country named inside it ("Foreign Ministry of
   Kazakhstan");
2. the domain of its source URL (``state.gov``, ``www.fmprc.gov.cn``);
3. its own opening: the title or the first sentence *beginning* with an issuer's name
   ("U.S. Department of State ...", "Statement by the Ministry of Foreign Affairs of ...",
   "外交部发言人办公室..."), after a date or dateline, or an office the lexicon does not
   list, named with its country ("Ministry of Foreign Affairs of Fiji", "Fiji's
   Ministry ...", 斐济外交部). Only the opening counts: an office named later is usually
   the other side's.

:func:`readouts.reading.infer_party` asks these first and then falls back to the subject of
the opening sentence; meeting facts and corpus pairing read the party it gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from .lang import language_for, text_view
from .lexicon import Issuer, Lexicon, normalise_en

if TYPE_CHECKING:
    from .lang.base import Language

__all__ = ["IssuerMatch", "issuer_by_domain", "issuer_by_name", "issuer_in_opening"]


@dataclass(frozen=True)
class IssuerMatch:
    """An issuer found for an account, and how it was found."""

    party: str  # the actor id of the party the issuer speaks for
    issuer: str  # the issuer's id in the lexicon; "" when only a country was named
    basis: str  # "issuer" (the given name), "domain" or "opening"


def _language(text: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"


def _key(name: str) -> str:
    low = normalise_en(name.strip())
    return re.sub(r"^the\s+", "", re.sub(r"[\s.,]+", " ", low)).strip()


def _names(lexicon: Lexicon) -> dict[str, Issuer]:
    cached = lexicon.derived.get("issuer_names")
    if cached is None:
        cached = lexicon.derived["issuer_names"] = {
            _key(n): issuer
            for issuer in lexicon.issuers.values()
            for n in (*issuer.names_en, *issuer.names_zh)
        }
    return cached  # type: ignore[return-value]


def issuer_by_name(name: str, lexicon: Lexicon) -> IssuerMatch | None:
    """The issuer an ``issuer:`` value names: a name of the lexicon, else the first issuer
    named inside it, else the first country or organisation named inside it."""
    if not name.strip():
        return None
    exact = _names(lexicon).get(_key(name))
    if exact is not None:
        return IssuerMatch(exact.party, exact.id, "issuer")
    lang = _language(name)
    view = text_view(name, lang)
    for m in lexicon.issuer_matcher.find(name, lang, view):
        issuer = lexicon.issuers[m.id]
        return IssuerMatch(issuer.party, issuer.id, "issuer")
    for m in lexicon.actor_matcher.find(name, lang, view):
        actor = lexicon.actors[m.id]
        if actor.kind != "person":
            return IssuerMatch(actor.party, "", "issuer")
    return None


def issuer_by_domain(source: str, lexicon: Lexicon) -> IssuerMatch | None:
    """The issuer whose web domain the source URL is on (or a subdomain of it)."""
    if "://" not in source:
        return None
    host = urlparse(source).netloc.lower().split(":")[0]
    parts = host.split(".")
    for k in range(len(parts) - 1):  # the longest domain first: "eng.mod.gov.cn" before "gov.cn"
        found = lexicon.issuer_domains.get(".".join(parts[k:]))
        if found is not None:
            issuer = lexicon.issuers[found]
            return IssuerMatch(issuer.party, issuer.id, "domain")
    return None


def _at_start(text: str, lang: str, lexicon: Lexicon) -> IssuerMatch | None:
    head = text[:300]
    language = language_for(lang)
    start = language.opening_lead(head)
    view = text_view(head, lang)
    slack = language.opening_slack  # no article in Chinese: 斐济外交部 is Fiji's
    for m in lexicon.issuer_matcher.find(head, lang, view):
        if m.start > start + slack:
            break
        if not _whole_words(language, view, m.start, m.end, lexicon):
            continue  # 外交部 at the start of 外交部长王毅: a title, not the issuer
        issuer = lexicon.issuers[m.id]
        return IssuerMatch(issuer.party, issuer.id, "opening")
    return _office_of_a_country(head, view, start, lang, lexicon)


def _office_of_a_country(
    head: str, view: str, start: int, lang: str, lexicon: Lexicon
) -> IssuerMatch | None:
    """An office the lexicon does not list, named with its country at the opening:
    "Ministry of Foreign Affairs of Fiji", "Fiji's Ministry of Foreign Affairs", "斐济外交部"."""
    language = language_for(lang)
    for m in lexicon.actor_matcher.find(head, lang, view):
        actor = lexicon.actors[m.id]
        if actor.kind == "person":
            continue
        if language.country_office(view, start, m.start, m.end):
            return IssuerMatch(actor.party, "", "opening")
    return None


def _whole_words(language: Language, view: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Is ``view[start:end]`` whole words, where the language needs a segmenter to tell?"""
    words = language.segmenter(lexicon)
    return words is None or words.is_word(view, start, end)


def _dateline_agency(text: str, lang: str, lexicon: Lexicon) -> IssuerMatch | None:
    """The issuer whose agency signs the dateline at the start of an opening (English
    datelines name the agency by an English name of the issuer)."""
    agency = language_for(lang).dateline_agency(text)
    if agency is None:
        return None
    for issuer in lexicon.issuers.values():
        if agency in issuer.names_en:
            return IssuerMatch(issuer.party, issuer.id, "opening")
    return None


def issuer_in_opening(title: str, opening: str, lexicon: Lexicon) -> IssuerMatch | None:
    """The issuer named at the very start of the title or of the first sentence (or
    signing the dateline of a news agency's release)."""
    for text in (title, opening):
        if text.strip():
            lang = _language(text)
            found = _at_start(text.strip(), lang, lexicon)
            if found is None:
                found = _dateline_agency(text.strip(), lang, lexicon)
            if found is not None:
                return found
    return None
