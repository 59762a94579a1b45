"""Beyond one machine: the same batch on a Dask distributed cluster (the `cluster` extra).

`--cluster local[:N]` starts a LocalCluster of N worker processes (default: the cores);
`--cluster tcp://HOST:8786` uses a running scheduler. Each Dask task reads one document with
`run_one`, that is in an isolated worker process of its own with the same time and memory
bounds as on one machine; the result store, the ordering, the output and the signals stay on
this side, so --out-dir, resume and --output behave exactly as without a cluster.

The workers open the inputs themselves: the paths must name the same files on every worker
(a shared folder mounted at the same place; paths are sent absolute). A Dask worker started by
a nanny is a daemonic process, which Python forbids to start processes of its own: start
remote workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (LocalCluster is set up so here).
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from functools import partial
from pathlib import Path
from typing import Any

from . import signals
from .scheduler import TICK, Backend, Outcome, Settings, addressed_to, default_jobs, run_one, stop_worker
from .worker import Result

CONNECT_TIMEOUT = "10s"
LEAN_WORKERS = {
    "distributed.worker.daemon": False,  # our workers start processes of their own (see above)
    # Each document's worker bounds its own memory and time; Dask's sampling profiler (every
    # 10 ms) and memory monitor would only take CPU from the documents on a LocalCluster.
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    # Dask asks glibc to return freed memory at once (MALLOC_TRIM_THRESHOLD_=64 KiB), which also
    # stops malloc from keeping large blocks: the OCR engine then maps and faults in its buffers
    # afresh for every page (a scan took 40% longer than with --jobs).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class ClusterError(Exception):
    """The cluster could not be started or reached: one line, exit 2."""


def parse_local(spec: str) -> int | None:
    """N for "local" / "local:N", None for an address."""
    name, _, count = spec.partition(":")
    if name != "local":
        return None
    try:
        n = int(count) if count else default_jobs()
    except ValueError:
        n = 0
    if n < 1:
        raise ClusterError(f"--cluster {spec}: give local, local:N (N ≥ 1) or tcp://HOST:PORT")
    return n


@contextmanager
def dask_backend(spec: str) -> Iterator[Backend]:
    try:
        import dask  # noqa: PLC0415 - the optional extra
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        raise ClusterError("--cluster needs Dask distributed: pip install 'slaextract[cluster]'") from None
    workers = parse_local(spec)
    if workers is None and "://" not in spec:
        raise ClusterError(f"--cluster {spec}: give local, local:N or tcp://HOST:PORT")
    with ExitStack() as stack:
        stack.enter_context(dask.config.set(LEAN_WORKERS))
        try:
            if workers is not None:
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                )
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(spec, timeout=CONNECT_TIMEOUT))
        except Exception as exc:  # Dask raises OSError, TimeoutError, RuntimeError… for a cluster that fails to come up
            detail = " ".join(str(exc).split())[:200]
            raise ClusterError(f"--cluster {spec}: could not start or reach the cluster ({detail})") from None
        refuse_daemonic_workers(client, spec)
        yield partial(run_on_cluster, client)
        with suppress(Exception):  # let each Dask worker's document worker go before Dask stops it
            client.run(stop_worker)


def refuse_daemonic_workers(client: Any, spec: str) -> None:
    daemonic = client.run(lambda: multiprocessing.current_process().daemon)
    if any(daemonic.values()):
        raise ClusterError(
            f"--cluster {spec}: the Dask workers are daemonic processes and cannot isolate documents; "
            "start them with DASK_DISTRIBUTED__WORKER__DAEMON=False"
        )


def read_on_worker(path: str, settings: Settings) -> Result:
    """One Dask task: one document, read in an isolated process on the Dask worker."""
    return run_one(Path(path), settings.password, settings.timeout, settings.max_pages)


def run_on_cluster(client: Any, todo: list[tuple[int, Path]], settings: Settings, jobs: int) -> Iterator[Outcome]:
    """Every document as a task; outcomes in completion order (paths as the user gave them)."""
    from distributed import as_completed  # noqa: PLC0415

    if not todo:
        return
    futures = {
        client.submit(read_on_worker, str(path.resolve()), settings, pure=False): (index, path) for index, path in todo
    }
    finished = as_completed(list(futures))
    try:
        while not finished.is_empty():
            signals.check()
            batch = finished.next_batch(block=False)
            if not batch:
                time.sleep(TICK / 4)
                continue
            for future in batch:
                index, path = futures[future]
                yield Outcome(index, path, addressed_to(task_result(future, path), path))
    finally:
        client.cancel(list(futures))


def task_result(future: Any, path: Path) -> Result:
    try:
        return future.result()
    except Exception as exc:  # the Dask worker itself died or the task could not run
        from ..errors import InputError  # noqa: PLC0415

        detail = " ".join(str(exc).split())[:300]
        return InputError(f"could not be processed on the cluster ({type(exc).__name__}: {detail})", str(path))
