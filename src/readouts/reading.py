"""Read: the whole reading of one account, from text to tagged claims and meeting facts.

``read(account)`` runs the stages in order (segment, claims, tag, facts), after deciding
which party issued the account when the caller did not say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .claims import extract_claims
from .facts import extract_facts
from .issuers import issuer_by_domain, issuer_by_name, issuer_in_opening
from .lang import language_for, text_view
from .lexicon import Lexicon, default_lexicon
from .model import Account, Reading, Sentence
from .segment import sentences
from .tag import tag_claims, tone_hits

__all__ = ["infer_party", "party_id", "read"]


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
    """Which party issued the account: from its metadata, its source, or its opening.

    The party given, then the issuer given (``data/issuers.tsv``, see
    :mod:`readouts.issuers`), the domain of the source URL, an issuer named at the start of
    the title or the first sentence; else the subject of the opening sentence: in a readout
    the issuer's own principal is its subject ("NATO Secretary General Jens Stoltenberg
    held ...", "王毅应约同...举行"); the other principal follows "with"/"同"/"at the request
    of". Returns "" when it cannot tell.
    """
    found = party_id(account.party, lexicon)
    if found:
        return found
    for match in (
        issuer_by_name(account.issuer, lexicon),
        issuer_by_domain(account.source, lexicon),
    ):
        if match is not None:
            return match.party
    sents = sents if sents is not None else sentences(account)
    opening = account.text[sents[0].start : sents[0].end] if sents else ""
    match = issuer_in_opening(account.title, opening, lexicon)
    if match is not None:
        return match.party
    if not sents:
        return ""
    s0 = sents[0]
    first = text_view(account.text, account.language, view)[s0.start : s0.end]
    mentions = lexicon.actor_matcher.find(first, account.language, first)
    language = language_for(account.language)
    for m in mentions:
        actor = lexicon.actors[m.id]
        if actor.kind != "person":
            continue
        if language.names_counterpart(first, m.start):
            continue  # "with"/"同"/"at the request of": the other side's principal
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
