"""Dask: run the analysis on a dask.distributed cluster, with the same results.

``--dask local`` starts a local cluster of ``workers`` processes (one thread each,
the encoder single-threaded in each); ``--dask tcp://host:8786`` uses a running
scheduler, whose workers must have readouts installed. Batches are submitted a few
at a time (at most twice the cluster's threads in flight), so memory stays flat on
any corpus; the driver writes each batch's rows as it completes. The workers never
touch the database: they receive the accounts' data and return rows
(:mod:`readouts.corpus.work`), so the rows are the same as a single-process run's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ConfigError
from .executors import Executor, bounded
from .work import UnitResult, UnitSpec, WorkerConfig, run_batch

__all__ = ["dask_executor", "dask_worker_count", "local_cluster"]


def _import() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError(
            "--dask needs dask.distributed: pip install 'dask[distributed]'"
        ) from None
    return distributed


def local_cluster(workers: int) -> Any:
    """A local cluster of ``workers`` processes with one thread each, on free ports."""
    distributed = _import()
    return distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        # ":0" binds whatever port is free: the scheduler serves its HTTP routes even
        # without the dashboard, and ":8787" fails whenever another cluster runs
        dashboard_address=":0",
        silence_logs=50,
    )


def dask_worker_count(address: str, workers: int) -> int:
    """How many workers the run will use (for the report; a remote cluster is asked)."""
    return workers if address == "local" else 0


def dask_executor(address: str, workers: int) -> Executor:
    """An executor (see :mod:`readouts.corpus.executors`) running batches on Dask."""
    if address != "local" and "://" not in address and ":" not in address:
        raise ConfigError(
            f"--dask takes a scheduler address (tcp://host:8786) or 'local', not {address!r}"
        )

    def run(batches: Iterable[list[UnitSpec]], config: WorkerConfig) -> Iterator[list[UnitResult]]:
        distributed = _import()
        cluster = local_cluster(workers) if address == "local" else None
        try:
            client = distributed.Client(cluster if cluster is not None else address, timeout=30)
        except OSError as exc:
            if cluster is not None:
                cluster.close()
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            threads = max(1, sum(client.nthreads().values()))

            def submit(batch: list[UnitSpec]) -> Any:
                return client.submit(run_batch, batch, config, pure=False)

            def wait_any(pending: set[Any]) -> tuple[set[Any], set[Any]]:
                done, not_done = distributed.wait(pending, return_when="FIRST_COMPLETED")
                return set(done), set(not_done)

            yield from bounded(submit, batches, 2 * threads, wait_any)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run
