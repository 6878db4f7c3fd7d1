"""Claims: split sentences into the propositions they carry, and say who made each.

A claim is one thing said: a span of one sentence, with the frame it needs to be
read alone. How a sentence is cut and who speaks are the language's to say (see
:mod:`readouts.lang.en.cut` and :mod:`readouts.lang.zh.cut` for cutting: clauses,
coordinated verb phrases, list items; "应约" and "at the request of" stay with the
sentence they open and become a meeting fact; :mod:`readouts.lang.attribution` for
speakers).

Speakers: a claim's speaker is the subject of its reporting verb ("Wang Yi said",
"王毅表示", "the two sides agreed", "双方同意"); pronouns and bare titles ("He",
"the Secretary General") resolve to the last person named or the holder of that
title; reported speech carries on over the following sentences of a paragraph; a
piece with no subject of its own keeps the speaker of the piece before it; otherwise
the issuer speaks in its own voice (the narrator).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .lang import language_for
from .lexicon import Lexicon, default_lexicon
from .model import Account, Claim, Sentence

__all__ = ["extract_claims"]


def extract_claims(
    account: Account,
    sentences: Sequence[Sentence],
    lexicon: Lexicon | None = None,
    view: str | None = None,
) -> tuple[Claim, ...]:
    """The claims of an account, in text order, one per proposition, none overlapping
    another (a list item's frame and tail may be shared)."""
    lexicon = lexicon or default_lexicon()
    language = language_for(account.language)
    text = account.text
    view = language.view(text, view)
    mentions = lexicon.actor_matcher.find(text, account.language, view)
    attributor = language.attributor(account, lexicon, view, mentions)
    persons = [m for m in mentions if lexicon.actors[m.id].kind == "person"]
    issues = [
        (m.start, m.end, m.id)
        for m in lexicon.topic_matcher.find(text, account.language, view)
        if lexicon.is_specific(m.id)
    ]
    cut = language.cutter(text, view, mentions, persons, issues)
    per_paragraph = Counter(s.paragraph for s in sentences)
    claims: list[Claim] = []
    for sentence in sentences:
        if _not_a_point(view, sentence, per_paragraph[sentence.paragraph] == 1):
            continue
        pieces = cut(sentence.start, sentence.end)
        if not pieces:
            continue
        speakers = attributor.speaker_for(
            sentence, [(p.start, p.end) for p in pieces], [p.frame[0] >= 0 for p in pieces]
        )
        for p, speaker in zip(pieces, speakers, strict=True):
            claims.append(
                Claim(
                    id=f"{account.id}:c{len(claims) + 1}",
                    account_id=account.id,
                    sentence=sentence.index,
                    start=p.start,
                    end=p.end,
                    speaker=speaker,
                    frame_start=p.frame[0],
                    frame_end=p.frame[1],
                    tail_start=p.tail[0],
                    tail_end=p.tail[1],
                )
            )
    return tuple(claims)


_ENDS_SENTENCE = ".!?。！？…"
_CLOSING = "\"'”’」』）)"
_ANNOUNCES = re.compile(r"(?:as follows|the following statement|如下)\W*$", re.I)


def _not_a_point(view: str, sentence: Sentence, alone: bool) -> bool:
    """Is the sentence no point at all: a list number ("2."), a headline (a first paragraph
    of one sentence with no full stop: "PM meeting with President Biden: 13 September"),
    or a line that only announces what follows ("issued the following statement:")?
    ``alone``: the sentence is its paragraph's only one."""
    body = view[sentence.start : sentence.end].strip()
    if not re.search(r"[A-Za-z\u4e00-\u9fff]", body):
        return True
    if not alone:
        return False
    if sentence.index == 0 and body.rstrip(_CLOSING)[-1:] not in _ENDS_SENTENCE:
        return True
    return body.endswith((":", "：")) or bool(_ANNOUNCES.search(body))
