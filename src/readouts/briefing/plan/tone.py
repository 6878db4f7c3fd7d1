"""Tone: the words each side chose for the talks, its strongest word of concern or
protest, and the signals it sends (a red line, "closely following", an old friend);
where an account has no such words, a sentence says so."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Claim, ToneHit
from .._wording import join_list, spell_number
from ..classify import talk_hits
from ..model import BriefSentence, Quote, Ref
from ._base import PlannerBase, Side

__all__ = ["TonePlanner"]


class TonePlanner(PlannerBase):
    """The tone words each side chose."""

    def _words(self, side: Side, hits: Sequence[ToneHit], quotes: list[Quote]) -> str:
        """Quoted tone words, adjacent ones merged ("积极和建设性"), glossed when the
        account's language is not the note's."""
        text = self._text(side)
        groups: list[list[ToneHit]] = []
        for h in sorted(hits, key=lambda h: h.start):
            gap = text[groups[-1][-1].end : h.start] if groups else ""
            if (
                groups
                and h.start >= groups[-1][-1].end
                and len(gap) <= 6
                and not any(ch in gap for ch in ".。;；")
            ):
                groups[-1].append(h)
            else:
                groups.append([h])
        parts = []
        shown: set[str] = set()
        warmth = {t.id: t.valence for t in self.lex.tone.values()}
        groups.sort(key=lambda g: -max(warmth.get(h.term, 0) for h in g))  # warmest first
        for g in groups:
            if {h.term for h in g} <= shown:
                continue
            shown |= {h.term for h in g}
            q = self.quote(side, g[0].start, g[-1].end, quotes, point=False)
            if side.reading.account.language != self.lang:
                glosses = []
                for h in g:
                    term = self.lex.tone.get(h.term)
                    if term is None:
                        continue
                    words = term.terms_en if self.lang == "en" else term.terms_zh
                    if words and words[0] not in glosses:
                        glosses.append(words[0])
                if glosses:
                    sep = ", " if self.lang == "en" else "、"
                    q += (
                        f" ({sep.join(glosses)})"
                        if self.lang == "en"
                        else f"（{sep.join(glosses)}）"
                    )
            parts.append(q)
        return "、".join(parts) if self.lang == "zh" else join_list(parts, self.lang)

    def tone(self) -> list[BriefSentence]:
        out = []
        talk = [(side, talk_hits(side.reading)) for side in self.sides]
        silent = [side for side, found in talk if not found]
        for side, found in talk:
            if not found:
                continue
            quotes: list[Quote] = []
            hits = [h for _, hs in found for h in hs][:4]
            words = self._words(side, hits, quotes)
            both = all(c.speaker.kind == "both" for c, _ in found)
            plan = "tone.talks.both" if both else "tone.talks"
            text = self.fill(plan, acc=side.acc, words=words)
            refs = [self._tone_ref(side, h) for h in hits]
            refs += self.claim_refs(side, [c for c, _ in found])
            out.append(self.sentence("tone", plan, text, source=side.id, refs=refs, quotes=quotes))
        out += self._absent("tone.none", silent)
        quiet = []
        for side in self.sides:
            ladder = [h for h in side.reading.tone if h.category == "ladder" and h.rung > 0]
            if not ladder:
                quiet.append(side)
                continue
            top = max(h.rung for h in ladder)
            hit = next(h for h in ladder if h.rung == top)
            quotes = []
            words = self._words(side, [hit], quotes)
            rung = spell_number(top, self.lang)
            text = self.fill("tone.ladder", acc=side.acc, words=words, rung=rung)
            refs = [self._tone_ref(side, hit)]
            out.append(
                self.sentence("tone", "tone.ladder", text, source=side.id, refs=refs, quotes=quotes)
            )
        out += self._absent("tone.noladder", quiet)
        for side in self.sides:
            signals: dict[str, list[tuple[ToneHit, Claim]]] = {}
            for h in side.reading.tone:
                claim = next((c for c in side.reading.claims if c.start <= h.start < c.end), None)
                if h.category == "signal" and claim is not None:
                    held = signals.setdefault(h.term, [])
                    if claim not in [c for _, c in held]:
                        held.append((h, claim))
            for term, pairs in signals.items():
                plan = f"tone.signal.{term}"
                if not self.book.has(plan):
                    continue
                quotes = []
                qs = [self._claim_quote(side, c, quotes) for _, c in pairs[:2]]
                refs = [self._tone_ref(side, h) for h, _ in pairs[:2]]
                refs += self.claim_refs(side, [c for _, c in pairs[:2]])
                text = self.fill(plan, acc=side.acc, words=self._quotes_list(qs))
                out.append(
                    self.sentence("tone", plan, text, source=side.id, refs=refs, quotes=quotes)
                )
        return out

    def _tone_ref(self, side: Side, hit: ToneHit) -> Ref:
        return self._ref(side, "tone", (hit.start, hit.end), hit.term)

    def _absent(self, plan: str, sides: Sequence[Side]) -> list[BriefSentence]:
        """ "X uses no ..." for one account, "Neither account uses ..." for both (the short
        layout says only the latter)."""
        if len(sides) == 2:
            text = self.fill(f"{plan}.both")
            return [self.sentence("tone", f"{plan}.both", text, absent_in=[s.id for s in sides])]
        if self.layout == "paragraph":
            return []
        return [
            self.sentence("tone", plan, self.fill(plan, acc=s.acc), absent_in=[s.id]) for s in sides
        ]
