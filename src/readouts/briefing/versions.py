"""A side's own version in the note's language, and gists where it has none.

With ``readouts brief --side china:mfa_zh.txt,mfa_en.txt`` the comparison reads the
side's first account (the Chinese original); an English note then quotes the side's own
English version of each point, with the Chinese original beside it. Where a side has no
version in the note's language, an English note gives a gist of each Chinese claim it
quotes, made only from what readouts knows of the claim (who speaks, the speech act, the
issues, the parties and people named, the numbers) and marked as a gist, never as a
translation.

:func:`side_version` maps each claim of the original to the span of the version that says
the same (the sentence alignment of :func:`readouts.drifts.drift` and the claim grouping
of :func:`readouts.multi.group_claims`); :func:`gist` writes the gist of claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..embed import Embedder, default_embedder
from ..lang import text_view
from ..lexicon import Lexicon
from ..model import Claim, Reading

__all__ = ["SideVersion", "gist", "side_version"]


@dataclass(frozen=True)
class SideVersion:
    """A side's version of its account in another language.

    ``of`` is the id of the account compared (the original), ``reading`` the version, and
    ``spans`` maps each claim of the original to the span of the version that says the
    same; a claim with no counterpart in the version is absent.
    """

    of: str
    reading: Reading
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.reading.account.id

    def span_of(self, claims: Sequence[Claim]) -> tuple[int, int] | None:
        """The version's span for these claims of the original (in order), or None when
        one of them has no counterpart or the counterparts lie far apart."""
        spans = [self.spans.get(c.id) for c in claims]
        if not spans or any(s is None for s in spans):
            return None
        start = min(s[0] for s in spans if s)
        end = max(s[1] for s in spans if s)
        sentences = [x for x in self.reading.sentences if x.start < end and start < x.end]
        return (start, end) if len(sentences) <= 2 else None


def side_version(
    original: Reading,
    version: Reading,
    lexicon: Lexicon,
    embedder: Embedder | None = None,
) -> SideVersion:
    """The version of ``original`` in another language, with each claim of the original
    mapped to the version's words for it. When the two texts are not versions of one
    statement (``Drift.warning``), no claim is mapped."""
    from ..drifts import drift
    from ..multi import group_claims

    embedder = embedder or default_embedder()
    d = drift(original, version, lexicon=lexicon, embedder=embedder)
    if d.warning:
        return SideVersion(original.account.id, version)
    key = (original.account.id, version.account.id)
    groups = group_claims([original, version], {key: d}, lexicon, embedder)
    theirs = {c.id: c for c in version.claims}
    spans: dict[str, tuple[int, int]] = {}
    for group in groups:
        mine = [cid for cid in group if cid not in theirs]
        matched = [theirs[cid] for cid in group if cid in theirs]
        if not mine or not matched:
            continue
        span = (min(c.start for c in matched), max(c.end for c in matched))
        for cid in mine:
            spans[cid] = span
    return SideVersion(original.account.id, version, spans)


def _speaker(claim: Claim, reading: Reading, lexicon: Lexicon) -> str:
    sp = claim.speaker
    if sp.kind == "both":
        return "both sides"
    person = lexicon.person_named(sp.name)
    if person is not None:
        return person.name
    if sp.party and sp.party in lexicon.actors:
        return lexicon.actors[sp.party].name
    if sp.kind == "narrator":
        party = reading.account.party
        return lexicon.party_name(party) if party else "the account"
    return sp.name


def gist(claims: Sequence[Claim], reading: Reading, lexicon: Lexicon) -> str:
    """What readouts knows of some claims, in English: who speaks and how (the speech
    act), on what issues, naming whom, with which numbers. No quotation marks, and no
    word of the claims translated."""
    from ..quantities import numbers
    from .phrases import phrasebook

    issue_names = phrasebook("en").topics
    text = reading.account.text
    view = text_view(text, reading.account.language)
    fields: dict[str, dict[str, None]] = {
        k: {} for k in ("speaker", "act", "issues", "names", "numbers")
    }
    for claim in claims:
        who = _speaker(claim, reading, lexicon)
        fields["speaker"][who] = None
        act = lexicon.acts.get(claim.act)
        if act is not None and claim.act not in ("state", "statement"):
            fields["act"][act.label_en + (", negated" if claim.negated else "")] = None
        elif claim.negated:
            fields["act"]["negated"] = None
        for t in claim.topics:
            if t in lexicon.topics:
                fields["issues"][issue_names.get(t) or lexicon.topics[t].label_en] = None
        for m in lexicon.actor_matcher.find(
            text[claim.start : claim.end], reading.account.language, view[claim.start : claim.end]
        ):
            name = lexicon.actors[m.id].name
            if name != who:
                fields["names"][name] = None
        for n in numbers(view[claim.start : claim.end], reading.account.language):
            if n.strong:  # a number said as one, not 一次 "once"
                fields["numbers"][n.value.replace("date:", "date ")] = None
    return "; ".join(
        f"{key}: {', '.join(list(values)[:6])}" for key, values in fields.items() if values
    )
