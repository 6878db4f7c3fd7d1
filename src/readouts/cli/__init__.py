"""The ``readouts`` command: a thin layer over the library.

Each module of this package defines its commands and a ``register(main)`` function;
``main`` picks them all up, so a command group lives in one file of its own. Library
errors become a one-line message on standard error and the exit code documented in
:mod:`readouts.errors`; an unexpected error prints one line too (set
``READOUTS_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from ..errors import ReadoutsError, SystemRefused

__all__ = [
    "batch_exit_code",
    "check_distinct",
    "check_outputs",
    "embedder_option",
    "get_lexicon",
    "lexicon_option",
    "main",
    "output_option",
    "parse_sides",
    "quality_gate",
    "read_pair",
    "run",
    "side_option",
    "sides_from_front_matter_or_usage",
    "write_output",
]

F = TypeVar("F", bound=Callable[..., Any])


def run(fn: F) -> F:
    """Turn library errors into one line and their exit code."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReadoutsError as exc:
            click.echo(f"readouts: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("readouts: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except OSError as exc:  # the system refused (a full disk on standard output...)
            where = f"{exc.filename}: " if exc.filename else "the system refused: "
            click.echo(f"readouts: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(SystemRefused.exit_code)
        except Exception as exc:  # anything unplanned: one line, no traceback
            if os.environ.get("READOUTS_DEBUG"):
                raise
            click.echo(
                f"readouts: internal error: {exc.__class__.__name__}: {exc} "
                "(set READOUTS_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


# options and helpers the command modules share

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write to this file instead of standard output (checked before the work, "
    "written whole or not at all).",
)
lexicon_option = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A lexicon file that adds or overrides entries (repeatable).",
)
embedder_option = click.option(
    "--embedder", default=None, help="Embedder registry name (usem3.v1, fake.v1)."
)


def batch_exit_code(failed: int, total: int) -> int:
    """A batch command's exit code: 0 when nothing failed, 126 when (nearly) everything
    did, 1 otherwise (trafilatura's convention)."""
    if total and failed / total > 0.99:
        return 126
    return 1 if failed else 0


def check_outputs(*paths: str | None) -> None:
    """Refuse, before any work, a destination the write would fail on (exit 9)."""
    from ..files import check_writable

    for path in paths:
        if path:
            check_writable(path)


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output`` (through a temporary file renamed over it),
    or to standard output when there is none or it is ``-``."""
    if output and output != "-":
        from ..files import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def check_distinct(paths: Sequence[str]) -> None:
    """Refuse the same file given twice (under two names, too); ``-`` (standard input)
    can be given once."""
    from ..errors import DuplicateInputError
    from ..fetch import is_url

    seen: set[str] = set()
    for p in paths:
        key = p if p == "-" or is_url(p) else os.path.realpath(p)  # no error on a link loop
        if key in seen:
            what = (
                "standard input (-) is given twice" if p == "-" else "the same file is given twice"
            )
            raise DuplicateInputError(what, path=None if p == "-" else p)
        seen.add(key)


side_option = click.option(
    "--side",
    "side_specs",
    multiple=True,
    metavar="NAME:FILE[,FILE]",
    help="Which side issued which accounts (repeatable); the first file of a side is its "
    "account, the others its versions in other languages.",
)


def parse_sides(specs: Sequence[str], files: Sequence[str]) -> dict[str, list[str]]:
    """``--side nato:a.txt,b.txt`` options into {side: [files]}; every file in one side.
    A malformed option, or a file in no side, is a usage error (exit 2)."""
    sides: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, rest = spec.partition(":")
        if not sep or not name.strip() or not rest.strip():
            raise click.UsageError(f"--side must look like NAME:FILE[,FILE...], got {spec!r}")
        sides.setdefault(name.strip(), []).extend(f.strip() for f in rest.split(",") if f.strip())
    named = [f for fs in sides.values() for f in fs]
    for f in files:
        if f not in named:
            raise click.UsageError(f"{f} is not in any --side; name the side of every account")
    return sides


def sides_from_front_matter_or_usage(paths: Sequence[str]) -> dict[str, list[str]]:
    """Sides from each file's ``side:`` front matter; a file without one is a usage error
    (three or more accounts need --side)."""
    from ..errors import ConfigError
    from ..multi import sides_from_front_matter

    try:
        return sides_from_front_matter(paths)
    except ConfigError as exc:
        raise click.UsageError(f"{len(paths)} accounts: {exc.message}") from None


def read_pair(path_a: str, path_b: str, party_a: str = "", party_b: str = "") -> tuple[Any, Any]:
    """Two accounts read from two different files or http(s) addresses; the second id
    gets ``_2`` when the names give both the same one."""
    from dataclasses import replace

    from ..fetch import read_source

    check_distinct((path_a, path_b))
    a = read_source(path_a, party=party_a)
    b = read_source(path_b, party=party_b)
    return a, (replace(b, id=b.id + "_2") if a.id == b.id else b)


def quality_gate(failures: Sequence[str]) -> None:
    """Fail (exit 8) naming every figure below its floor, or say that the gate passed."""
    if failures:
        from ..errors import GateFailed

        raise GateFailed("quality gate failed: " + "; ".join(failures))
    click.echo("quality gate: every figure is at or above its floor", err=True)


def get_lexicon(paths: tuple[str, ...]) -> Any:
    """The built-in lexicons, overlaid by the user's files when any are given."""
    from ..lexicon import default_lexicon, load_lexicon

    return load_lexicon(paths) if paths else default_lexicon()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="readouts")
def main() -> None:
    """Compare the accounts each side publishes of one diplomatic meeting.

    Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 unsupported language,
    5 lexicon or settings error, 6 encoder unavailable, 7 storage error, 8 quality gate
    failed, 9 the system refused (an output cannot be written, a port is in use); the
    batch commands (corpus ingest and analyze, export-events): 1 some items failed, 126
    nearly all did.
    """


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is None:
            raise ImportError(f"readouts.cli.{info.name} has no register(main)")
        register(main)


_register_all()
