"""The LocalCluster `--engine dask` starts when no scheduler is given.

Its workers are forked from the client, after the client has imported distributed and
built its own pipeline: a worker starts with every module, word list and rule pack loaded
(spawned, each imported them again, about 0.5 s of start-up and 0.4 s of interpreter
teardown at the end), and its pipeline builds in milliseconds. The cluster's event loops
look at themselves once a second instead of every 20-500 ms, and a terminal's Ctrl+C,
which reaches the whole process group, is left to the client, which closes the cluster.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator

_forking = False  # true while this process forks a LocalCluster's workers


def _config() -> dict:
    # Without a dashboard nobody reads the workers' stack samples, taken every 10 ms on
    # the cores the checks need (about 7% of the wall time on two cores).
    config = {"distributed.worker.profile.enabled": False,
              # Each event loop woke every 20 ms to see whether it was blocked, and sampled
              # memory every 100 ms and system counters every 500 ms: 40 ms of CPU a second
              # in the client and 20 in each worker, taken from the cores the checks need.
              # Once a second is enough for warnings and memory limits.
              "distributed.admin.tick.interval": "1s",
              "distributed.admin.system-monitor.interval": "1s",
              "distributed.worker.memory.monitor-interval": "1s"}
    if "fork" in multiprocessing.get_all_start_methods():
        config["distributed.worker.multiprocessing-method"] = "fork"
    return config


@contextlib.contextmanager
def local_cluster(distributed, workers: int) -> Iterator:
    """A client of a new LocalCluster of ``workers`` one-thread workers, all closed on exit."""
    import dask

    global _forking
    with dask.config.set(_config()):
        _forking = True
        try:
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.CRITICAL)
        finally:
            _forking = False
    try:
        client = distributed.Client(cluster)
    except BaseException:
        cluster.close()
        raise
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _leave_stops_to_the_client() -> None:
    """In a forked worker: Ctrl+C, which a terminal sends to the whole process group, is
    left to the client (it closes the cluster); SIGTERM and SIGHUP end the worker at once
    (not through the handlers the client has while it runs)."""
    if _forking:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_DFL)


# Once per process, with this module; it acts only in the workers of a cluster being started.
os.register_at_fork(after_in_child=_leave_stops_to_the_client)
