"""The brief command: an analyst's note on one meeting, from the two sides' accounts."""

from __future__ import annotations

import click

from ..briefing import BRIEF_FORMATS, LANGS
from . import (
    check_distinct,
    check_outputs,
    embedder_option,
    get_lexicon,
    lexicon_option,
    output_option,
    parse_sides,
    read_pair,
    run,
    side_option,
    write_output,
)

__all__ = ["register"]


@click.command(name="brief")
@click.argument("accounts", nargs=-1, type=click.Path(dir_okay=False))
@side_option
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
    accounts: tuple[str, ...],
    side_specs: tuple[str, ...],
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

    With --side, each of the two sides may give versions of its account in other
    languages after the account itself (--side china:mfa_zh.txt,mfa_en.txt): a point of
    an account in the other language than the note's is then quoted in the side's own
    version, with the original beside it. Without one, an English note gives a gist of
    each Chinese point it quotes, marked as a gist, never as a translation.
    """
    from ..briefing import brief, check_brief, render_brief, side_version
    from ..comparison import compare
    from ..embed import get_embedder
    from ..fetch import read_source
    from ..reading import read

    check_outputs(output)
    lexicon = get_lexicon(lexicons)
    emb = get_embedder(embedder)
    versions = []
    if side_specs:
        sides = parse_sides(side_specs, accounts)
        if len(sides) != 2:
            raise click.UsageError(f"a brief is on two sides; --side names {len(sides)}")
        check_distinct([f for files in sides.values() for f in files])
        (name_a, files_a), (name_b, files_b) = sides.items()
        a, b = read_pair(files_a[0], files_b[0], side_a or name_a, side_b or name_b)
        comparison = compare(a, b, lexicon=lexicon, embedder=emb)
        for reading, files in zip(comparison.readings, (files_a, files_b), strict=True):
            for path in files[1:]:
                other = read(read_source(path, party=reading.account.party), lexicon)
                versions.append(side_version(reading, other, lexicon, emb))
    else:
        if len(accounts) != 2:
            raise click.UsageError(
                f"give two accounts ({len(accounts)} given), or name two sides with --side"
            )
        a, b = read_pair(accounts[0], accounts[1], side_a, side_b)
        comparison = compare(a, b, lexicon=lexicon, embedder=emb)
    note = brief(comparison, lang, lexicon=lexicon, versions=versions)
    if verify:
        check_brief(note, comparison, [v.reading for v in versions])
        quotes = sum(len(s.quotes) for s in note.sentences())
        refs = sum(len(s.refs) for s in note.sentences())
        click.echo(f"brief verified: {quotes} quotations and {refs} references resolve", err=True)
    text = render_brief(note, fmt)
    write_output(text if text.endswith("\n") else text + "\n", output)


def register(main: click.Group) -> None:
    main.add_command(brief_command)
