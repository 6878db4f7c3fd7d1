"""The drift command: two language versions of one statement, checked as translations."""

from __future__ import annotations

import click

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
    from ..drifts import drift as do_drift
    from ..embed import get_embedder
    from ..report import render

    check_outputs(output)
    lexicon = get_lexicon(lexicons)
    a, b = read_pair(version_a, version_b)
    result = do_drift(a, b, lexicon=lexicon, embedder=get_embedder(embedder))
    options = {"columns": width} if fmt == "terminal" else {}
    write_output(render(result, fmt, lexicon=lexicon, **options), output)


def register(main: click.Group) -> None:
    main.add_command(drift)
