"""Core commands: compare, read, eval, calibrate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import run

__all__ = ["register"]


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _lexicon(paths: tuple[str, ...]):
    from ..lexicon import default_lexicon, load_lexicon

    return load_lexicon(paths) if paths else default_lexicon()


def _check_distinct(paths: tuple[str, ...]) -> None:
    from ..errors import DuplicateInputError

    seen: dict[str, str] = {}
    for p in paths:
        key = str(Path(p).resolve())
        if key in seen:
            raise DuplicateInputError("the same file is given twice", path=p)
        seen[key] = p


@click.command()
@click.argument("account_a", type=click.Path(dir_okay=False))
@click.argument("account_b", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "json", "html"]),
    default="terminal",
    show_default=True,
    help="How to print the comparison.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@click.option("--side-a", default="", help="Party that issued the first account (e.g. NATO).")
@click.option("--side-b", default="", help="Party that issued the second account.")
@click.option(
    "--method",
    type=click.Choice(["readouts", "baseline"]),
    default="readouts",
    show_default=True,
    help="baseline: sentences, raw cosine, one threshold.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A lexicon file that adds or overrides entries (repeatable).",
)
@click.option("--embedder", default=None, help="Embedder registry name (usem3.v1, fake.v1).")
@click.option(
    "--colour/--no-colour",
    "--color/--no-color",
    default=None,
    help="Colour the terminal report (default: when printing to a terminal).",
)
@click.option("--width", type=int, default=None, help="Terminal report width in columns.")
@run
def compare(
    account_a: str,
    account_b: str,
    fmt: str,
    output: str | None,
    side_a: str,
    side_b: str,
    method: str,
    lexicons: tuple[str, ...],
    embedder: str | None,
    colour: bool | None,
    width: int | None,
) -> None:
    """Compare two accounts of one meeting, claim by claim.

    ACCOUNT_A and ACCOUNT_B are plain text, Markdown (with YAML front matter), HTML or
    PDF files, in English or Chinese.
    """
    from ..compare import compare as do_compare
    from ..embed import default_embedder, get_embedder
    from ..ingest import read_account
    from ..report import render

    _check_distinct((account_a, account_b))
    lexicon = _lexicon(lexicons)
    a = read_account(account_a, party=side_a)
    b = read_account(account_b, party=side_b)
    if a.id == b.id:
        from dataclasses import replace

        b = replace(b, id=b.id + "_2")
    emb = get_embedder(embedder) if embedder else default_embedder()
    result = do_compare(a, b, lexicon=lexicon, embedder=emb, method=method)
    options: dict = {}
    if fmt == "terminal":
        options["colour"] = (
            colour if colour is not None else (output is None and sys.stdout.isatty())
        )
        options["columns"] = width
    _write(render(result, fmt, **options), output)


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--method",
    type=click.Choice(["readouts", "baseline", "both"]),
    default="both",
    show_default=True,
    help="Which method to score; both are run in one go.",
)
@click.option(
    "--floors",
    type=click.Path(dir_okay=False),
    help="Fail (exit 8) when a figure of readouts falls below its floor in this file.",
)
@run
def eval_(gold_dir: str, as_json: bool, method: str, floors: str | None) -> None:
    """Score readouts against gold comparisons (eval/FORMAT.md)."""
    from ..compare import compare as do_compare
    from ..evaluate import check_floors, evaluate, format_table

    methods = ["readouts", "baseline"] if method == "both" else [method]
    results = {m: evaluate(gold_dir, do_compare, method=m) for m in methods}
    main_result = results[methods[0]]
    if as_json:
        out = dict(main_result)
        if len(results) > 1:
            out["baseline"] = {k: v for k, v in results["baseline"].items() if k != "meetings"}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(results))
    if floors:
        failures = check_floors(results, floors)
        if failures:
            from ..errors import GateFailed

            raise GateFailed("quality gate failed: " + "; ".join(failures))
        click.echo("quality gate: every figure is at or above its floor", err=True)


@click.command()
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option("--l2", type=float, default=3.0, show_default=True, help="L2 penalty.")
@click.option("--write", is_flag=True, help="Write the weights into the package data file.")
@run
def calibrate(gold_dir: str, l2: float, write: bool) -> None:
    """Fit the alignment model's weights and thresholds on a gold folder."""
    from importlib import resources

    from ..calibrate import calibrate as do_calibrate

    model, report = do_calibrate(gold_dir, l2=l2)
    text = json.dumps(model.to_dict(), indent=2) + "\n"
    if write:
        target = Path(str(resources.files("readouts").joinpath("data/align_weights.json")))
        target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {target}", err=True)
    click.echo(json.dumps(report, indent=2))


def register(main: click.Group) -> None:
    main.add_command(compare)
    main.add_command(eval_)
    main.add_command(calibrate)
