"""Tag: give each claim its topics, speech act, tone words and polarity, from the lexicons.

One pass of each lexicon's matcher over the whole account; matches are then handed
to the claims they fall in. English is matched on the text, Chinese on its
simplified view (same offsets).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from .lang import language_for
from .lexicon import Act, Lexicon, Match, default_lexicon
from .model import Account, Claim, ToneHit

__all__ = ["claim_act", "is_negated", "tag_claims", "tone_hits"]

# cue matches that do not carry the act: "issues of mutual concern" is not an expression of concern
_ACT_EXCEPTIONS = {
    "express_concern": re.compile(r"(mutual|common|shared)\s+concern|共同关心|共同关切|关心的"),
    "request": re.compile(r"\b(should|must)\s+(also\s+)?(be\s+)?(noted|said)\b"),
}


def is_negated(text: str, language: str) -> bool:
    """Does the text carry a negation (of its own, not inside a fixed phrase)?"""
    return language_for(language).is_negated(text)


def _inside(matches: Sequence[Match], start: int, end: int) -> list[Match]:
    """The matches lying within ``[start, end)``; ``matches`` are in text order."""
    k = bisect_left(matches, start, key=lambda m: m.start)
    out = []
    while k < len(matches) and matches[k].start < end:
        if matches[k].end <= end:
            out.append(matches[k])
        k += 1
    return out


#: Cues this close together (characters) form one phrase, in which the lexicon's
#: priority decides ("表示强烈不满和坚决反对" is opposition, the higher rung).
PHRASE_WINDOW = 8


def claim_act(lexicon: Lexicon, cues: Sequence[Match], subject: str) -> str:
    """The speech act of a claim: its first cue that is not a plain reporting verb
    ("called on China to condemn ..." is a request, not an accusation; "He set out
    concerns about ..." expresses concern); among cues within one short phrase the
    lexicon's priority decides; a plain reporting verb ("said") only when nothing else
    is there."""
    plain = None
    kept: list[tuple[Match, Act]] = []
    for m in cues:
        act = lexicon.acts.get(m.id)
        if act is None:
            continue
        rule = _ACT_EXCEPTIONS.get(act.id)
        if rule is not None and rule.search(subject[max(0, m.start - 20) : m.end + 5]):
            continue
        if act.plover == "-":
            plain = plain or act
            continue
        kept.append((m, act))
    if kept:
        first = min(m.start for m, _ in kept)
        phrase = [(m, a) for m, a in kept if m.start <= first + PHRASE_WINDOW]
        best = min(phrase, key=lambda ma: (ma[1].priority, ma[0].start))[1]
        if best.id == "support" and _COMMITMENT.search(subject, first, first + 60):
            return "assure"  # "reaffirmed their commitment to ...": a reassurance
        return best.id
    return plain.id if plain is not None else "statement"


_COMMITMENT = re.compile(r"commitment|committed|坚定|一如既往", re.I)
# a sentence about the meeting itself ("The talks were held in a friendly atmosphere")
_ABOUT_MEETING = re.compile(
    r"(?:the|this)\s+(?:talks|meeting|call|conversation)\s+(?:was|were)\s+(?:held|conducted)"
    r"\s+in|(?:会谈|会见|会晤|通话)在.{0,12}?(?:气氛|氛围)中进行",
    re.I,
)


def tone_hits(lexicon: Lexicon, matches: Sequence[Match]) -> tuple[ToneHit, ...]:
    out = []
    for m in matches:
        term = lexicon.tone.get(m.id)
        if term is not None:
            out.append(
                ToneHit(
                    term=term.id, category=term.category, rung=term.rung, start=m.start, end=m.end
                )
            )
    return tuple(out)


def tag_claims(
    account: Account,
    claims: Sequence[Claim],
    lexicon: Lexicon | None = None,
    view: str | None = None,
) -> tuple[Claim, ...]:
    """Claims with topics, act, tone and polarity filled in."""
    lexicon = lexicon or default_lexicon()
    lang = account.language
    language = language_for(lang)
    subject = language.view(account.text, view)
    topics = lexicon.topic_matcher.find(account.text, lang, subject)
    acts = lexicon.act_matcher.find(account.text, lang, subject)
    tones = lexicon.tone_matcher.find(account.text, lang, subject)
    low = language.lowered(subject)
    out: list[Claim] = []
    for c in claims:
        # a claim is read with its frame and tail: "He set out concerns about | X" is a
        # concern about X, "杨洁篪就 | 涉疆 | 等问题阐明了中方的严正立场" a stern position on it
        regions = [(c.start, c.end)]
        regions += [(a, b) for a, b in ((c.frame_start, c.frame_end), (c.tail_start, c.tail_end))]
        regions = [(a, b) for a, b in regions if a >= 0]
        seen: dict[str, None] = {}
        for a, b in regions:
            for m in _inside(topics, a, b):
                seen.setdefault(m.id, None)
        cues = [m for a, b in regions for m in _inside(acts, a, b)]
        act = claim_act(lexicon, cues, low)
        if _ABOUT_MEETING.match(low, c.start):
            act = "statement"
        if act in ("statement", "state") and language.modal_request(subject, c.start, c.end):
            act = "request"
        out.append(
            replace(
                c,
                topics=tuple(seen),
                act=act,
                tone=tone_hits(lexicon, [m for a, b in regions for m in _inside(tones, a, b)]),
                negated=language.is_negated(subject[c.start : c.end]),
            )
        )
    return tuple(out)
