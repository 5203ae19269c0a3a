"""`--jobs N`: documents checked in N worker processes, results merged in input order.

The parent reads the inputs, cuts them into small batches of documents (one round trip
each, and a batch is what the naturalness model scores in one call) and keeps at most a
few batches per worker in flight, so memory stays bounded however large the corpus; each
worker builds its own Pipeline once (checkers, compiled rule packs, models) and keeps it
for every batch it gets. Workers are forked so they start with the parent's imports,
ignore Ctrl+C (the parent handles it and stops them), and ask the kernel to kill them if
the parent dies without cleaning up.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from mtqa.config.settings import Settings
from mtqa.engines import collect, in_order, unbatched
from mtqa.engines.shared_server import shared_languagetool
from mtqa.errors import MtqaError
from mtqa.languagetool.lifetime import die_with_parent
from mtqa.model import Document
from mtqa.report import DocumentResult, InputProblem, Report

# Batches in flight per worker: enough to keep every worker busy while the parent reads.
WINDOW_PER_WORKER = 4
# Smaller than one process's batches: a small corpus still gives every worker some.
BATCH_DOCUMENTS = 16
BATCH_CHARS = 25_000

_pipeline = None  # the worker's Pipeline, built once by _start_worker
_barrier = None  # holds every worker at the end, so each hands in its run state exactly once


def _start_worker(settings: Settings, barrier) -> None:
    global _pipeline, _barrier
    _barrier = barrier
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent turns Ctrl+C into a clean stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()
    import atexit

    from mtqa.pipeline import Pipeline

    _pipeline = Pipeline(settings)
    atexit.register(_pipeline.close)


def _check(documents: list[Document]) -> list[DocumentResult]:
    return _pipeline.check_documents(documents)


def _run_state() -> dict:
    _barrier.wait(timeout=600)  # one of these tasks per worker: wait until each has one
    return _pipeline.run_state()


def run_in_processes(settings: Settings, items: Iterable[Document | InputProblem], jobs: int,
                     on_document: Callable[[str], None] | None = None) -> Report:
    from mtqa.languagetool.lifetime import exit_on_signals
    from mtqa.pipeline import Pipeline, batches

    exit_on_signals()  # SIGTERM stops the workers and the server through the clean-up below
    with shared_languagetool(settings, jobs) as settings:
        with Pipeline(settings) as parent:  # rules and provenance for the report; checks nothing
            context = multiprocessing.get_context("fork")
            barrier = context.Barrier(jobs)
            pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                       initargs=(settings, barrier))
            try:
                done = in_order(batches(items, BATCH_DOCUMENTS, BATCH_CHARS), partial(pool.submit, _check),
                                jobs * WINDOW_PER_WORKER)
                results, errors = collect(unbatched(done), on_document)
                for state in [f.result() for f in [pool.submit(_run_state) for _ in range(jobs)]]:
                    parent.absorb(state)
            except BrokenProcessPool:
                _stop(pool)
                raise MtqaError("a worker process died (out of memory or killed); no report was written") from None
            except BaseException:
                _stop(pool)
                raise
            pool.shutdown(wait=True)
            return parent.report(results, errors)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once: cancel what has not started and end the workers that are busy."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
