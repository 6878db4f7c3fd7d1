"""The corpus: store many accounts, pair the accounts of each meeting, follow two parties.

One SQLite file (``readouts.db``) holds everything (:mod:`.store`, schema in
``docs/corpus.md``). The stages, each a function over a :class:`Store`:

* :func:`ingest` files, folders, globs and JSON Lines (:mod:`.ingest`);
* :func:`pair` the accounts of each meeting, blocking on date and actors (:mod:`.pair`),
  with :func:`confirm`, :func:`split` and :func:`merge` for the user's decisions;
* :func:`analyze` every account and every group, resumable, in this process, local
  processes or on Dask (:mod:`.analyze`, :mod:`.work`, :mod:`.dask`);
* :func:`trend` of a dyad over time (:mod:`.trend`), :func:`search` over claims
  (:mod:`.search`), :func:`export` as CSV, Parquet and PLOVER events (:mod:`.export`).

The ``readouts corpus`` commands are a thin layer over these.
"""

from .analyze import AnalyzeReport, analyze
from .export import export
from .ingest import IngestReport, ingest
from .pair import PairReport, confirm, groups, merge, pair, split
from .search import Hit, search
from .store import DEFAULT_DB, Store
from .trend import TrendRow, resolve_dyad, trend

__all__ = [
    "DEFAULT_DB",
    "AnalyzeReport",
    "Hit",
    "IngestReport",
    "PairReport",
    "Store",
    "TrendRow",
    "analyze",
    "confirm",
    "export",
    "groups",
    "ingest",
    "merge",
    "pair",
    "resolve_dyad",
    "search",
    "split",
    "trend",
]
