"""Events: what the claims of accounts report, as PLOVER event records (JSON Lines or CSV).

Each claim is coded by :mod:`readouts.coding` (the PLOVER ontology and the cue lexicon
are in :mod:`readouts.plover`): one record per claim that reports an event, none for
a plain statement. The fields follow the PLOVER manual's JSON table
(``../shared/reference/plover.md`` §4):

* ``id``: ``<account id>-<claim number>``; ``date`` (and ``enddate``): the meeting date
  from the account's facts when it is a full date, else the account's own date;
* ``actor``: the source as entity objects ``{code, entity_text, party}``, from the actor
  lexicon by the role the sentence gives it; when the sentence names none, the claim's
  speaker (the issuer for the narrator; both sides for "the two sides agreed": PLOVER
  puts every participant of a meeting without a host in ``actor``, with no recipient);
* ``recipient``: the target the sentence names; else, when the source is the speaker
  or the event is a request made with "should", the meeting's counterpart (or, for a
  counterpart's words, the issuer's principal);
* ``event``: ``[PLOVER type]`` (current names: REQUEST, ACCUSE...); ``event_text``: the
  words that name it; ``mode``: a PLOVER mode of that type, or for CONSULT the meeting's
  format (``phone``; ``visit`` in person; ``third-party`` on the sidelines; none for a
  video call, which PLOVER has no mode for); ``quad_code`` 1-4;
* ``context``: PLOVER contexts, from the claim's topics and words (``data/plover.tsv``);
* ``text``, ``text_info`` ``{source, sequence, start, end}`` (span in the account's text)
  and ``cite_info`` ``{title, url, language}``; ``coder`` is ``readouts``.

``party`` inside an entity, ``topics`` (the claim's readouts topics) and ``negated`` on a
record are readouts' additions. :func:`export_events` codes many files, folders, globs
and JSON Lines rows, and lists each one it refused with the reason, as
``readouts corpus ingest`` does.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .coding import code_claim
from .errors import ConfigError
from .facts import counterparts, principals
from .lang import text_view
from .lexicon import Lexicon, Match, default_lexicon
from .model import Claim, Reading
from .plover import EventLexicon, default_event_lexicon

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "QUADS",
    "claim_event",
    "reading_events",
    "render_events",
    "write_events",
]

#: PLOVER event type -> quad code (``data/plover.tsv``, the manual's quad table).
QUADS = {t.name: t.quad for t in default_event_lexicon().types.values()}
#: Quads of material events, whose unnamed actors take the country of the place.
_MATERIAL_QUADS = (2, 4)
#: Meeting format -> PLOVER CONSULT mode.
_CONSULT_MODES = {"phone": "phone", "in_person": "visit", "sidelines": "third-party"}
#: Output formats of :func:`render_events`.
FORMATS = ("jsonl", "csv")
CSV_COLUMNS = (
    "id",
    "date",
    "enddate",
    "actor_code",
    "actor_text",
    "recipient_code",
    "recipient_text",
    "event",
    "mode",
    "quad_code",
    "context",
    "topics",
    "source",
    "sequence",
    "start",
    "end",
    "negated",
    "text",
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _entity(party: str, text: str, lexicon: Lexicon) -> dict[str, str]:
    actor = lexicon.actors.get(party)
    return {"code": actor.code if actor else "", "entity_text": text, "party": party}


def _date(reading: Reading) -> tuple[str, str]:
    facts = reading.facts
    if _FULL_DATE.fullmatch(facts.date):
        end = facts.date_end if _FULL_DATE.fullmatch(facts.date_end) else ""
        return facts.date, end
    return reading.account.date, ""


def _counterpart(
    reading: Reading, actor_parties: set[str], lexicon: Lexicon
) -> list[dict[str, str]]:
    """The meeting's counterpart (or, for a counterpart's words, the issuer's principal):
    the recipient of what a readout's speaker says when the sentence names none."""
    others = counterparts(reading.facts)
    if reading.account.party in actor_parties or not actor_parties:
        pool = others
    else:  # a counterpart speaks: the recipient is the issuer's principal
        pool = principals(reading.facts)
    for p in pool:
        if p.party not in actor_parties:
            return [_entity(p.party, p.name or p.role, lexicon)]
    return []


def _actors(reading: Reading, claim: Claim, lexicon: Lexicon) -> list[dict[str, str]]:
    sp = claim.speaker
    if sp.kind == "both":
        own = reading.account.party
        lead = next((p for p in principals(reading.facts) if p.party == own), None)
        own_text = (lead.name or lead.role) if lead else lexicon.party_name(own)
        out = [_entity(own, own_text, lexicon)] if own else []
        for p in counterparts(reading.facts):
            party = p.party
            if party and party != reading.account.party and all(e["party"] != party for e in out):
                out.append(_entity(party, p.name or p.role, lexicon))
        return out or [_entity("", sp.name, lexicon)]
    party = sp.party or (reading.account.party if sp.kind == "narrator" else "")
    return [_entity(party, sp.name, lexicon)]


def _mention_entities(
    text: str, mentions: tuple[Match, ...], lexicon: Lexicon
) -> list[dict[str, str]]:
    """Entity objects of actor mentions, one per party, in text order."""
    out: list[dict[str, str]] = []
    for m in mentions:
        party = lexicon.party_of(m.id)
        if party and all(e["party"] != party for e in out):
            out.append(_entity(party, text[m.start : m.end], lexicon))
    return out


def claim_event(
    reading: Reading,
    claim: Claim,
    lexicon: Lexicon | None = None,
    events: EventLexicon | None = None,
    view: str | None = None,
) -> dict[str, Any] | None:
    """The event one claim reports, as the parts of a record (``event``, ``mode``,
    ``actor``, ``recipient``, ``context``, ``event_text``), or None when it has none.

    The sentence is coded by :func:`readouts.coding.code_claim`; when it names no source,
    the claim's speaker is the source (both sides for "the two sides agreed", with no
    recipient), and a readout's counterpart the recipient."""
    lexicon = lexicon or default_lexicon()
    events = events or default_event_lexicon()
    account = reading.account
    view = view if view is not None else text_view(account.text, account.language)
    start, end = claim.start, claim.end
    if claim.frame_start >= 0:
        start, end = min(start, claim.frame_start), max(end, claim.frame_end)
    coded = code_claim(
        account.text, account.language, start, end, view=view, lexicon=lexicon, events=events
    )
    if coded is None:
        return None
    text = account.text
    actors = _mention_entities(text, coded.source, lexicon)
    by_speaker = not actors
    if by_speaker:
        actors = _actors(reading, claim, lexicon)
    if not any(e["code"] for e in actors) and events.quad(coded.event) in _MATERIAL_QUADS:
        # an unnamed actor ("prisoners", "the police") belongs where the event happens
        actors = _mention_entities(text, coded.place, lexicon) or actors
    parties = {e["party"] for e in actors if e["party"]}
    recipient = _mention_entities(text, coded.target, lexicon)
    if not recipient and claim.speaker.kind != "both" and (by_speaker or coded.modal):
        recipient = _counterpart(reading, parties, lexicon)
    mode = [coded.mode] if coded.mode else []
    if coded.event == "CONSULT" and not mode and reading.facts.format in _CONSULT_MODES:
        mode = [_CONSULT_MODES[reading.facts.format]]
    contexts = dict.fromkeys(coded.contexts)
    for topic in claim.topics:
        for c in events.topic_contexts.get(topic, ()):
            contexts.setdefault(c, None)
    return {
        "actor": actors,
        "recipient": recipient,
        "event": [coded.event],
        "event_text": [text[coded.start : coded.end]],
        "mode": mode,
        "quad_code": events.quad(coded.event),
        "context": list(contexts),
    }


def reading_events(
    reading: Reading, lexicon: Lexicon | None = None, events: EventLexicon | None = None
) -> list[dict[str, Any]]:
    """The PLOVER-style event records of one account read (see the module doc)."""
    lexicon = lexicon or default_lexicon()
    events = events or default_event_lexicon()
    account = reading.account
    view = text_view(account.text, account.language)
    date, enddate = _date(reading)
    url = account.source if "://" in account.source else ""
    out = []
    for n, claim in enumerate(reading.claims, start=1):
        parts = claim_event(reading, claim, lexicon, events, view)
        if parts is None:
            continue
        record: dict[str, Any] = {
            "id": f"{account.id}-{n:04d}",
            "has_event": True,
            "date": date,
            "actor": parts["actor"],
            "recipient": parts["recipient"],
            "event": parts["event"],
            "event_text": parts["event_text"],
            "mode": parts["mode"],
            "quad_code": parts["quad_code"],
            "context": parts["context"],
            "topics": list(claim.topics),
            "text": account.text[claim.start : claim.end],
            "text_info": {
                "source": account.id,
                "sequence": n,
                "start": claim.start,
                "end": claim.end,
            },
            "cite_info": {"title": account.title, "url": url, "language": account.language},
            "coder": "readouts",
            "negated": claim.negated,
        }
        if enddate:
            record["enddate"] = enddate
        out.append(record)
    return out


def _csv_row(e: dict[str, Any]) -> dict[str, Any]:
    def join(items: Sequence[dict[str, str]], key: str) -> str:
        return ";".join(i.get(key, "") for i in items)

    return {
        "id": e["id"],
        "date": e["date"],
        "enddate": e.get("enddate", ""),
        "actor_code": join(e["actor"], "code"),
        "actor_text": join(e["actor"], "entity_text"),
        "recipient_code": join(e["recipient"], "code"),
        "recipient_text": join(e["recipient"], "entity_text"),
        "event": ";".join(e["event"]),
        "mode": ";".join(e["mode"]),
        "quad_code": e["quad_code"],
        "context": ";".join(e["context"]),
        "topics": ";".join(e.get("topics", ())),
        "source": e["text_info"]["source"],
        "sequence": e["text_info"]["sequence"],
        "start": e["text_info"]["start"],
        "end": e["text_info"]["end"],
        "negated": int(e["negated"]),
        "text": e["text"],
    }


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write records as JSON Lines or CSV (header first); returns how many were written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown event format {fmt!r}; choose from {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for e in events:
        writer.writerow(_csv_row(e))
        n += 1
    return n


def render_events(events: Iterable[dict[str, Any]], fmt: str) -> str:
    """The records as one JSON Lines or CSV string."""
    buf = io.StringIO()
    write_events(events, fmt, buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- many files
