"""The verdict: the score with its reading, the counts behind it and the issues both
accounts raise."""

from __future__ import annotations

from ..model import BriefSentence
from ._base import PlannerBase

__all__ = ["VerdictPlanner"]


class VerdictPlanner(PlannerBase):
    """The verdict with its score."""

    def verdict(self) -> list[BriefSentence]:
        s = self.c.score
        verdict = s.verdict if self.lang == "en" else self.book.template(f"verdict.band.{s.band}")
        plan = "verdict.score" if self.c.comparable else "verdict.notcomparable"
        out = [
            self.sentence(
                "verdict",
                plan,
                self.fill(plan, value=str(s.value), verdict=verdict),
                score=s.value,
            )
        ]
        claims = [c for r in self.c.readings for c in r.claims]
        labels = [self.label(c) for c in claims]
        text = self.fill(
            "verdict.counts",
            n=str(len(claims)),
            k=str(labels.count("shared")),
            c=str(labels.count("conflict")),
        )
        out.append(self.sentence("verdict", "verdict.counts", text, score=s.value))
        a, b = self.sides
        common = [
            t
            for t in self.c.topics.get(a.id, ())
            if t in self.c.topics.get(b.id, ()) and self.lex.is_specific(t)
        ]
        if common:
            text = self.fill("verdict.topics", topics=self._topics(common, limit=8))
            refs = []
            for side in self.sides:
                refs += self.claim_refs(
                    side,
                    [next(c for c in side.reading.claims if t in c.topics) for t in common[:8]],
                )
            out.append(self.sentence("verdict", "verdict.topics", text, refs=refs, score=s.value))
        elif self.layout != "paragraph":
            out.append(
                self.sentence(
                    "verdict", "verdict.notopics", self.fill("verdict.notopics"), score=s.value
                )
            )
        return out
