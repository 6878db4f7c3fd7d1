"""Core commands: compare, eval, calibrate."""

from __future__ import annotations

import json
import sys

import click

from . import (
    check_distinct,
    check_outputs,
    embedder_option,
    get_lexicon,
    lexicon_option,
    output_option,
    parse_sides,
    quality_gate,
    read_pair,
    run,
    side_option,
    sides_from_front_matter_or_usage,
    write_output,
)

__all__ = ["register"]

#: The largest manifest file read.
MANIFEST_MAX_BYTES = 1_000_000


def _check_manifest(path: str) -> None:
    """A manifest is a small regular file (never a pipe or a device)."""
    from ..files import read_limited

    read_limited(path, MANIFEST_MAX_BYTES, what="manifest file")


@click.command()
@click.argument("accounts", nargs=-1, type=click.Path(dir_okay=False))
@side_option
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="A JSON or YAML file mapping each side to its files (or a gold file), instead of "
    "ACCOUNTS and --side.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "json", "html"]),
    default="terminal",
    show_default=True,
    help="How to print the comparison.",
)
@output_option
@click.option("--side-a", default="", help="Party that issued the first account (e.g. NATO).")
@click.option("--side-b", default="", help="Party that issued the second account.")
@click.option(
    "--method",
    type=click.Choice(["readouts", "baseline"]),
    default="readouts",
    show_default=True,
    help="baseline: sentences, raw cosine, one threshold.",
)
@lexicon_option
@embedder_option
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Also draw the topic coverage of each side to this PNG file.",
)
@click.option(
    "--colour/--no-colour",
    "--color/--no-color",
    default=None,
    help="Colour the terminal report (default: when printing to a terminal).",
)
@click.option("--width", type=int, default=None, help="Terminal report width in columns.")
@run
def compare(
    accounts: tuple[str, ...],
    side_specs: tuple[str, ...],
    manifest: str | None,
    fmt: str,
    output: str | None,
    side_a: str,
    side_b: str,
    method: str,
    lexicons: tuple[str, ...],
    embedder: str | None,
    plot_path: str | None,
    colour: bool | None,
    width: int | None,
) -> None:
    """Compare the accounts of one meeting, claim by claim.

    ACCOUNTS are plain text, Markdown (with YAML front matter), HTML or PDF files, in
    English or Chinese. Two accounts are compared directly; for more (language versions
    of one statement, or three or more sides) say which side issued each with --side.
    """
    from ..embed import get_embedder

    if manifest and (accounts or side_specs):
        raise click.UsageError("give the accounts either with --manifest or as arguments, not both")
    if len(accounts) < 2 and not manifest:
        raise click.UsageError("give at least two accounts to compare")
    several = bool(manifest or side_specs or len(accounts) > 2)
    if plot_path and several:
        raise click.UsageError("--plot draws the topics of two accounts; give two, without --side")
    if method != "readouts" and several:  # its claims are sentences: none to merge per side
        raise click.UsageError(
            f"--method {method} compares two accounts; give two, without --side or --manifest"
        )
    specs = parse_sides(side_specs, accounts) if side_specs else None
    check_distinct(accounts)
    # everything that would stop the command after the work is checked before it
    check_outputs(output)
    if plot_path:
        from ..plot import check_plot

        check_plot(plot_path)
    if manifest:
        _check_manifest(manifest)
    lexicon = get_lexicon(lexicons)
    emb = get_embedder(embedder)
    options: dict = {}
    if fmt == "terminal":
        options["colour"] = (
            colour if colour is not None else (output is None and sys.stdout.isatty())
        )
        options["columns"] = width
    from ..model import Comparison
    from ..multi import SidesComparison
    from ..report import render

    result: Comparison | SidesComparison
    if several:
        from ..multi import compare_sides, load_manifest

        if manifest:
            sides = load_manifest(manifest)
        elif specs is not None:
            sides = specs
        else:  # every file's front matter names its side, or a one-line error says which not
            sides = sides_from_front_matter_or_usage(accounts)
        result = compare_sides(sides, lexicon=lexicon, embedder=emb)
    else:
        from ..comparison import compare as do_compare

        a, b = read_pair(accounts[0], accounts[1], side_a, side_b)
        result = do_compare(a, b, lexicon=lexicon, embedder=emb, method=method)
    write_output(render(result, fmt, lexicon=lexicon, **options), output)
    if plot_path and isinstance(result, Comparison):
        from ..plot import topic_coverage_png

        topic_coverage_png(result, plot_path)


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
@click.option(
    "--errors",
    is_flag=True,
    help="Also list readouts' mistakes, sorted by cause (missed conflicts, false links...).",
)
@click.option(
    "--invariance",
    is_flag=True,
    help="Also check that the English and Chinese versions of one side, and simplified and "
    "traditional script, give the other side's claims the same labels.",
)
@run
def eval_(
    gold_dir: str,
    as_json: bool,
    method: str,
    floors: str | None,
    errors: bool,
    invariance: bool,
) -> None:
    """Score readouts against gold comparisons (eval/FORMAT.md)."""
    from ..comparison import compare as do_compare
    from ..evaluation import check_floors, diagnose_all, evaluate, format_errors, format_table
    from ..evaluation import invariance as check_invariance

    if errors:
        click.echo(format_errors(diagnose_all(gold_dir, do_compare)))
    methods = ["readouts", "baseline"] if method == "both" else [method]
    results = {m: evaluate(gold_dir, do_compare, method=m) for m in methods}
    main_result = results[methods[0]]
    if invariance:
        checks = check_invariance(gold_dir, do_compare)
        main_result["invariance"] = checks
        for key, value in checks.items():
            if isinstance(value, int | float):
                main_result[f"invariance_{key}"] = value
    if as_json:
        out = dict(main_result)
        if len(results) > 1:
            out["baseline"] = {k: v for k, v in results["baseline"].items() if k != "meetings"}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(results))
    if floors:
        quality_gate(check_floors(results, floors))


@click.command()
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option("--l2", type=float, default=3.0, show_default=True, help="L2 penalty.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the fitted weights to this file (the project's is "
    "src/readouts/data/align_weights.json); without it they are printed.",
)
@click.option(
    "--held-out/--no-held-out",
    default=True,
    show_default=True,
    help="Also fit without each meeting in turn and score it (slow: one fit per meeting).",
)
@run
def calibrate(gold_dir: str, l2: float, output: str | None, held_out: bool) -> None:
    """Fit the alignment, conflict and score weights on a gold folder (eval/train).

    Never on ../shared/eval/dev: that is the validation set."""
    from ..calibrate import calibrate as do_calibrate

    check_outputs(output)
    weights, report = do_calibrate(gold_dir, l2=l2, held_out=held_out)
    write_output(json.dumps(weights, indent=2, ensure_ascii=False) + "\n", output)
    if output:
        click.echo(f"wrote {output}", err=True)
    click.echo(json.dumps(report, indent=2), err=not output)


@click.command()
@click.argument("first", type=click.Path(file_okay=False))
@click.argument("second", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@run
def agreement(first: str, second: str, as_json: bool) -> None:
    """How far two annotations of the same meetings agree (the human ceiling).

    Scores SECOND as if it were the tool against FIRST, and the reverse, with the
    metrics of `readouts eval`, for the meetings both folders hold."""
    from ..evaluation import agreement as do_agreement

    result = do_agreement(first, second)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{len(result['meetings'])} meetings annotated twice")
    for key, value in result["mean"].items():
        click.echo(f"  {key:<30} {value:.3f}")
    for mid, (r1, r2) in result["ratings"].items():
        click.echo(f"  rating {mid}: {r1} / {r2}")


def register(main: click.Group) -> None:
    main.add_command(compare)
    main.add_command(eval_)
    main.add_command(agreement)
    main.add_command(calibrate)
