"""The brief command: an analyst's note on one meeting, from the two sides' accounts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from ..brief import BRIEF_FORMATS, LANGS
from . import embedder_option, get_lexicon, lexicon_option, output_option, run

__all__ = ["register"]


@click.command(name="brief")
@click.argument("accounts", nargs=2, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(BRIEF_FORMATS),
    default="markdown",
    show_default=True,
    help="Markdown, a self-contained HTML page, or JSON with what each sentence rests on.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Write the note in English or Chinese; each account is quoted in its own language.",
)
@click.option(
    "--verify",
    is_flag=True,
    help="Check every quotation and claim reference against the accounts; exit 8 if one "
    "does not resolve.",
)
@output_option
@click.option("--side-a", default="", help="Party that issued the first account (e.g. NATO).")
@click.option("--side-b", default="", help="Party that issued the second account.")
@lexicon_option
@embedder_option
@run
def brief_command(
    accounts: tuple[str, str],
    fmt: str,
    lang: str,
    verify: bool,
    output: str | None,
    side_a: str,
    side_b: str,
    lexicons: tuple[str, ...],
    embedder: str | None,
) -> None:
    """Write an analyst's note on the meeting two ACCOUNTS report.

    The note says who met whom, when and how, what each side's account says in its own
    quoted words, what both report, where they clash, what each leaves out, the tone
    words each chose, and the verdict with its score. Every sentence is grounded in the
    accounts: the JSON form lists the claims and spans each rests on.
    """
    from ..brief import brief, check_brief, render_brief
    from ..compare import compare
    from ..embed import default_embedder, get_embedder
    from ..errors import DuplicateInputError
    from ..ingest import read_account

    if Path(accounts[0]).resolve() == Path(accounts[1]).resolve():
        raise DuplicateInputError("the same file is given twice", path=accounts[1])
    lexicon = get_lexicon(lexicons)
    emb = get_embedder(embedder) if embedder else default_embedder()
    a = read_account(accounts[0], party=side_a)
    b = read_account(accounts[1], party=side_b)
    if a.id == b.id:
        b = replace(b, id=b.id + "_2")
    comparison = compare(a, b, lexicon=lexicon, embedder=emb)
    note = brief(comparison, lang, lexicon=lexicon)
    if verify:
        check_brief(note, comparison)
        quotes = sum(len(s.quotes) for s in note.sentences())
        refs = sum(len(s.refs) for s in note.sentences())
        click.echo(f"brief verified: {quotes} quotations and {refs} references resolve", err=True)
    text = render_brief(note, fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=not text.endswith("\n"))


def register(main: click.Group) -> None:
    main.add_command(brief_command)
