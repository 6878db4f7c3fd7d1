"""Roles: which actors a claim names as the source, the target and the place of its event.

The actors are the mentions of the actor lexicon (``data/actors.tsv``), in Chinese also
the two parties of "中俄两国" (from their one-character names 中方, 俄方). Given the event
:mod:`readouts.coding` chose, the source is the subject of its clause (with the actors
joined to it by "and" / "、"), the agent after "by" / "被" in a passive, or the subject of
a leading reporting verb when the clause names none; for a request made with "should" /
"应" the subject is the target and the speaker the source. The target is the first actor
after the predicate (English), after a coverb (向, 对, 同, 与...) or the predicate
(Chinese); whom one meets is only the actor after "with" / 同 or the object of a meeting
verb. Who reports the event (", a newspaper said", "according to", "据") is neither.
The place is the first actor named after "in" / "在".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .lang import language_for
from .lang.roles import Predicate
from .lexicon import Lexicon, Match
from .plover import REPORT_FRAMES, Hit, near

__all__ = ["Predicate", "actor_mentions", "place_of", "source_and_target"]


def actor_mentions(
    text: str, lang: str, view: str, lexicon: Lexicon, start: int, end: int
) -> list[Match]:
    """The actor mentions in ``[start, end)``; in Chinese also the two parties of "中俄两国"."""
    every = lexicon.actor_matcher.find(text, lang, view)
    found: dict[tuple[int, int], Match] = {}
    for m in every[bisect_left(every, start, key=lambda m: m.start) :]:
        if m.start >= end:
            break
        if m.end <= end:
            found[(m.start, m.end)] = m
    for m in language_for(lang).roles().pairs(view, lexicon, start, end):
        found.setdefault((m.start, m.end), m)
    return sorted(found.values(), key=lambda m: m.start)


def source_and_target(
    text: str,
    lang: str,
    body: int,
    end: int,
    hits: Sequence[Hit],
    choice: Predicate,
    mentions: Sequence[Match],
) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    rules = language_for(lang).roles()
    p = choice.start
    # "表示强烈不满": a reporting verb right before the event is its verb, not a frame
    leading = [
        h
        for h in hits
        if h.frame in REPORT_FRAMES
        and body <= h.start
        and h.end <= p
        and not near(text, lang, h.end, p, 0, 4)
    ]
    frame = leading[-1] if leading else None
    s_from = frame.end if frame else body
    topics = rules.about(text, body, end)
    if topics:
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in topics)]
    subject = [m for m in mentions if s_from <= m.start and m.end <= p]
    before_frame = [m for m in mentions if body <= m.start and frame and m.end <= frame.start]
    frame_subject = rules.group(text, before_frame)
    stop = rules.trailing_end(text, hits, choice.end, end)
    after = [m for m in mentions if choice.end <= m.start and m.end <= stop]
    return rules.source_and_target(text, choice, s_from, subject, frame_subject, after, stop)


def place_of(
    text: str, lang: str, body: int, end: int, hits: Sequence[Hit], mentions: Sequence[Match]
) -> tuple[Match, ...]:
    """The first actor named as the place of the event ("in Haiti", "at a jail in East
    Timor's capital", "在东京"), outside any trailing attribution."""
    rules = language_for(lang).roles()
    stop = rules.trailing_end(text, hits, body, end)
    for m in mentions:
        if m.end <= stop and rules.place.search(text[max(body, m.start - 30) : m.start]):
            return (m,)
    return ()
