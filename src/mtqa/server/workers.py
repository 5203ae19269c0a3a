"""The server's check threads: a fixed pool of daemon threads handing back Futures.

Why not ThreadPoolExecutor: the interpreter joins its threads before it exits, so a server
told to stop (SIGTERM, Ctrl-C) went on running, minutes at a time, until every check still
in a worker ended, although its client had already been answered (503 after
``request_timeout``) or had gone. A stopped server abandons such a check: these threads
are daemons, and the process ends when the main thread has cleaned up (LanguageTool
stopped, socket closed).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

_STOP = None


class DaemonPool:
    def __init__(self, workers: int, name: str) -> None:
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._closed = False
        self._threads = [threading.Thread(target=self._work, name=f"{name}_{i}", daemon=True)
                         for i in range(workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        if self._closed:
            raise RuntimeError("cannot submit after shutdown")
        future: Future = Future()
        self._queue.put((future, fn, args))
        return future

    def shutdown(self) -> None:
        """Cancel what waits, let idle threads end; a running call is abandoned, not awaited."""
        self._closed = True
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not _STOP:
                item[0].cancel()
        for _ in self._threads:
            self._queue.put(_STOP)

    def _work(self) -> None:
        while (item := self._queue.get()) is not _STOP:
            future, fn, args = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting request, as an executor does
                future.set_exception(exc)
            else:
                future.set_result(result)
            del future, fn, args, item  # the finished check's document and result are not kept alive
