"""Read: the whole reading of one account, from text to tagged claims and meeting facts.

``read(account)`` runs the stages in order (segment, claims, tag, facts), after deciding
which party issued the account when the caller did not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlparse

from .claims import extract_claims
from .facts import extract_facts
from .lang import simplified, text_view
from .lexicon import Lexicon, default_lexicon
from .model import Account, Reading, Sentence
from .segment import sentences
from .tag import tag_claims, tone_hits

__all__ = ["clear_caches", "infer_party", "party_id", "read"]

#: Web domains of issuers, to tell the party from a source URL.
_DOMAINS = {
    "whitehouse.gov": "united_states",
    "state.gov": "united_states",
    "defense.gov": "united_states",
    "treasury.gov": "united_states",
    "bidenwhitehouse.archives.gov": "united_states",
    "fmprc.gov.cn": "china",
    "mfa.gov.cn": "china",
    "xinhuanet.com": "china",
    "news.cn": "china",
    "chinadaily.com.cn": "china",
    "people.cn": "china",
    "cgtn.com": "china",
    "gov.cn": "china",
    "mod.gov.cn": "china",
    "nato.int": "nato",
    "kremlin.ru": "russia",
    "mid.ru": "russia",
    "mea.gov.in": "india",
    "pib.gov.in": "india",
    "mofa.go.jp": "japan",
    "kantei.go.jp": "japan",
    "gov.uk": "united_kingdom",
    "elysee.fr": "france",
    "diplomatie.gouv.fr": "france",
    "bundesregierung.de": "germany",
    "auswaertiges-amt.de": "germany",
    "europa.eu": "european_union",
    "consilium.europa.eu": "european_union",
    "un.org": "united_nations",
}


def party_id(name: str, lexicon: Lexicon) -> str:
    """The actor id of a party given by id or by any of its names ("China", "美国")."""
    if not name:
        return ""
    if name in lexicon.actors:
        return lexicon.actors[name].party
    low = name.strip().lower()
    for actor in lexicon.actors.values():
        if actor.kind == "person":
            continue
        if low in (n.lower() for n in actor.names_en) or name.strip() in actor.names_zh:
            return actor.party
    return ""


def infer_party(
    account: Account,
    lexicon: Lexicon,
    view: str | None = None,
    sents: Sequence[Sentence] | None = None,
) -> str:
    """Which party issued the account: from its metadata, its source, or its first sentence.

    In a readout the issuer's own principal is the subject of the opening sentence
    ("NATO Secretary General Jens Stoltenberg held ...", "王毅应约同...举行"); the other
    principal follows "with"/"同"/"at the request of". Returns "" when it cannot tell.
    """
    for value in (account.party, account.issuer):
        found = party_id(value, lexicon)
        if found:
            return found
    host = urlparse(account.source).netloc.lower() if "://" in account.source else ""
    for domain, party in _DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return party
    sents = sents if sents is not None else sentences(account)
    if not sents:
        return ""
    s0 = sents[0]
    first = text_view(account.text, account.language, view)[s0.start : s0.end]
    mentions = lexicon.actor_matcher.find(first, account.language, first)
    low = first.lower()
    for m in mentions:
        actor = lexicon.actors[m.id]
        if actor.kind != "person":
            continue
        if account.language == "zh":
            near = first[max(0, m.start - 30) : m.start]
            if "同" in near or "与" in near or "会见" in near:
                continue
        else:
            clause = re.split(r"[,;]", low[max(0, m.start - 80) : m.start])[-1]
            if re.search(
                r"\b(with|request of|invitation of|met|received|hosted|call from)\b", clause
            ):
                continue
        return actor.party
    return ""


def read(account: Account, lexicon: Lexicon | None = None) -> Reading:
    """Segment, extract claims and tag them: the full reading of one account."""
    lexicon = lexicon or default_lexicon()
    view = text_view(account.text, account.language)
    sents = sentences(account)
    party = infer_party(account, lexicon, view, sents)
    if party and party != account.party:
        account = replace(account, party=party)
    claims = extract_claims(account, sents, lexicon, view)
    claims = tag_claims(account, claims, lexicon, view)
    tones = tone_hits(lexicon, lexicon.tone_matcher.find(account.text, account.language, view))
    facts = extract_facts(account, sents, claims, lexicon, view)
    return Reading(account=account, sentences=sents, claims=claims, facts=facts, tone=tones)


def clear_caches(lexicon: Lexicon | None = None) -> None:
    """Forget every text-keyed cache of the reading stages (the simplified views, the
    lexicon matches, the words of sentences), so a benchmark measures a first reading."""
    from . import claims
    from . import lexicon as lexicon_module

    simplified.cache_clear()
    claims._tokens.cache_clear()
    lexicon_module._en_tokens.cache_clear()
    (lexicon or default_lexicon()).clear_caches()
