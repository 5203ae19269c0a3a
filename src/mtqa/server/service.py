"""One Pipeline for the server's lifetime, and bounded, timed access to it.

Checkers may hold expensive state (a LanguageTool connection, compiled rule packs), so
the Pipeline is built once at startup and shared. ``check_document`` is synchronous and
CPU- or I/O-bound, so it runs in a thread pool of ``concurrency`` workers; at most
``queue`` more requests may wait. Beyond that a request is refused at once (503 +
Retry-After, LanguageTool's `maxWorkQueueSize` behaviour) instead of piling up. A check
that exceeds ``request_timeout`` answers 503 to its client, but its slot is released only
when the worker really finishes, so a slow check can never let more work in than the
bound allows. A server that stops does not wait for such a check (server/workers.py).

Each request is a run of its own for the state a run keeps (as for metrics): a rule pack's
runaway pattern is switched off after its timeouts in that request only, and the request's
report names only its own timeouts; one client's slow texts never turn a rule off for all.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import ExitStack
from typing import Any

from mtqa.checkers import CheckerUnavailable
from mtqa.config.settings import Settings
from mtqa.model import Document
from mtqa.report import DocumentResult
from mtqa.server.config import ServerConfig
from mtqa.server.workers import DaemonPool


class Busy(Exception):
    """No room in the work queue; the client should retry after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CheckService:
    def __init__(self, settings: Settings, config: ServerConfig, checker_names: list[str] | None = None) -> None:
        from mtqa.pipeline import Pipeline

        self.settings = settings
        self.config = config
        self.pipeline = Pipeline(settings, checker_names)
        self._executor = DaemonPool(config.concurrency, "mtqa-check")
        self._lock = threading.Lock()
        self._admitted = 0
        self.started = time.time()
        self.served = 0
        self.refused = 0
        self.timed_out = 0

    def warm_up(self) -> None:
        """Start what starts lazily before serving, once, not inside concurrent requests.

        The LanguageTool JVM is started explicitly (a warm-up sentence alone would be
        answered from the result cache and leave the JVM to the first request), from the
        main thread, so it is tied to this process; then one sentence loads the rest.
        """
        for checker in self.pipeline.checkers:
            start = getattr(checker, "start", None)
            if start is not None:
                start()
        self.pipeline.check_document(Document(id="<warm-up>", path="<warm-up>",
                                              text="This short sentence starts every checker before serving."))
        if self.pipeline.failed:
            raise CheckerUnavailable("; ".join(self.pipeline.failed.values()))

    def grammar_status(self) -> str:
        """`off`, `starting`, `ready` or `failed` (LanguageTool gave up mid-run)."""
        checker = next((c for c in self.pipeline.checkers if c.name == "grammar"), None)
        if checker is None:
            return "off"
        if "grammar" in self.pipeline.failed:
            return "failed"
        return checker.status()

    @property
    def capacity(self) -> int:
        return self.config.concurrency + self.config.queue

    @property
    def in_flight(self) -> int:
        return self._admitted

    def _admit(self) -> None:
        with self._lock:
            if self._admitted >= self.capacity:
                self.refused += 1
                raise Busy(f"server busy: {self._admitted} checks running or queued; try again shortly")
            self._admitted += 1

    def _release(self, _future: Future) -> None:
        with self._lock:
            self._admitted -= 1

    def _check_alone(self, document: Document, then: Callable[[DocumentResult], Any] | None) -> Any:
        """``document``'s result (or ``then`` of it, built in the same run: a report whose
        provenance is this request's), checked as a run of its own (``own_run``)."""
        with ExitStack() as stack:
            for checker in self.pipeline.checkers:
                own_run = getattr(checker, "own_run", None)
                if own_run is not None:
                    stack.enter_context(own_run())
            result = self.pipeline.check_document(document)
            return result if then is None else then(result)

    async def check(self, document: Document, then: Callable[[DocumentResult], Any] | None = None) -> Any:
        """Run the pipeline on ``document`` off the event loop, within the bounds; the
        result, or what ``then`` makes of it in the worker (see ``_check_alone``)."""
        self._admit()
        try:
            future = self._executor.submit(self._check_alone, document, then)
        except BaseException:
            self._release(None)  # type: ignore[arg-type]
            raise
        future.add_done_callback(self._release)
        try:
            result = await asyncio.wait_for(asyncio.wrap_future(future), self.config.request_timeout)
        except asyncio.TimeoutError:
            future.cancel()  # succeeds only if it had not started; a running check finishes in its slot
            self.timed_out += 1
            raise Busy(f"check took longer than {self.config.request_timeout:g} s, this server's limit",
                       retry_after=5) from None
        self.served += 1
        return result

    def stats(self) -> dict:
        return {
            "uptime_s": round(time.time() - self.started, 1),
            "in_flight": self._admitted,
            "capacity": self.capacity,
            "served": self.served,
            "refused": self.refused,
            "timed_out": self.timed_out,
            "checkers": [c.name for c in self.pipeline.checkers],
            "skipped": dict(self.pipeline.skipped),
            "failed": dict(self.pipeline.failed),
            "grammar": self.grammar_status(),
        }

    def close(self) -> None:
        self._executor.shutdown()
        self.pipeline.close()
