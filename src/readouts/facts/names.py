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
from dataclasses import replace

from ..lang.dates import DateMention
from ..model import Sentence
from ._base import MEETING_WINDOW, FormatCues, Party, ReaderBase
from .dates import EN_DATE
from .format import (
    _EN_AT_EVENT,
    _EN_INPERSON,
    _EN_PHONE_WORD,
    _EN_PLACE,
    _EN_SIDELINES,
    _EN_VIDEO,
    _NOT_PLACE,
    _purpose,
    _verb_format,
    title_place,
)
from .request import EN_INVITE, EN_REQUEST, _who
from .words import HONORIFICS, NameWords

__all__ = ["EnglishNames"]

_TITLE_MEETING = re.compile(
    r"\b(?:Call|Meeting|Calls|Meetings|Conversation|Audience|Visit|Dinner|Lunch|Breakfast)"
    r"\s+with\s+(.+)$"
)
#: The principal a title names: "Readout of President Biden’s Audience with ...".
_TITLE_PRINCIPAL = re.compile(
    r"^(?:Readout\s+(?:of|from)\s+)?(?:the\s+)?(?P<who>.+?)[’']s?\s+"
    r"(?:Call|Meeting|Calls|Meetings|Conversation|Audience|Visit|Dinner|Lunch|Breakfast)"
    r"\s+with\b"
)

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
    r"|\b(?P<v2>held|holds|had|has|convened|hosted|joined|led|co-?chaired|chaired|received|"
    r"participated\s+in)\s+(?:a|an|the|their|his|her|its|two|separate)?\s*"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?P<noun>{_EVENT_NOUNS})"
    r"(?:\s+of\s+|\s+from\s+|(?:[\s,]+(?!with\b|to\b)[\w’'.-]+){0,12}?[\s,]+with\s+)"
    # transitive verbs: "called X", "hosted X", "welcomed X to", "received X", "convened X"
    r"|\b(?P<v3>called|calls|hosted|hosts|welcomed|welcomes|received|receives|convened|"
    r"convenes|joined|joins|visited|visits|met|meets)\s+(?:and\s+(?-i:[a-z]+ed)\s+)?"
    rf"(?!(?:a|an|the|two|three|several|separate|its|his|her|their)\s+(?:[\w’'-]+\s+){{0,8}}?"
    rf"(?:{_EVENT_NOUNS})\b)"
    r"(?!on\b|for\b|to\b|in\b|by\b|with\b|that\b|upon\b|today\b|yesterday\b|at\b|"
    r"virtually\b|again\b|briefly\b|separately\b|privately\b|jointly\b|together\b|"
    r"this\b|last\b|here\b|there\b|(?-i:[a-z]+ly)\b|the\s+(?:release|news|"
    r"announcement|passage|decision|progress|efforts?|commitment)\b)"
    # passive: "The President was briefed by X"
    r"|\b(?P<v4>(?:was|were)\s+(?:briefed|hosted|received|welcomed|visited|called)\s+by)\s+"
    # a meeting chaired by its participants: "the fifth meeting ... was co-chaired in a
    # virtual format by X, Y and Z"
    r"|\b(?P<v6>(?:was|were)\s+(?:co-?chaired|chaired|convened|led|hosted|organi[sz]ed)"
    r"(?:\s+(?!by\b)[\w’'-]+){0,6}?\s+by)\s+"
    # intransitive: "President Biden and Amir Tamim of Qatar spoke to reaffirm ..."
    r"|\b(?P<v0>spoke|met|talked|meet|speak|gathered|convened)(?=\s+(?:today|yesterday|"
    r"by\s+(?:phone|telephone)|on\b|in\b|to\s+(?-i:[a-z])|this\b|virtually|for\b|again\b)"
    r"|[.,;])"
    # an event held, with no one named as met: "hosted a convening", "convened the fourth
    # Task Force meeting", "joined the weekly Caucus lunch", "launched their Working Group"
    r"|\b(?P<v5>hosted|held|convened|organi[sz]ed|joined|attended|launched|inaugurated)\s+"
    r"(?:a|an|the|their|his|her|its)\s+(?:[\w’'-]+\s+){0,8}?"
    rf"(?P<event>{_EVENT_NOUNS}|working\s+group)\b",
    re.I,
)
_EN_STOP = re.compile(
    r"\s+to\s+(?!the\s+[A-Z](?!hite\s+House))|\s+to\s+the\s+White\s+House"
    r"|\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+"
    r"(?:week|night)|earlier\s+(?:today|this\s+week))\b"
    r"|\s+(?:on|in|at|about|regarding|concerning|during|ahead|before|after|following|"
    r"as(?!\s+well\s+as\b)(?<!well\sas)|via|"
    r"who|which|where|when|while|because|since|amid|through|over|under|and\s+then|"
    r"whom|whose|by\s+(?:phone|telephone|video)|engaged|working|representing|including|"
    r"serving|advancing|focused|involved|that|whose)\b"
    r"|\s+for\s+(?=[a-z])|\s+and\s+(?=(?:also\s+)?(?!elected\b|appointed\b|retired\b|"
    r"interested\b|affected\b|related\b|united\b|displaced\b|detained\b|disabled\b|"
    r"concerned\b|dedicated\b|experienced\b|talented\b)[a-z]+ed\b|discussed\b|thanked\b|spoke\b)"
    r"|\s+(?:–|—|-{2})\s*|—|;|:\s|,\s+(?=(?!(?:housing|building|training|funding|banking|"
    r"manufacturing|engineering|nursing|marketing|shipping|mining|farming|fishing|planning|"
    r"trucking|publishing|consulting|teaching|broadcasting|advertising|accounting)\b)[a-z]+ing\b)"
    r"|,\s+(?:and\s+)?(?=(?:who|which|where|to|as(?!\s+well\s+as)|in|on|"
    r"during|after|following|including|marking|both|each|while|with|the\s+(?:two|leaders)|"
    r"a|an)\b)",
)
_EN_LIST_SEP = re.compile(
    r"(?:,?\s+as\s+well\s+as\s+|,\s+(?:and|&)\s+|\s+(?:and|&)\s+|,\s+|;\s+)"
    r"(?!(?:Jr|Sr|II|III|IV|Inc|Ltd|LLC|Co|Corp)\b)"
)
#: A title's domain before "and": "Office of Management and Budget", "Secretary of Health
#: and Human Services", "for Cyber and Emerging Technology" are one name, not two.
_DOMAIN_AND = re.compile(
    r"\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}(?P<last>[A-Z][\w’'-]*)$"
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


_CHAIRED_BY = re.compile(
    r"\b(?:convened|co-?chaired|chaired|led|hosted|organi[sz]ed)(?:\s+(?!by\b)[\w’'-]+){0,6}?"
    r"\s+by\s+(?:(?:the\s+)?co-?chairs?\s+)?|\bunder\s+the\s+leadership\s+of\s+"
)
#: A dateline before a sentence: "Washington, D.C. – ".
_DATELINE = re.compile(r"[A-Z][\w’'.]*(?:[ ,]+[A-Z][\w’'.]*){0,3}\s+[–—-]{1,2}\s+")
_TOGETHER = re.compile(r",?\s+(?:bringing|brought|bring)\s+together\s+|,?\s+with\s+")
_JOINED_BY = re.compile(r"\b(?:where|when)\s+(?:she|he|they)\s+(?:was|were)\s+joined\s+by\s+")
_EVENT_OWNER = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){0,4}(?:Caucus|Committee|Council|Coalition|Association|Group|"
    r"Conference|Delegation|Commission))\b"
)
_OURS = re.compile(
    r"\b(?:Administration|White\s+House|federal|Cabinet|U\.S\.\s+Government|the\s+President)\b"
)


def _ours(p: Party, own: str) -> bool:
    """Does a participant found as the object speak for the issuer ("senior
    Administration officials", "White House staff")?"""
    return p.kind != "person" and bool(_OURS.search(p.name))


def _visitors(principals: Sequence[Party]) -> bool:
    """Are the subject's participants only groups that do not speak for the issuer
    ("Jewish American leaders from across the country")?"""
    return all(p.kind == "group" and not _OURS.search(p.name) for p in principals)


def _clean_role(role: str) -> str:
    """A role without the forms of address and joining words around it: "Mr." is no
    office; "joined by Vice President" is "Vice President"; "Director Dr." is "Director"."""
    if HONORIFICS.match(role):
        return ""
    role = re.sub(
        r"^(?:joined\s+by|accompanied\s+by|along\s+with|this\s+(?:morning|afternoon|evening)|"
        r"today|yesterday|tonight|earlier\s+today|on\s+\w+day)\s+",
        "",
        role,
        flags=re.I,
    )
    return re.sub(r"\s+(?:Dr|Mr|Mrs|Ms)\.?$", "", role)


def _after_department(toks: Sequence[tuple[int, int, str]], k: int, lists: NameWords) -> int | None:
    """Where a name starts after a title's department: in "Secretary of Transportation
    Pete Buttigieg" (``toks[k]`` is "Transportation", after "of") the name is "Pete
    Buttigieg"; None when the words from ``k`` are no department followed by a name."""
    if not any(t[2].lower() in lists.person_titles for t in toks[:k]):
        return None
    words = [t[2].lower() for t in toks]
    for size in (2, 1):
        if tuple(words[k : k + size]) in lists.departments:
            rest = toks[k + size :]
            if rest and all(
                t[2][:1].isupper() and t[2].lower() not in lists.title_words for t in rest
            ):
                return k + size
    return None


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
        particle = (
            before and before[-1].lower().split("-")[0] in self.words.name_particles
        )  # "al-Saud"
        if (
            not before
            or before[-1].lower() in self.words.title_words
            or (before[-1][0].islower() and not particle)
        ):
            return end, ""  # "Secretary of Veterans Affairs X": the "of" is part of a title
        if not any(w.lower() in self.words.person_titles for w in before) and not any(
            self.lexicon.actors[x.id].kind != "person"
            for x in self._mentions(start + m.start(), end)
        ):
            return end, ""  # "International Brotherhood of Electrical Workers": one name
        places = [
            x
            for x in self._mentions(start + m.start(1), end)
            if self.lexicon.actors[x.id].kind != "person"
        ]
        if places and re.fullmatch(
            r"(?:\s+[A-Z][\w’'.-]*){2,4}\s*", self.text[places[-1].end : end]
        ):
            return end, ""  # "... for Restoration of Ukraine Oleksandr Kubrakov": a name follows
        if any(w.lower() in self.words.person_titles for w in _TOKEN.findall(m.group(1))[1:]):
            return end, ""  # "... of the United States Coast Guard Vice Admiral Pete Gautier"
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
            and before[-1].lower() not in self.words.title_words
        ):
            persons = []  # "Taoiseach Simon Harris": not the Harris the lexicon knows
        if persons:
            m = persons[-1]
            actor = self.lexicon.actors[m.id]
            # "Prime Minister Kaja Kallas of Estonia": the affiliation the text states wins
            # over the party the lexicon gives the person today
            stated = self._party_in(core_end, end) if affiliation else ""
            name_start = m.start
            for t in _TOKEN.finditer(text, m.start, m.end):
                if t.group(0).lower() not in self.words.title_words:
                    break
                name_start = t.end()  # "President Xi": the title is part of the match
            while name_start < m.end and text[name_start].isspace():
                name_start += 1
            role = re.sub(r"^(?:the|and)\s+", "", text[start:name_start].strip(" ,"))
            return Party(
                actor.name,
                role,
                stated or actor.party,
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
        if (
            first.lower() == "the"
            and len(toks) > 2
            and self.words.group_heads.fullmatch(toks[1][2])
        ):
            first = toks[1][2]  # "the leaders of the ports of Los Angeles": a group
        sides = [m for m in found if self.lexicon.actors[m.id].kind != "person"]
        if (
            (last[0].islower() and last.lower().split("-")[0] not in self.words.name_particles)
            or self.words.group_heads.fullmatch(last)
            or (first[0].islower() and self.words.group_heads.fullmatch(first))
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
            particle = (
                lw in self.words.name_particles or lw.split("-")[0] in self.words.name_particles
            )  # "al-Saud"
            if lw in self.words.title_words or (w[0].islower() and not particle):
                break
            if _ACRONYM.fullmatch(w) or any(m.start <= toks[i - 1][0] < m.end for m in sides):
                break  # an acronym ("CARICOM"), a country or organisation ("Ukrainian", "Japan")
            if i >= 2 and toks[i - 2][2].lower() in self.words.function_words:
                named = _after_department(toks, i - 1, self.words)
                if named is not None:  # "Secretary of Transportation Pete Buttigieg"
                    i = named
                    break
                i = len(toks) if i == len(toks) or toks[i - 2][2].lower() != "and" else i
                break  # "Office of Public Engagement": an organisation's name, not a person's
            i -= 1
        while i < len(toks) and toks[i][2] in self.words.name_particles:  # "bin", not the name "Le"
            i += 1
        while len(toks) - i > 2 and toks[i][2].lower() in self.words.domain_words:
            i += 1  # "... for International Economics Mike Pyle": the title's domain, not the name
        if i == len(toks):
            # titles only ("the President of Guatemala", "His Highness"), or an organisation
            role = re.sub(r"^(?:the|and)\s+", "", piece)
            if not affiliation:
                of = re.search(r".*\bof\s+(?:the\s+)?([A-Z][^,]*)$", piece)
                if of and of.group(1).split()[0].lower() not in self.words.title_words:
                    affiliation = of.group(1)
            whole = re.sub(r"^the\s+", "", piece, flags=re.I)
            if sides and sides[-1].start == end - len(whole) and sides[-1].end == end:
                return Party(piece, "", party, "", "side", start=start, end=end, name_start=start)
            # "Minister of Foreign Affairs" names a person; "Office of the National Cyber
            # Director" and "the Dominican Republic" an organisation
            words = [t[2].lower() for t in toks if t[2].lower() != "the"]
            if (words and words[0] in self.words.org_heads) or not any(
                w in self.words.person_titles for w in words
            ):
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

    def _one_name_across(self, sep_start: int, sep_end: int, left_start: int, end: int) -> bool:
        """Is the "and" at text[sep_start:sep_end] inside one name? After a title's domain
        ("Office of Management and Budget", "for Cyber and Emerging Technology"), or after
        one word that starts a title ("Health and Human Services Secretary Xavier
        Becerra"), when the words after it are capitalised and not a title of their own."""
        text = self.text
        if text[sep_start:sep_end].strip() not in ("and", "&"):
            return False
        after = _TOKEN.match(text, sep_end, end)
        if after is None or not after.group(0)[:1].isupper():
            return False
        if after.group(0).lower() in self.words.title_words or self._mentions(
            after.start(), after.end()
        ):
            return False
        left = text[left_start:sep_start]
        domain = _DOMAIN_AND.search(left)
        if domain is not None:
            words = [w for w in domain.group(0).split()[1:] if w != "the"]
            # one word ("of Management"), or words that end in a domain ("for Clean Energy
            # Innovation"), not a name ("of Transportation Pete Buttigieg")
            if (
                len(words) == 1
                or domain.group("last").lower() in self.words.domain_words | self.words.org_words
            ):
                return True
        words = _TOKEN.findall(left)
        if len(words) == 1 and words[0][:1].isupper() and not self._mentions(left_start, sep_start):
            # one capitalised word, then a title that holds a name: "Health and Human
            # Services Secretary Xavier Becerra"
            rest = _TOKEN.findall(text[sep_end:end].split(",")[0])
            return any(w.lower() in self.words.person_titles for w in rest)
        return False

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
            if self._one_name_across(start + m.start(), start + m.end(), bounds[-1], end):
                continue
            bounds.extend([start + m.start(), start + m.end()])
        bounds.append(end)
        parties: list[Party] = []
        for k in range(0, len(bounds), 2):
            a, b = bounds[k], bounds[k + 1]
            p = self._person_en(a, b, default_party)
            if p is None:
                continue
            prev = parties[-1] if parties else None
            words = text[a:b].split()
            if (
                p.kind == "group"
                and prev is not None
                and prev.kind == "person"
                and words
                and words[0].lower().strip(",") in self.words.person_titles
                and re.search(r"\s(?:of|for|to|at)\s", text[a:b])
                and not self.words.group_heads.search(words[-1])
            ):
                # "Jennifer Klein, Assistant to the President and Director of the Gender
                # Policy Council": an office, not a group
                prev.role = (
                    f"{prev.role} and {text[a:b].strip()}" if prev.role else text[a:b].strip()
                )
                prev.end = p.end
                continue
            if (
                p.kind in ("person", "side")
                and not p.role
                and prev is not None
                and prev.kind == "group"
                and re.search(
                    r"\b(?:of|from)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:and\s+)?[A-Z][\w’'.-]*)*$",
                    text[prev.start : prev.end],
                )
                and len(text[a:b].split()) <= 3
                and all(w[:1].isupper() for w in text[a:b].split())
            ):
                # "the leaders of the ports of Los Angeles and Long Beach", "the states of
                # Maine, New Hampshire, and Vermont": the places of one group
                prev.name = text[prev.start : p.end].strip()
                prev.end = p.end
                continue
            if (
                p.kind == "group"
                and prev is not None
                and prev.kind == "person"
                and text[a:b].split()[0].lower() in self.words.person_titles
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
                            w.lower() in self.words.person_titles
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
                        and not self.words.group_heads.search(text[prev.start : prev.end])
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
                and before[-1].lower() in self.words.org_heads
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
        """Skip "Today, ", "On Saturday, December 9, ", "Today in Jeddah, ", "Today, in Des
        Moines, Iowa, " and a dateline ("Washington, D.C. – ") before a subject."""
        text = self.text
        dateline = _DATELINE.match(text, a, end)
        if dateline:
            a = dateline.end()
        if re.search(r"\b(?:v|vs)\.\s*$", text[max(0, a - 8) : a]):
            # "... in Roe v. | Wade, Jennifer Klein ...": the sentence was cut after "v."
            comma = text.find(",", a, end)
            a = comma + 1 if 0 <= comma - a <= 30 else a
        placed = False  # the head before was a place ("in Des Moines"): its state may follow
        while True:
            comma = text.find(",", a, end)
            if comma < 0:
                return a
            head = text[a:comma].strip()
            place_part = placed and re.fullmatch(r"(?:[A-Z][\w’'.-]*\s?){1,3}", head) is not None
            if (
                _EN_INTRO.match(head)
                or EN_DATE.fullmatch(head)
                or re.fullmatch(r"\d{4}", head)
                or re.match(r"(?:to|as|in|on|at|after|during|following|with|for)\s", head)
                or (
                    place_part
                    and not any(w.lower() in self.words.title_words for w in head.split())
                )
            ):
                placed = re.match(r"(?:in|at)\s+[A-Z]", head) is not None
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
        clause = re.search(r",\s+(?:which|who|whose)\b", text[a:end])
        if clause:  # "the Office (OGVP), which is overseen by Vice President Harris,"
            end = a + clause.start()
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
        others: list[Party] = []
        chaired = self._chaired_by(s.start, s.end) if m.group("v0") or m.group("v6") else []
        if m.group("v6"):  # "the fifth meeting ... was co-chaired by X, Y and Z"
            principals = []
        if m.group("v5"):  # an event held: who it brought together, who joined it
            others = self._brought_together(sents, s, m)
            principals += self._joined_by(m.end(), s.end)
        elif not m.group("v0") and not m.group("v6") and end > obj_start:
            others = self._people_en(obj_start, end)
        if not others and re.match(r"(?:him|her|them)\b", self.text[obj_start:end]):
            others = self._named_before(s, principals)
        for p in others:
            p.position = "counterpart"
        own = self.account.party
        for p in chaired:  # the chairs: the issuer's side, or the other
            p.position = "counterpart" if p.party and own and p.party != own else "principal"
        principals += [p for p in chaired if p.position == "principal"]
        others += [p for p in chaired if p.position == "counterpart"]
        if principals and others and _visitors(principals) and any(_ours(p, own) for p in others):
            # "Jewish American leaders met with senior Administration officials": the
            # issuer's people are the object
            principals, others = others, principals
            for p in principals:
                p.position, p.party = "principal", own if p.party in ("", own) else p.party
            for p in others:
                p.position, p.party = "counterpart", "" if p.party == own else p.party
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
        for p in principals + others:
            p.role = _clean_role(p.role)
        return principals + others, s, m

    def _chaired_by(self, a: int, b: int) -> list[Party]:
        """The people a meeting sentence says chaired, convened or led it ("convened by
        co-chairs X and Y", "under the leadership of Z")."""
        out: list[Party] = []
        for m in _CHAIRED_BY.finditer(self.text, a, b):
            end = self._clip_en(m.end(), b)
            if end > m.end():
                out += [p for p in self._people_en(m.end(), end) if p.kind == "person"]
        return out

    def _brought_together(
        self, sents: Sequence[Sentence], s: Sentence, m: re.Match[str]
    ) -> list[Party]:
        """Whom an event held brought together: "hosted a workshop, bringing together X",
        "convened a roundtable with X", the next sentence's "... brought together X"; for
        an event joined, its owner named in it ("joined the weekly Senate Democratic
        Caucus lunch")."""
        text = self.text
        found = _TOGETHER.search(text, m.end(), s.end)
        if found is None and s.index + 1 < len(sents):
            nxt = sents[s.index + 1]
            found = _TOGETHER.search(text, nxt.start, nxt.end)
            if found is not None and found.group(0).lstrip(", ").startswith("with"):
                found = None  # a later sentence's "with" is about something else
        if found is not None:
            limit = next(x.end for x in sents if x.start <= found.start() < x.end)
            end = self._clip_en(found.end(), limit)
            return self._people_en(found.end(), end) if end > found.end() else []
        if m.group("v5").lower() in ("joined", "attended"):
            owner = _EVENT_OWNER.search(text, m.start("v5"), m.start("event"))
            if owner is not None:
                return [
                    Party(
                        owner.group(1).strip(),
                        kind="group",
                        start=owner.start(1),
                        end=owner.end(1),
                        name_start=owner.start(1),
                    )
                ]
        return []

    def _joined_by(self, a: int, b: int) -> list[Party]:
        """ "... meeting where she was joined by X": X took part on the issuer's side."""
        m = _JOINED_BY.search(self.text, a, b)
        if m is None:
            return []
        end = self._clip_en(m.end(), b)
        people = self._people_en(m.end(), end) if end > m.end() else []
        for p in people:
            p.position = "principal"
        return people

    def title_counterparts(self, title: str) -> tuple[list[Party], str]:
        """Counterparts and format from a title like "Readout of X's Call with Y"."""
        if not title:
            return [], ""
        fmt = ""
        low = title.lower()
        if re.search(r"\bvideo|virtual", low):
            fmt = "video"
        elif re.search(r"\bcall\b|\bphone", low):
            fmt = "phone"
        elif re.search(r"\bmeeting|\bvisit|\bbilateral|\baudience", low):
            fmt = "in_person"
        people: list[Party] = []
        m = _TITLE_MEETING.search(title)
        if m:
            sub = EnglishNames(replace(self.account, text=title), title, self.lexicon)
            end = sub._clip_en(m.start(1), len(title))
            for p in sub._people_en(m.start(1), end):
                p.position, p.start, p.end = "counterpart", -1, -1
                people.append(p)
        return people, fmt

    def title_principals(self, title: str) -> list[Party]:
        """The issuer's principal a title names ("Readout of President Biden’s Audience with
        ..."), for an account whose text names no one."""
        m = _TITLE_PRINCIPAL.match(title.strip()) if title else None
        if m is None:
            return []
        sub = EnglishNames(replace(self.account, text=title), title, self.lexicon)
        out = [
            p
            for p in sub._people_en(m.start("who"), m.end("who"), self.account.party)
            if p.kind == "person"
        ]
        for p in out:
            p.position, p.start, p.end = "principal", -1, -1
            p.party = p.party or self.account.party
        return out

    def title_says_video(self, sents: Sequence[Sentence]) -> bool:
        return bool(
            re.search(r"\b(?:virtual|video)", self.account.title, re.I)
            and not re.search(r"\bin\s+person\b", self.text[: sents[0].end] if sents else "")
        )

    def title_place(self, title: str) -> str:
        return title_place(title)

    def before_purpose(self, s: Sentence, inside: list[DateMention]) -> list[DateMention]:
        purpose = re.search(
            r"\s+to\s+(?!the\b)[a-z]+|,\s+(?:which|when|where|after|before|"
            r"ahead)\b|\s+(?:ahead\s+of|in\s+advance\s+of|before|after)\s",
            self.text[s.start : s.end],
        )
        if purpose:
            early = [d for d in inside if d.start < s.start + purpose.start()]
            inside = early or []
        return inside

    def next_opening_day(self, nxt: Sentence, dates: Sequence[DateMention]) -> list[DateMention]:
        # "The Task Force met to discuss ... / Today, the Advisor convened the meeting":
        # the day the next sentence opens with
        return [
            d
            for d in dates
            if not self.text[nxt.start : d.start].strip()
            and re.match(
                r"(?:today|yesterday|this\s+(?:morning|afternoon|evening)|on\s)", d.text, re.I
            )
        ]

    def format_cues(self, s: Sentence, verb: re.Match[str] | None) -> FormatCues:
        text = self.text
        a, b = s.start, s.end
        # the purpose clause after the verb ("... convened X to discuss"), not a relative
        # clause before it ("the Office, which is overseen by ..., convened")
        limit = _purpose(text, verb.end() if verb is not None else a, b)
        v = _EN_VIDEO.search(text, a, limit)
        side = _EN_SIDELINES.search(text, a, b) or _EN_AT_EVENT.search(text, a, limit)
        ph = _EN_PHONE_WORD.search(text, a, limit)
        inp = _EN_INPERSON.search(text, a, limit)
        by_verb = _verb_format(verb) if verb is not None else None
        return v, side, ph, inp, by_verb

    def phone_over(self, ph: re.Match[str], inp: re.Match[str] | None) -> bool:
        """A call when the phone cue comes first ("spoke by phone ... and met")."""
        return not inp or ph.start() < inp.start()

    def place(self, s: Sentence, people: Sequence[Party]) -> tuple[str, tuple[int, int]]:
        text = self.text
        a, b = s.start, s.end
        limit = _purpose(text, a, b)
        for m in _EN_PLACE.finditer(text, a, limit):
            g = "place" if m.group("place") else ("at" if m.group("at") else "camp")
            value = m.group(g)
            if g == "place" and _NOT_PLACE.match(value):
                continue
            if text[m.start()] == "I" and m.start() != a:
                continue  # "In" with a capital only opens the sentence ("In Jerusalem, ...")
            if g == "place" and re.search(
                r"[“\"][^”\"]*$", text[max(a, m.start() - 60) : m.start()]
            ):
                continue  # inside a quoted name: “Communities in Action”
            if any(p.start <= m.start(g) < p.end for p in people if p.start >= 0):
                continue  # "Special Representative ... in Conflict": part of a title
            if g == "place" and re.match(r"(?:the\s+)?(?:\d|[A-Z]{2,}\b(?!\s))", value) is None:
                words = value.split()
                if all(w.lower() in self.words.title_words for w in words if w != "the"):
                    continue
            value = re.sub(r"\s+(?:on|of)$", "", value)
            if value.endswith(".") and not re.search(r"[A-Z]\.[A-Z]\.$", value):
                value = value[:-1]
            return value, (m.start(g), m.start(g) + len(value))
        return "", (-1, -1)

    def asked(
        self, window: Sequence[Sentence], counter: Sequence[Party], invite: bool
    ) -> tuple[str, str, tuple[int, int]]:
        text = self.text
        rx = EN_INVITE if invite else EN_REQUEST
        m = None
        for sent in window:
            m = rx.search(text, sent.start, sent.end)
            if m:
                break
        if not m:
            return "", "", (-1, -1)
        for g in ("who", "who2", "who3", "subject"):
            if g in m.groupdict() and m.group(g):
                s0, e0 = m.start(g), m.end(g)
                if g == "subject":
                    cut = max(text.rfind(",", s0, e0), text.rfind(".", s0, e0))
                    s0 = cut + 1 if cut >= 0 else s0
                party, name = _who(self, s0, e0, counter)
                return party, name, (m.start(), m.end())
        return "", "", (-1, -1)

    participants = participants_en
    people = _people_en
