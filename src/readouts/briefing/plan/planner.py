"""The planner: one brief from one comparison, part by part.

``brief(comparison, lang="en")`` plans the note once from the comparison's structured
result: a short call (ten or fewer sentences of claims, not counting the one reporting the
meeting) gets one paragraph; a longer meeting gets a
paragraph under each heading (the meeting, what each side says, what both report, where
they clash, what each leaves out, the tone, the verdict) and more quotations. The same
comparison always gives the same note.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import ConfigError
from ...lexicon import Lexicon, default_lexicon
from ...model import Comparison
from .._wording import possessive
from ..model import Brief, Section
from ..phrases import LANGS
from ..versions import SideVersion
from .accounts import AccountsPlanner
from .common import CommonGroundPlanner
from .meeting import MeetingPlanner
from .omissions import OmissionsPlanner
from .tone import TonePlanner
from .verdict import VerdictPlanner

__all__ = ["Planner", "brief"]


class Planner(
    MeetingPlanner,
    AccountsPlanner,
    CommonGroundPlanner,
    OmissionsPlanner,
    TonePlanner,
    VerdictPlanner,
):
    """Plans and phrases one brief: the parts of the note, put together."""

    def plan(self) -> Brief:
        title = self.title()
        dek = self.dek()
        meeting = self.meeting()
        sections: list[Section] = []
        if self.layout == "paragraph":
            sentences = [*meeting, *self.shared(), *self.clashes()]
            for side in self.sides:
                sentences += self.omissions(side)
            sentences += self.tone()
            sentences += self.verdict()
            sections.append(Section("note", "", tuple(sentences)))
        else:
            sections.append(Section("meeting", self.fill("head.meeting"), tuple(meeting)))
            for side in self.sides:
                says = self.says(side)
                if says:
                    heading = self.fill(
                        "head.says", name_poss=possessive(side.name), short=side.short
                    )
                    sections.append(Section(f"says_{'ab'[side.index]}", heading, tuple(says)))
            for sid, key, sentences_ in (
                ("shared", "head.shared", self.shared()),
                ("clash", "head.clash", self.clashes()),
                ("omits", "head.omits", [s for side in self.sides for s in self.omissions(side)]),
                ("tone", "head.tone", self.tone()),
                ("verdict", "head.verdict", self.verdict()),
            ):
                if sentences_:
                    sections.append(Section(sid, self.fill(key), tuple(sentences_)))
        accounts = tuple(
            {
                "id": s.id,
                "party": s.party,
                "language": s.reading.account.language,
                "name": s.acc,
            }
            for s in self.sides
        )
        warnings = tuple(
            {"code": w.code, "text": self.fill(f"warning.{w.code}", message=w.message)}
            if self.book.has(f"warning.{w.code}")
            else {"code": w.code, "text": w.message}
            for w in self.c.warnings
        )
        versions = tuple(
            {"id": v.id, "of": v.of, "language": v.reading.account.language}
            for v in self.versions.values()
        )
        return Brief(
            lang=self.lang,
            layout="paragraph" if self.layout == "paragraph" else "sections",
            title=title,
            dek=dek,
            sections=tuple(sections),
            accounts=accounts,
            score={
                "value": self.c.score.value,
                "band": self.c.score.band,
                "comparable": self.c.comparable,
            },
            warnings=warnings,
            versions=versions,
        )


def brief(
    comparison: Comparison,
    lang: str = "en",
    *,
    lexicon: Lexicon | None = None,
    versions: Sequence[SideVersion] = (),
) -> Brief:
    """The analyst's note on a comparison, in English (``en``) or Chinese (``zh``).

    ``versions`` are the sides' own versions in other languages
    (:func:`readouts.briefing.side_version`): a point of an account in the other language
    than the note's is quoted in the side's version in the note's language, the original
    beside it."""
    if lang not in LANGS:
        raise ConfigError(f"unknown brief language {lang!r}; choose from {', '.join(LANGS)}")
    return Planner(comparison, lang, lexicon or default_lexicon(), versions).plan()
