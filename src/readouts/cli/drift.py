"""The drift command: two language versions of one statement, checked as translations."""

from __future__ import annotations

from pathlib import Path

import click

from . import embedder_option, get_lexicon, lexicon_option, output_option, run

__all__ = ["register"]


@click.command(name="drift")
@click.argument("version_a", type=click.Path(dir_okay=False))
@click.argument("version_b", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "json", "html"]),
    default="terminal",
    show_default=True,
    help="How to print the drift list.",
)
@output_option
@lexicon_option
@embedder_option
@click.option("--width", type=int, default=None, help="Terminal report width in columns.")
@run
def drift(
    version_a: str,
    version_b: str,
    fmt: str,
    output: str | None,
    lexicons: tuple[str, ...],
    embedder: str | None,
    width: int | None,
) -> None:
    """List where two versions of one statement (say English and Chinese) drift apart.

    The sentences of VERSION_A and VERSION_B are aligned in order, as a translation and
    its source; then, in order: sentences one version lacks, and sentences whose number,
    name, negation or tone word differs, each with both spans.
    """
    from ..drift import drift as do_drift
    from ..embed import default_embedder, get_embedder
    from ..errors import DuplicateInputError
    from ..ingest import read_account
    from ..report.sides import render_drift

    if Path(version_a).resolve() == Path(version_b).resolve():
        raise DuplicateInputError("the same file is given twice", path=version_b)
    lexicon = get_lexicon(lexicons)
    emb = get_embedder(embedder) if embedder else default_embedder()
    a = read_account(version_a)
    b = read_account(version_b)
    if a.id == b.id:
        from dataclasses import replace

        b = replace(b, id=b.id + "_2")
    result = do_drift(a, b, lexicon=lexicon, embedder=emb)
    text = render_drift(result, fmt, columns=width)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def register(main: click.Group) -> None:
    main.add_command(drift)
