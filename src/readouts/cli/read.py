"""Commands over one account at a time: read, export-events, eval-labels."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from ..report.common import md_text
from ..wording import count
from . import (
    batch_exit_code,
    check_outputs,
    get_lexicon,
    lexicon_option,
    output_option,
    quality_gate,
    run,
    write_output,
)

if TYPE_CHECKING:
    from ..model import AccountSignals, Participant

__all__ = ["register"]


# --------------------------------------------------------------------------- rendering


def _span_text(text: str, span: tuple[int, int] | list[int]) -> str:
    a, b = span
    return text[a:b] if a >= 0 else ""


def _person(p: Participant, lexicon: Any) -> str:
    name = p.name or p.role or "?"
    bits = [p.role] if p.name and p.role else []
    where = p.affiliation or (lexicon.party_name(p.party) if p.party else "")
    if where and where not in bits:
        bits.append(where)
    return f"{name} ({', '.join(bits)})" if bits else name


def _fact_lines(reading: Any, lexicon: Any) -> list[tuple[str, str]]:
    """(label, value) lines of the meeting facts, each value with the words it came from."""
    from ..facts import counterparts, principals

    f = reading.facts
    text = reading.account.text

    def quoted(value: str, span: tuple[int, int]) -> str:
        if not value:
            return "-"
        words = _span_text(text, span)
        if span[0] < 0:
            return f"{value} (from the title)" if reading.account.title else value
        return f'{value}  "{words}"' if words and words != value else value

    date = f.date + (f" to {f.date_end}" if f.date_end else "")
    if not f.date and f.date_text:
        date = "(not resolved)"
    asked = lexicon.party_name(f.requested_by) if f.requested_by else f.requested_by_name
    invited = lexicon.party_name(f.invited_by) if f.invited_by else f.invited_by_name
    return [
        ("principal", "; ".join(_person(p, lexicon) for p in principals(f)) or "-"),
        ("counterpart", "; ".join(_person(p, lexicon) for p in counterparts(f)) or "-"),
        ("date", quoted(date, f.date_span) if f.date_text else "-"),
        ("format", quoted(f.format.replace("_", " "), f.format_span)),
        ("event", quoted(f.event, f.event_span)),
        ("place", quoted(f.place, f.place_span)),
        ("asked by", quoted(asked, f.request_span)),
        ("invited by", quoted(invited, f.invite_span)),
    ]


def _claim_line(reading: Any, claim: Any, lexicon: Any) -> tuple[str, str, str, str, str]:
    sp = claim.speaker
    who = sp.name + (
        f" [{sp.kind}, {lexicon.party_name(sp.party)}]" if sp.party else f" [{sp.kind}]"
    )
    tone = ", ".join(reading.account.text[t.start : t.end] for t in claim.tone) or "-"
    topics = ", ".join(claim.topics) or "-"
    act = claim.act + (" (negated)" if claim.negated else "")
    return who, act, topics, tone, reading.account.text[claim.start : claim.end]


def _tone_lines(signals: AccountSignals) -> list[tuple[str, str]]:
    first: dict[str, str] = {}
    for h in signals.atmosphere:
        first.setdefault(h.term, h.text)
    atmosphere = ", ".join(f"{first[t]} ({t})" for t in signals.atmosphere_terms) or "-"
    top = signals.ladder
    ladder = f'rung {top.rung} of 5, {top.name} ("{top.text}")' if top.rung else "-"
    length = signals.length
    return [
        ("atmosphere", atmosphere),
        ("ladder", ladder),
        ("attributed", f"{count(len(signals.attributed), 'statement')} by the other side"),
        ("topics", ", ".join(signals.topic_order) or "-"),
        (
            "length",
            f"{count(length.characters, 'character')}, {count(length.words, 'word')}, "
            f"{count(length.claims, 'claim')} in {count(length.paragraphs, 'paragraph')}",
        ),
    ]


def render_reading(reading: Any, signals: AccountSignals, fmt: str, lexicon: Any) -> str:
    """One account read, as terminal text, Markdown or JSON."""
    acc = reading.account
    if fmt == "json":
        data = reading.to_dict()
        data["signals"] = signals.to_dict()
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    head = f"{acc.title or acc.id}"
    meta = ", ".join(
        x for x in (acc.language, lexicon.party_name(acc.party) if acc.party else "", acc.date) if x
    )
    claims = [_claim_line(reading, c, lexicon) for c in reading.claims]
    if fmt == "markdown":  # every piece of the account's text literal and safe (md_text)
        out = [f"# {md_text(head)}", "", f"*{md_text(meta)}*", "", "## Meeting facts", ""]
        out += [f"- **{k}**: {md_text(v)}" for k, v in _fact_lines(reading, lexicon)]
        out += [
            "",
            "## Claims",
            "",
            "| # | speaker | act | topics | tone | text |",
            "|---|---|---|---|---|---|",
        ]
        for i, (who, act, topics, tone, text) in enumerate(claims, start=1):
            cells = [str(i), who, act, topics, tone, text]
            out.append("| " + " | ".join(md_text(c) for c in cells) + " |")
        out += ["", "## Tone", ""]
        out += [f"- **{k}**: {md_text(v)}" for k, v in _tone_lines(signals)]
        return "\n".join(out) + "\n"
    out = [head, f"  {meta}", "", "Meeting facts"]
    out += [f"  {k:<12} {v}" for k, v in _fact_lines(reading, lexicon)]
    out += ["", "Claims"]
    for i, (who, act, topics, tone, text) in enumerate(claims, start=1):
        out.append(f"  {i:>3}. {who} | {act} | topics: {topics} | tone: {tone}")
        out.append(f"       {' '.join(text.split())}")
    out += ["", "Tone"]
    out += [f"  {k:<12} {v}" for k, v in _tone_lines(signals)]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- commands


@click.command(name="read")
@click.argument("account", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "json"]),
    default="terminal",
    show_default=True,
    help="How to print the reading.",
)
@output_option
@click.option(
    "--party",
    default="",
    help="Party that issued the account (e.g. China); guessed when not given.",
)
@lexicon_option
@run
def read_cmd(
    account: str, fmt: str, output: str | None, party: str, lexicons: tuple[str, ...]
) -> None:
    """Read one account: its meeting facts, then each claim with its speaker, speech act,
    topics and tone words, then its tone.

    ACCOUNT is a plain text, Markdown, HTML or PDF file in English or Chinese.
    """
    from ..fetch import read_source
    from ..reading import read
    from ..signals import account_signals

    check_outputs(output)
    lexicon = get_lexicon(lexicons)
    reading = read(read_source(account, party=party), lexicon)
    write_output(
        render_reading(reading, account_signals(reading, lexicon=lexicon), fmt, lexicon), output
    )


@click.command(name="export-events")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="JSON Lines (one PLOVER record a line) or CSV (one row a record).",
)
@output_option
@lexicon_option
@run
def export_events(
    sources: tuple[str, ...], fmt: str, output: str | None, lexicons: tuple[str, ...]
) -> None:
    """Export what accounts report as PLOVER event records.

    SOURCES are files, folders (recursively), globs or JSON Lines files (one account a
    row), as for `readouts corpus ingest`. One record per claim that reports an event:
    date, source actor, target, event type and mode, quad code, PLOVER contexts, and the
    account and span it comes from. A source that cannot be read is listed with the
    reason and the rest are coded; the exit code is 1 when some were refused, 126 when
    (nearly) all were.
    """
    from ..corpus.export import export_events as do_export
    from ..events import render_events

    check_outputs(output)
    batch = do_export(sources, get_lexicon(lexicons))
    write_output(render_events(batch.records, fmt), output)
    for r in batch.refused:
        click.echo(f"readouts: refused {r.item}: {r.reason}", err=True)
    refused = f", {len(batch.refused)} refused" if batch.refused else ""
    if output or batch.refused:
        click.echo(
            f"{len(batch.records)} events from {len(batch.coded)} account(s){refused}"
            + (f" written to {output}" if output else ""),
            err=True,
        )
    code = batch_exit_code(len(batch.refused), batch.total)
    if code:
        sys.exit(code)


@click.command(name="eval-labels")
@click.argument("path", required=False, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--floors",
    type=click.Path(dir_okay=False),
    help="Fail (exit 8) when a figure falls below its floor in this JSON file.",
)
@lexicon_option
@run
def eval_labels(
    path: str | None, as_json: bool, floors: str | None, lexicons: tuple[str, ...]
) -> None:
    """Score speakers, speech acts and topics against a labelled set of sentences.

    PATH is a JSON Lines file or a folder of them (default: tests/fixtures/labels of a
    source checkout).
    """
    from ..labels import check_label_floors, evaluate_labels, format_label_report

    result = evaluate_labels(path, get_lexicon(lexicons))
    click.echo(
        json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_label_report(result)
    )
    if floors:
        quality_gate(check_label_floors(result, floors))
    sys.stdout.flush()


def register(main: click.Group) -> None:
    main.add_command(read_cmd)
    main.add_command(export_events)
    main.add_command(eval_labels)
