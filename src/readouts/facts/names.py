"""Who met whom, in English: the meeting sentence, its subject and its object.

The meeting sentence is the first sentence (of the first few) with a meeting verb: "met
(today) with", "spoke with", "held a call with", "hosted", "welcomed", "convened". Its
subject names the *principals*; the object of the verb ("with X") names the
*counterparts*. Names come from the actors lexicon when it knows them, else from title
patterns ("Prime Minister Petr Fiala of the Czech Republic", "Akiba Takeo, Secretary
General of ..."); groups ("county elected officials") are kept as written. The word lists
are in :mod:`.words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence
from ._base import MEETING_WINDOW, Party, ReaderBase
from .dates import EN_DATE
from .request import EN_INVITE, EN_REQUEST
from .words import (
    FUNCTION_WORDS,
    GROUP_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    TITLE_WORDS,
)

__all__ = ["EnglishNames"]

_EVENT_NOUNS = (
    r"call|calls|meeting|meetings|conversation|discussion|discussions|roundtable|roundtables|"
    r"videoconference|video\s+conference|talks|dialogue|session|summit|bilateral|briefing|"
    r"exchange|consultations?|convening|forum|panel|reception|dinner|lunch|breakfast|event|"
    r"workshop|symposium|conference|celebration|ceremony|town\s+hall|webinar|listening\s+session"
)
_EN_MEETING = re.compile(
    # verb + with/to: "met (today) with", "spoke by phone with", "spoke to President X"
    r"\b(?P<v1>met|meets|spoke|speaks|talked|talks|conferred|consulted|visited\s+with)"
    r"(?P<mods>(?:\s+(?!with\b|to\b)[\w’'.,-]+){0,8}?)\s+"
    r"(?:with|to(?=\s+(?:the\s+|his\s+|her\s+|their\s+)?(?-i:[A-Z])))\s+"
    # held/had/convened a call|meeting with
    r"|\b(?P<v2>held|holds|had|has|convened|hosted|joined|led|co-?chaired|chaired|"
    r"participated\s+in)\s+(?:a|an|the|their|his|her|its|two|separate)?\s*"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?P<noun>{_EVENT_NOUNS})"
    r"(?:\s+of\s+|(?:[\s,]+(?!with\b|to\b)[\w’'.-]+){0,12}?[\s,]+with\s+)"
    # transitive verbs: "called X", "hosted X", "welcomed X to", "received X", "convened X"
    r"|\b(?P<v3>called|calls|hosted|hosts|welcomed|welcomes|received|receives|convened|"
    r"convenes|joined|joins|visited|visits)\s+(?:and\s+(?-i:[a-z]+ed)\s+)?"
    rf"(?!(?:a|an|the|two|three|several|separate|its|his|her|their)\s+(?:[\w’'-]+\s+){{0,8}}?"
    rf"(?:{_EVENT_NOUNS})\b)"
    r"(?!on\b|for\b|to\b|in\b|by\b|with\b|that\b|upon\b|today\b|the\s+(?:release|news|"
    r"announcement|passage|decision|progress|efforts?|commitment)\b)"
    # passive: "The President was briefed by X"
    r"|\b(?P<v4>(?:was|were)\s+(?:briefed|hosted|received|welcomed|visited|called)\s+by)\s+"
    # intransitive: "President Biden and Amir Tamim of Qatar spoke to reaffirm ..."
    r"|\b(?P<v0>spoke|met|talked|meet|speak)(?=\s+(?:today|yesterday|by\s+(?:phone|telephone)|"
    r"on\b|in\b|to\s+(?-i:[a-z])|this\b|virtually|for\b|again\b)|[.,;])",
    re.I,
)
_EN_STOP = re.compile(
    r"\s+to\s+(?!the\s+[A-Z](?!hite\s+House))|\s+to\s+the\s+White\s+House"
    r"|\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+"
    r"(?:week|night)|earlier\s+(?:today|this\s+week))\b"
    r"|\s+(?:on|in|at|about|regarding|concerning|during|ahead|before|after|following|as|via|"
    r"who|which|where|when|while|because|since|amid|through|over|under|and\s+then|"
    r"whom|whose|by\s+(?:phone|telephone|video)|engaged|working|representing|including|"
    r"serving|advancing|focused|involved|that|whose)\b"
    r"|\s+for\s+(?=[a-z])|\s+and\s+(?=(?:also\s+)?[a-z]+ed\b|discussed\b|thanked\b|spoke\b)"
    r"|\s+(?:–|—|-{2})\s*|—|;|:\s|,\s+(?=[a-z]+ing\b)|,\s+(?:and\s+)?(?=(?:who|which|where|to|as|in|on|"
    r"during|after|following|including|marking|both|each|while|with|the\s+(?:two|leaders)|"
    r"a|an)\b)",
)
_EN_LIST_SEP = re.compile(
    r"(?:,\s+(?:and|&)\s+|\s+(?:and|&)\s+|,\s+|;\s+)(?!(?:Jr|Sr|II|III|IV)\b)"
)
_EN_INTRO = re.compile(
    r"(?:Today|Yesterday|Tonight|Earlier|Later|This|Last|On|In|At|During|Over|Following|After|"
    r"Before|Throughout|Since|As|While|Prior|Separately|Additionally|Also|Meanwhile|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_TOKEN = re.compile(r"[\w’'.-]+")
_ACRONYM = re.compile(
    r"(?!(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\b)(?:(?:[A-Z]\.){2,}|[A-Z]{2,}[A-Z&-]*)"
)


class EnglishNames(ReaderBase):
    """How the reader finds people, groups and sides in an English account."""

    def _strip_affiliation(self, start: int, end: int) -> tuple[int, str]:
        """Split "... of Qatar" / "... of the Czech Republic" off the end of a name."""
        piece = self.text[start:end]
        m = re.search(
            r"\s+of\s+(?:the\s+)?((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|and|the))*"
            r"(?:\s*\([A-Z.]+\))?)\s*$",
            piece,
        )
        if not m:
            return end, ""
        before = _TOKEN.findall(piece[: m.start()])
        if not before or before[-1].lower() in TITLE_WORDS or before[-1][0].islower():
            return end, ""  # "Secretary of Veterans Affairs X": the "of" is part of a title
        return start + m.start(), m.group(1)

    def _person_en(self, start: int, end: int, default_party: str = "") -> Party | None:
        """One person, group or side named by text[start:end]."""
        text = self.text
        while start < end and text[start] in " ,;":
            start += 1
        while end > start and text[end - 1] in " ,;":
            end -= 1
        if start >= end:
            return None
        piece = text[start:end]
        found = self._mentions(start, end)
        persons = [m for m in found if self.lexicon.actors[m.id].kind == "person"]
        core_end, affiliation = self._strip_affiliation(start, end)
        party = self._party_in(start, end)
        before = text[start : persons[-1].start].split() if persons else []
        if (
            persons
            and " " not in text[persons[-1].start : persons[-1].end].strip()
            and before
            and before[-1][:1].isupper()
            and before[-1].lower() not in TITLE_WORDS
        ):
            persons = []  # "Taoiseach Simon Harris": not the Harris the lexicon knows
        if persons:
            m = persons[-1]
            actor = self.lexicon.actors[m.id]
            name_start = m.start
            for t in _TOKEN.finditer(text, m.start, m.end):
                if t.group(0).lower() not in TITLE_WORDS:
                    break
                name_start = t.end()  # "President Xi": the title is part of the match
            while name_start < m.end and text[name_start].isspace():
                name_start += 1
            role = re.sub(r"^(?:the|and)\s+", "", text[start:name_start].strip(" ,"))
            return Party(
                actor.name,
                role,
                actor.party,
                affiliation,
                "person",
                start=start,
                end=end,
                name_start=name_start,
            )
        toks = [
            (t.start() + start, t.end() + start, t.group(0))
            for t in _TOKEN.finditer(text[start:core_end])
            if not (
                text[t.start() + start - 1 : t.start() + start] == "("
                and _ACRONYM.fullmatch(t.group(0))
            )
        ]
        if not toks:
            return None
        first, last = toks[0][2], toks[-1][2]
        if last.lower() in ("him", "her", "them", "counterparts", "counterpart"):
            return None
        sides = [m for m in found if self.lexicon.actors[m.id].kind != "person"]
        if (
            (last[0].islower() and last.lower() not in NAME_PARTICLES)
            or GROUP_HEADS.fullmatch(last)
            or (first[0].islower() and GROUP_HEADS.fullmatch(first))
        ):
            kind = "side" if sides and len(toks) <= 3 else "group"  # "the Chinese side"
            return Party(
                piece, "", party, affiliation, kind, start=start, end=end, name_start=start
            )
        # the name: the run of capitalised words at the end that holds no title word
        i = len(toks)
        while i > 0:
            w = toks[i - 1][2]
            lw = w.lower()
            if lw in TITLE_WORDS or (w[0].islower() and lw not in NAME_PARTICLES):
                break
            if _ACRONYM.fullmatch(w) or any(m.start <= toks[i - 1][0] < m.end for m in sides):
                break  # an acronym ("CARICOM"), a country or organisation ("Ukrainian", "Japan")
            if i >= 2 and toks[i - 2][2].lower() in FUNCTION_WORDS:
                i = len(toks) if i == len(toks) or toks[i - 2][2].lower() != "and" else i
                break  # "Office of Public Engagement": an organisation's name, not a person's
            i -= 1
        while i < len(toks) and toks[i][2].lower() in NAME_PARTICLES:
            i += 1
        if i == len(toks):
            # titles only ("the President of Guatemala", "His Highness"), or an organisation
            role = re.sub(r"^(?:the|and)\s+", "", piece)
            if not affiliation:
                of = re.search(r".*\bof\s+(?:the\s+)?([A-Z][^,]*)$", piece)
                if of and of.group(1).split()[0].lower() not in TITLE_WORDS:
                    affiliation = of.group(1)
            if sides and sides[-1].start == start and sides[-1].end == end:
                return Party(piece, "", party, "", "side", start=start, end=end, name_start=start)
            # "Minister of Foreign Affairs" names a person; "Office of the National Cyber
            # Director" and "the Dominican Republic" an organisation
            words = [t[2].lower() for t in toks if t[2].lower() != "the"]
            if (words and words[0] in ORG_HEADS) or not any(w in PERSON_TITLES for w in words):
                return Party(
                    piece, "", party, affiliation, "group", start=start, end=end, name_start=start
                )
            holder = (party or default_party) and self._holder(
                re.sub(r"\s+of\s+.*$", "", role), party or default_party
            )
            if holder:
                actor = self.lexicon.actors[holder]
                return Party(
                    actor.name,
                    role,
                    actor.party,
                    affiliation,
                    "person",
                    start=start,
                    end=end,
                    name_start=end,
                )
            return Party(
                "", role, party, affiliation, "title", start=start, end=end, name_start=end
            )
        name = text[toks[i][0] : toks[-1][1]]
        role = re.sub(r"^(?:the|and)\s+", "", text[start : toks[i][0]].strip(" ,"))
        return Party(
            name, role, party, affiliation, "person", start=start, end=end, name_start=toks[i][0]
        )

    def _people_en(self, start: int, end: int, default_party: str = "") -> list[Party]:
        """Split a phrase naming one or more people ("X, Y, and Z") into participants."""
        text = self.text
        piece = text[start:end]
        first = _TOKEN.match(piece)
        if first and first.group(0)[0].islower() and first.group(0) not in ("the", "and"):
            # "members of the Alabama, Louisiana, and Mississippi delegations": one group
            one = self._person_en(start, end, default_party)
            if one is not None and one.kind in ("group", "side"):
                return [one]
        bounds = [start]
        for m in _EN_LIST_SEP.finditer(piece):
            bounds.extend([start + m.start(), start + m.end()])
        bounds.append(end)
        parties: list[Party] = []
        for k in range(0, len(bounds), 2):
            a, b = bounds[k], bounds[k + 1]
            p = self._person_en(a, b, default_party)
            if p is None:
                continue
            prev = parties[-1] if parties else None
            if (
                p.kind == "group"
                and prev is not None
                and prev.kind == "person"
                and text[a:b].split()[0].lower() in PERSON_TITLES
                and text[a:b][:1].islower()
            ):
                # "Wang Yi, member of the Political Bureau ...": a lower-case apposition
                prev.role = f"{prev.role} and {p.name}" if prev.role else p.name
                prev.end = p.end
                continue
            elif (
                p.kind == "group"
                and prev is not None
                and (
                    prev.kind in ("group", "side")
                    or (
                        prev.kind == "person"
                        and text[p.end - 1 : p.end].islower()
                        and not any(
                            w.lower() in PERSON_TITLES
                            for w in _TOKEN.findall(text[prev.start : prev.end])
                        )
                    )
                )
            ):
                # "Israeli and Palestinian women leaders", "labor, and civil rights leaders"
                parties.pop()
                p = Party(
                    text[prev.start : p.end].strip(),
                    "",
                    prev.party or p.party,
                    "",
                    "group",
                    start=prev.start,
                    end=p.end,
                    name_start=prev.start,
                )
            elif p.kind == "title" and prev is not None and prev.kind == "title":
                # "Politburo Member, Director of ..., and Foreign Minister Wang Yi"
                prev.role = f"{prev.role}, {p.role}"
                prev.end = p.end
                continue
            elif (
                p.kind == "person"
                and not p.role
                and " " not in p.name
                and prev is not None
                and prev.affiliation
                and text[prev.end : p.start].strip() in ("and", "&", ", and")
            ):
                # "Prime Minister Rowley of Trinidad and Tobago"
                cut = text.rfind(" of ", prev.start, prev.end) + 4
                prev.affiliation = re.sub(r"^the\s+", "", text[cut : p.end])
                prev.end = p.end
                continue
            elif p.kind == "title" and prev is not None and prev.kind == "person":
                # "Akiba Takeo, Secretary General of ...": an apposition
                prev.role = f"{prev.role} and {p.role}" if prev.role else p.role
                prev.affiliation = prev.affiliation or p.affiliation
                prev.party = prev.party or p.party
                prev.end = p.end
                continue
            elif (
                p.kind == "person"
                and prev is not None
                and (
                    prev.kind == "title"
                    or (
                        prev.kind in ("group", "side")
                        and text[prev.end - 1 : prev.end].islower()
                        and not GROUP_HEADS.search(text[prev.start : prev.end])
                    )
                )
            ):
                # "the President of Guatemala, Alejandro Giammattei", "journalist and activist X"
                parties.pop()
                p.role = text[prev.start : p.name_start].strip(" ,")
                p.affiliation = p.affiliation or prev.affiliation
                p.party = p.party or prev.party
                p.start = prev.start
            parties.append(p)
        out = []
        for p in parties:
            if p.kind == "title":
                p.kind = "person"
            if p.name or p.role:
                out.append(p)
        return out

    def _clip_en(self, start: int, limit: int) -> int:
        pos = start
        while True:
            m = _EN_STOP.search(self.text, pos, limit)
            before = _TOKEN.findall(self.text[start : m.start()]) if m else []
            if (
                m
                and re.fullmatch(r"\s+(?:on|for)", m.group(0))
                and before
                and before[-1].lower() in ORG_HEADS
                and self.text[m.end() : m.end() + 2].strip()[:1].isupper()
            ):
                pos = m.end()  # "the Council on Supply Chain Resilience": part of a name
                continue
            break
        end = m.start() if m else limit
        # "(PRC)" after a name stays; an unclosed "(" does not
        if self.text.count("(", start, end) > self.text.count(")", start, end):
            end = self.text.find("(", start, end)
        while end > start and self.text[end - 1] in " ,":
            end -= 1
        if (
            end > start
            and self.text[end - 1] == "."
            and not re.search(
                r"(?:\b[A-Z]|Jr|Sr|Gen|Adm|Dr|Mr|Mrs|Ms|Co|Inc|Ltd|St)\.$", self.text[start:end]
            )
        ):
            end -= 1
        return end

    def meeting_en(self, sents: Sequence[Sentence]) -> tuple[Sentence | None, re.Match[str] | None]:
        for s in sents[:MEETING_WINDOW]:
            m = _EN_MEETING.search(self.text, s.start, s.end)
            if m:
                return s, m
        return None, None

    def _strip_intro(self, a: int, end: int) -> int:
        """Skip "Today, ", "On Saturday, December 9, ", "Today in Jeddah, " before a subject."""
        text = self.text
        while True:
            comma = text.find(",", a, end)
            if comma < 0:
                return a
            head = text[a:comma].strip()
            if (
                _EN_INTRO.match(head)
                or EN_DATE.fullmatch(head)
                or re.fullmatch(r"\d{4}", head)
                or re.match(r"(?:to|as|in|on|at|after|during|following|with|for)\s", head)
            ):
                a = comma + 1
                while a < end and text[a].isspace():
                    a += 1
                continue
            return a

    def subject_en(self, s: Sentence, verb_start: int) -> list[Party]:
        text = self.text
        a = self._strip_intro(s.start, verb_start)
        end = verb_start
        # trailing modifiers before the verb: "President Biden today", "X and Y also"
        tail = re.search(
            r"(?:\s+(?:today|yesterday|also|separately|jointly|together|both|again|virtually|"
            r"briefly|this\s+\w+|on\s+\w+day)|,)+\s*$",
            text[a:end],
            re.I,
        )
        if tail:
            end = a + tail.start()
        people = self._people_en(a, end, self.account.party)
        for p in people:
            p.position = "principal"
        return people

    def _named_before(self, s: Sentence, principals: Sequence[Party]) -> list[Party]:
        """ "At the request of X, Wang Yi held a video meeting with him": him is X."""
        taken = {p.name for p in principals}
        m = EN_REQUEST.search(self.text, s.start, s.end) or EN_INVITE.search(
            self.text, s.start, s.end
        )
        if m:
            g = next(g for g in ("who", "who2", "who3", "subject") if m.groupdict().get(g))
            found = [p for p in self._people_en(m.start(g), m.end(g)) if p.name not in taken]
            if found:
                return found
        out = []
        for mention in self._mentions(s.start, s.end):
            actor = self.lexicon.actors[mention.id]
            if actor.kind == "person" and actor.name not in taken:
                out.append(
                    Party(
                        actor.name,
                        "",
                        actor.party,
                        start=mention.start,
                        end=mention.end,
                        name_start=mention.start,
                    )
                )
                break
        return out

    def _resolve_pronouns(
        self, people: list[Party], sents: Sequence[Sentence], s: Sentence
    ) -> list[Party]:
        """ "She met with ...": the principal is the subject of the first sentence."""
        if not people or people[0].name.lower() not in ("he", "she", "they"):
            return people
        first = sents[0]
        if first.index >= s.index:
            return people
        a = self._strip_intro(first.start, first.end)
        verb = re.search(
            r"\s(?!(?:of|the|for|and|to|on|in|at|de|bin|al)\b)(?-i:[a-z]+)\b",
            self.text[a : first.end],
        )
        if verb is None:
            return people
        earlier = self._people_en(a, a + verb.start(), self.account.party)
        if not earlier:
            return people
        for p in earlier:
            p.position = "principal"
            p.party = p.party or self.account.party
        return earlier + people[1:]

    def participants_en(
        self, sents: Sequence[Sentence]
    ) -> tuple[list[Party], Sentence | None, re.Match[str] | None]:
        s, m = self.meeting_en(sents)
        if s is None or m is None:
            return [], None, None
        principals = self.subject_en(s, m.start())
        principals = self._resolve_pronouns(principals, sents, s)
        obj_start = m.end()
        end = self._clip_en(obj_start, s.end)
        others = self._people_en(obj_start, end) if end > obj_start and not m.group("v0") else []
        if not others and re.match(r"(?:him|her|them)\b", self.text[obj_start:end]):
            others = self._named_before(s, principals)
        for p in others:
            p.position = "counterpart"
        # "President Biden and Amir Tamim of Qatar spoke": the subject holds both sides
        if not others and len(principals) > 1:
            own = self.account.party
            split = [p for p in principals if p.party and own and p.party != own]
            if not split:
                split = [p for p in principals[1:] if p.affiliation]
            for p in split:
                p.position = "counterpart"
        for p in principals:
            if p.position == "principal" and not p.party:
                p.party = self.account.party
        return principals + others, s, m
