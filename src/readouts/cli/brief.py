"""The brief command: an analyst's note on one meeting, from the two sides' accounts."""

from __future__ import annotations

import click

from ..brief import BRIEF_FORMATS, LANGS
from . import (
    check_outputs,
    embedder_option,
    get_lexicon,
    lexicon_option,
    output_option,
    read_pair,
    run,
    write_output,
)

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
    from ..embed import get_embedder

    check_outputs(output)
    a, b = read_pair(accounts[0], accounts[1], side_a, side_b)
    lexicon = get_lexicon(lexicons)
    emb = get_embedder(embedder)
    comparison = compare(a, b, lexicon=lexicon, embedder=emb)
    note = brief(comparison, lang, lexicon=lexicon)
    if verify:
        check_brief(note, comparison)
        quotes = sum(len(s.quotes) for s in note.sentences())
        refs = sum(len(s.refs) for s in note.sentences())
        click.echo(f"brief verified: {quotes} quotations and {refs} references resolve", err=True)
    text = render_brief(note, fmt)
    write_output(text if text.endswith("\n") else text + "\n", output)


def register(main: click.Group) -> None:
    main.add_command(brief_command)
