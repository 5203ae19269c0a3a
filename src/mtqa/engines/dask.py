"""`--engine dask`: documents checked on the workers of a Dask cluster.

The client reads the inputs and cuts them into partitions of whole documents (about
PARTITION_CHARS of text each, never splitting a document and never mixing files more than
needed); every worker builds one Pipeline, with its own LanguageTool server when grammar
runs, through a worker plugin that also stops it when the worker ends. Results come back
in input order, so the report is the one a single process writes. At most a few
partitions per worker are in flight: memory on the client stays bounded.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Callable, Iterable, Iterator

from mtqa.config.settings import Settings
from mtqa.engines import collect, in_order, unbatched
from mtqa.errors import MtqaError
from mtqa.model import Document
from mtqa.report import DocumentResult, InputProblem, Report

PARTITION_CHARS = 200_000
PARTITION_DOCUMENTS = 10_000  # the character bound decides; a cap on short documents all the same
PARTITIONS_PER_WORKER = 3
INSTALL_HINT = "--engine dask needs Dask: pip install 'mtqa[dask]'"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise MtqaError(INSTALL_HINT) from None
    return distributed


def _plugin_class():
    distributed = _distributed()

    class PipelinePlugin(distributed.WorkerPlugin):
        """One mtqa Pipeline per worker, built at start-up and closed with the worker."""

        def __init__(self, settings: Settings) -> None:
            self.settings = settings
            self.pipeline = None

        def setup(self, worker) -> None:
            from mtqa.pipeline import Pipeline

            self.pipeline = Pipeline(self.settings)

        def teardown(self, worker) -> None:
            if self.pipeline is not None:
                self.pipeline.close()
                self.pipeline = None

    return PipelinePlugin


def _check_partition(plugin_name: str, documents: list[Document]) -> list[DocumentResult]:
    from distributed import get_worker

    pipeline = get_worker().plugins[plugin_name].pipeline
    return pipeline.check_documents(documents)


def _worker_state(plugin_name: str, dask_worker=None) -> dict:
    return dask_worker.plugins[plugin_name].pipeline.run_state()


def run_on_dask(settings: Settings, items: Iterable[Document | InputProblem], *, scheduler: str | None,
                workers: int | None = None, on_document: Callable[[str], None] | None = None) -> Report:
    distributed = _distributed()
    from mtqa.engines.dask_stops import Stops
    from mtqa.pipeline import Pipeline, batches

    plugin_name = "mtqa-" + hashlib.sha256(pickle.dumps(settings)).hexdigest()[:12]
    # The pipeline is built before a LocalCluster forks its workers: they inherit the
    # checkers' modules and the word lists and rule packs these load, and build their own
    # in a few milliseconds (and a wrong --select fails here, before any cluster starts).
    with Stops() as stops, Pipeline(settings) as parent, _client(distributed, scheduler, workers) as client:
        stops.check()  # a Ctrl+C while the cluster started
        client.register_plugin(_plugin_class()(settings), name=plugin_name)
        window = max(1, len(client.scheduler_info().get("workers", {})) or 1) * PARTITIONS_PER_WORKER

        def submit(partition: list[Document]):
            return stops.waited(client.submit(_check_partition, plugin_name, partition, pure=False))

        parts = batches(items, PARTITION_DOCUMENTS, PARTITION_CHARS)
        results, errors = collect(unbatched(in_order(parts, submit, window)), on_document)
        states = list(client.run(_worker_state, plugin_name).values())
        _no_state_lost(states, len(results))
        for state in states:
            parent.absorb(state)
        try:
            client.unregister_worker_plugin(plugin_name)  # stops each worker's LanguageTool
        except Exception:  # noqa: BLE001 - an old scheduler without the call: workers stop it on exit
            pass
        return parent.report(results, errors)


def _no_state_lost(states: list[dict], documents: int) -> None:
    """A worker that died mid-run (its nanny starts a new one and Dask checks its documents
    again) takes along what it learnt: metric statistics, rule time-outs, failed checkers.
    The findings are complete, but a report with run-wide figures from part of the corpus
    would be silently wrong, so the run ends with an error instead."""
    counted = sum(state["documents"] for state in states)
    if counted < documents:
        raise MtqaError(f"a Dask worker died during the run: what it learnt about {documents - counted} of the "
                        f"{documents} documents (metric statistics, rule time-outs) is lost; run the check again")


@contextlib.contextmanager
def _client(distributed, scheduler: str | None, workers: int | None) -> Iterator:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster started for this run."""
    if not scheduler:
        from mtqa.engines import default_jobs
        from mtqa.engines.dask_local import local_cluster

        with local_cluster(distributed, workers or default_jobs()) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="30s")
    except (OSError, TimeoutError, ValueError) as exc:  # ValueError: no such address
        raise MtqaError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
