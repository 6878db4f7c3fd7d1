"""Executors: how batches of analysis units are run, and their results gathered.

An executor takes batches of :class:`~readouts.corpus.work.UnitSpec` and a worker
configuration and yields each batch's results as it completes: :func:`serial` in this
process, :func:`processes` in local worker processes; :mod:`readouts.corpus.dask` gives
one for a Dask cluster. :func:`bounded` keeps a few batches in flight, so memory stays
flat on any corpus.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from .work import UnitResult, UnitSpec, WorkerConfig, run_batch

__all__ = ["Executor", "bounded", "processes", "serial"]

Executor = Callable[[Iterable[list[UnitSpec]], WorkerConfig], Iterator[list[UnitResult]]]


def serial(batches: Iterable[list[UnitSpec]], config: WorkerConfig) -> Iterator[list[UnitResult]]:
    """Run every batch in this process."""
    for batch in batches:
        yield run_batch(batch, config)


def bounded(
    submit: Callable[[list[UnitSpec]], Any],
    batches: Iterable[list[UnitSpec]],
    in_flight: int,
    wait_any: Callable[[set[Any]], tuple[set[Any], set[Any]]],
) -> Iterator[Any]:
    """Keep at most ``in_flight`` batches submitted; yield results as they complete."""
    source = iter(batches)
    pending: set[Any] = set()
    exhausted = False
    while True:
        while not exhausted and len(pending) < in_flight:
            nxt = next(source, None)
            if nxt is None:
                exhausted = True
                break
            pending.add(submit(nxt))
        if not pending:
            return
        done, pending = wait_any(pending)
        for f in done:
            yield f.result()


def processes(workers: int) -> Executor:
    """Run batches in ``workers`` local processes."""

    def run(batches: Iterable[list[UnitSpec]], config: WorkerConfig) -> Iterator[list[UnitResult]]:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:

            def submit(batch: list[UnitSpec]) -> Future[list[UnitResult]]:
                return pool.submit(run_batch, batch, config)

            def wait_any(pending: set[Any]) -> tuple[set[Any], set[Any]]:
                done, rest = wait(pending, return_when=FIRST_COMPLETED)
                return set(done), set(rest)

            yield from bounded(submit, batches, 2 * workers, wait_any)

    return run
