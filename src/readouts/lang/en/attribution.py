"""English attribution: the subject before a reporting verb ("Wang Yi said", "On December
25, Mr. IWAYA Takeshi, Minister for Foreign Affairs, met"), a parenthetical ", Wang Yi
said,", groups named by number ("the two leaders"), and unknown capitalised names (see
:mod:`readouts.lang.attribution`)."""

from __future__ import annotations

import re

from ...lexicon import Lexicon
from ...model import Speaker
from ..attribution import Attributor, Mentions
from . import BOTH_SIDES, PERSON_PRONOUNS, REPORTING_VERBS, SPEECH_VERBS, TITLES
from .cut import clause_subject, tokens

__all__ = ["EnglishAttributor"]

_REPORTING = frozenset(REPORTING_VERBS)
_ADVERBS = frozenset(
    [
        "also",
        "further",
        "again",
        "then",
        "both",
        "once",
        "repeatedly",
        "still",
        "jointly",
        "all",
        "together",
        "separately",
    ]
)
_SUBJECT_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "two",
        "both",
        "side",
        "sides",
        "leaders",
        "leader",
        "presidents",
        "president",
        "heads",
        "state",
        "his",
        "her",
        "their",
        "its",
        "our",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "dr",
        "dr.",
    ]
)
_EN_BOTH = tuple(sorted(BOTH_SIDES, key=len, reverse=True))
_EN_TITLES = tuple(sorted(TITLES, key=len, reverse=True))
_SUBJECT_TOKEN = re.compile(r"[\w'’.-]+")
_EN_GROUP = re.compile(
    r"(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+|all)\s+"
    r"(?:leaders|ministers|sides|presidents|countries|parties|delegations|heads of state|"
    r"heads of government|foreign ministers|prime ministers|officials|partners|defense chiefs|"
    r"defence chiefs|secretaries)"
)
_NAME_PARTICLES = frozenset(
    "von der de del della van den bin bint ibn al el la le da dos das du di y".split()
)
_SUBJECT_ALLOWED = _SUBJECT_WORDS | PERSON_PRONOUNS | {"they", "we", "it"} | _NAME_PARTICLES


def _party_near(lexicon: Lexicon, mentions: Mentions, start: int, end: int) -> str:
    for m in mentions.starting_in(start, end):
        actor = lexicon.actors.get(m.id)
        if actor and actor.kind != "person":
            return actor.party
    return ""


class EnglishAttributor(Attributor):
    titles = _EN_TITLES
    pronouns = tuple(PERSON_PRONOUNS)
    both_phrases = _EN_BOTH

    def _title_before(self, before: str) -> str:
        return before.lower().rstrip()

    def _group(self, subject: str, low: str, start: int, end: int) -> Speaker | None:
        if _EN_GROUP.fullmatch(low):
            return Speaker(name=low, kind="both", start=start, end=end)
        return None

    def _unknown_name(self, subject: str, start: int, end: int) -> Speaker | None:
        if re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+", subject):
            # an unknown name: take the party from the title run or apposition around it
            party = _party_near(self.lexicon, self.mentions, max(0, start - 80), end + 120)
            return Speaker(name=subject, kind="person", party=party, start=start, end=end)
        return None

    def _subject_shape(self, subject: str) -> bool:
        words = _SUBJECT_TOKEN.findall(subject)
        return all(w[0].isupper() or w.lower() in _SUBJECT_ALLOWED or w[0].isdigit() for w in words)

    def frame(self, start: int, end: int) -> tuple[Speaker | None, bool]:
        text = self.account.text
        toks = tokens(text, start, end)
        for i, (_, _, w) in enumerate(toks[:30]):
            lw = w.lower().rstrip(".")
            verb = lw in _REPORTING or (lw.endswith("ed") and len(lw) > 4 and i > 0)
            if not verb or not w[0].islower():
                continue
            j = i
            while j > 0 and (
                toks[j - 1][2].lower() in _ADVERBS or toks[j - 1][2].lower().endswith("ly")
            ):
                j -= 1
            subj_end = toks[j][0]
            # the subject is the nearest comma-delimited stretch before the verb that names
            # someone: "On December 25, Mr. IWAYA Takeshi, Minister for Foreign Affairs, met"
            bounds = [start, *(k + 1 for k in range(start, subj_end) if text[k] == ",")]
            found = None
            for seg_start in reversed(bounds):
                seg_end = subj_end if seg_start == bounds[-1] else text.find(",", seg_start)
                raw = text[seg_start:seg_end]
                lead = re.match(
                    r"\s*(?:(?:and|but|however|while|together|today|also|then)\b[,\s]*)*",
                    raw,
                    re.I,
                )
                s0 = seg_start + (lead.end() if lead else 0)
                e0 = seg_end
                while e0 > s0 and text[e0 - 1].isspace():
                    e0 -= 1
                if s0 < e0:
                    found = self.resolve(s0, e0)
                    if found is not None:
                        break
            if found is None:
                continue
            return found, lw in SPEECH_VERBS
        # a parenthetical ", Wang Yi said," inside the piece
        m = re.search(r",\s+([^,]{2,40}?)\s+(said|added|noted|stressed)\s*,", text[start:end])
        if m:
            sp = self.resolve(start + m.start(1), start + m.end(1))
            if sp is not None:
                return sp, True
        return None, False

    def subject(self, start: int, end: int) -> Speaker | None:
        """The subject of a piece that opens with one ("The two sides went on to ...",
        "The U.S. side was willing to ...")."""
        text = self.account.text
        low = text[start:end].lower()
        for phrase in _EN_BOTH:
            if low.startswith(phrase + " ") and phrase not in ("both", "they", "the two"):
                return Speaker(name=phrase, kind="both", start=start, end=start + len(phrase))
        subject_end = clause_subject(text, start, end, self.mentions.overlapping(start, end))
        if subject_end > start and text[start:subject_end].lower() not in (
            "he",
            "she",
            "it",
            "we",
            "they",
        ):
            return self.resolve(start, subject_end)
        return None
