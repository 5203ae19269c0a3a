"""Where the pipeline runs: in this process, in `--jobs N` worker processes, or on Dask.

Documents are the unit of work in every engine and results come back in input order, so
`--jobs 4` and `--engine dask` give the report `--jobs 1` gives. The grammar checker's
LanguageTool server is shared: the process that owns the run starts one (unless a URL or
a running `mtqa languagetool start` server is there) and the workers talk to it.
"""

from __future__ import annotations

import collections
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from mtqa.config.settings import Settings
from mtqa.errors import MtqaError
from mtqa.report import DocumentResult, InputProblem, Report

def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run(
    settings: Settings,
    paths: Iterable[str],
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    on_document: Callable[[str], None] | None = None,
) -> Report:
    if scheduler and engine != "dask":
        raise MtqaError("--scheduler needs --engine dask")
    from mtqa.readers import iter_documents

    items = iter_documents(paths, settings)
    if engine == "dask":
        from mtqa.engines.dask import run_on_dask

        return run_on_dask(settings, items, scheduler=scheduler, workers=jobs, on_document=on_document)
    if jobs > 1:
        head, items = _peek_documents(items, 2)
        if head < 2:
            jobs = 1  # one document: workers would only add their start-up
    if jobs <= 1:
        from mtqa.pipeline import Pipeline

        with Pipeline(settings) as pipeline:
            return pipeline.run_documents(items, on_document=on_document)
    from mtqa.engines.processes import run_in_processes

    return run_in_processes(settings, items, jobs, on_document=on_document)


def _peek_documents(items: Iterator, wanted: int) -> tuple[int, Iterator]:
    """How many documents (up to ``wanted``) come first, and the items unconsumed."""
    buffered = []
    seen = 0
    for item in items:
        buffered.append(item)
        if not isinstance(item, InputProblem):
            seen += 1
            if seen >= wanted:
                break
    return seen, itertools.chain(buffered, items)


def in_order(items: Iterable, submit: Callable[[Any], Any], window: int) -> Iterator:
    """What each future ``submit(item)`` returns, in input order (InputProblems pass through in
    place), with at most ``window`` submissions not yet taken: memory stays bounded."""
    pending: collections.deque = collections.deque()
    for item in items:
        pending.append(item if isinstance(item, InputProblem) else submit(item))
        while len(pending) > window or (pending and isinstance(pending[0], InputProblem)):
            yield _taken(pending.popleft())
    while pending:
        yield _taken(pending.popleft())


def unbatched(stream: Iterable[list | InputProblem]) -> Iterator:
    """The items of each batch in turn; an InputProblem stays in its place."""
    for batch in stream:
        if isinstance(batch, InputProblem):
            yield batch
        else:
            yield from batch


def _taken(value):
    return value if isinstance(value, InputProblem) else value.result()


def collect(stream: Iterable[DocumentResult | InputProblem], on_document: Callable[[str], None] | None
            ) -> tuple[list[DocumentResult], list[InputProblem]]:
    """Results and unreadable inputs of a run, each announced to ``on_document`` as it comes."""
    results: list[DocumentResult] = []
    errors: list[InputProblem] = []
    for item in stream:
        (errors if isinstance(item, InputProblem) else results).append(item)
        if on_document is not None:
            on_document(item.path)
    return results, errors
