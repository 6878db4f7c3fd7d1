"""Tag: give each claim its topics, speech act, tone words and polarity, from the lexicons.

One pass of each lexicon's matcher over the whole account; matches are then handed
to the claims they fall in. English is matched on the text, Chinese on its
simplified view (same offsets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .lang import zh
from .lexicon import Lexicon, Match, default_lexicon
from .model import Account, Claim, ToneHit

__all__ = ["claim_act", "is_negated", "tag_claims", "tone_hits"]

_EN_NEG = re.compile(
    r"(?<![\w-])(?:not|never|no|nor|neither|cannot|none|without)(?![\w-])|n['’]t\b", re.I
)
# Chinese words with 不/无/非/未 that are not negations
_ZH_NOT_NEG = (
    "不断",
    "不仅",
    "不少",
    "不同",
    "不久",
    "不管",
    "不论",
    "不过",
    "无论",
    "非常",
    "不但",
    "不得不",
    "无不",
    "未来",
    "莫斯科",
    "无法挽回",
    "不可或缺",
    "毫不动摇",
    "非洲",
    "并非",
)
_ZH_NEG = re.compile("|".join(sorted(zh.NEGATIONS, key=len, reverse=True)) + "|并非")
# cue matches that do not carry the act: "issues of mutual concern" is not an expression of concern
_ACT_EXCEPTIONS = {
    "express_concern": re.compile(r"(mutual|common|shared)\s+concern|共同关心|共同关切|关心的"),
    "request": re.compile(r"\b(should|must)\s+(also\s+)?(be\s+)?(noted|said)\b"),
}


def is_negated(text: str, language: str) -> bool:
    """Does the text carry a negation (of its own, not inside a fixed phrase)?"""
    if language == "zh":
        masked = text
        for word in _ZH_NOT_NEG:
            masked = masked.replace(word, "＿" * len(word))
        return bool(_ZH_NEG.search(masked))
    return bool(_EN_NEG.search(text))


def _inside(matches: Sequence[Match], start: int, end: int) -> list[Match]:
    return [m for m in matches if start <= m.start and m.end <= end]


def claim_act(lexicon: Lexicon, cues: Sequence[Match], subject: str) -> str:
    """The speech act of a claim: the act with the lowest priority among its cues."""
    best = None
    for m in cues:
        act = lexicon.acts.get(m.id)
        if act is None:
            continue
        rule = _ACT_EXCEPTIONS.get(act.id)
        if rule is not None and rule.search(subject[max(0, m.start - 20) : m.end + 5]):
            continue
        if best is None or act.priority < best.priority:
            best = act
    return best.id if best else "statement"


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
    subject = view if (lang == "zh" and view is not None) else account.text
    topics = lexicon.topic_matcher.find(account.text, lang, subject)
    acts = lexicon.act_matcher.find(account.text, lang, subject)
    tones = lexicon.tone_matcher.find(account.text, lang, subject)
    low = subject if lang == "zh" else subject.lower()
    out = []
    for c in claims:
        seen: dict[str, None] = {}
        for m in _inside(topics, c.start, c.end):
            seen.setdefault(m.id, None)
        if c.frame_start >= 0:
            for m in _inside(topics, c.frame_start, c.frame_end):
                seen.setdefault(m.id, None)
        out.append(
            replace(
                c,
                topics=tuple(seen),
                act=claim_act(
                    lexicon,
                    _inside(acts, c.start, c.end)
                    + (_inside(acts, c.frame_start, c.frame_end) if c.frame_start >= 0 else []),
                    low,
                ),
                tone=tone_hits(lexicon, _inside(tones, c.start, c.end)),
                negated=is_negated(subject[c.start : c.end], lang),
            )
        )
    return tuple(out)
