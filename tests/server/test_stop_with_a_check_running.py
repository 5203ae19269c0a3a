"""A server that stops does not wait for a check still running in a worker.

Its client has been answered (503 after the request timeout) or has gone; the process used
to stay alive until the check ended, so SIGTERM or Ctrl-C seemed to do nothing for as long
as a slow check took. Each test runs in a process of its own and must end by itself: the
check it leaves behind never returns.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import REPO

SERVICE = textwrap.dedent("""
    import asyncio, threading
    from mtqa.model import Document
    from mtqa.server import ServerConfig
    from mtqa.server.service import Busy
    from tests.server.conftest import make_service, no_grammar_settings

    settings = no_grammar_settings()
    service = make_service(settings, ServerConfig.from_settings(settings.server, request_timeout=0.5))

    started, found = threading.Event(), []

    def hold(result):  # what the request makes of the result: here, it never finishes
        found.append(len(result.findings))
        started.set()
        threading.Event().wait()

    async def request():
        try:
            await service.check(Document(id="a", path="a", text="He said the the thing."), hold)
        except Busy as exc:
            print(exc, flush=True)

    asyncio.run(request())
    started.wait()  # the check has run and holds its worker for good
    print(found, "finding(s), in flight:", service.in_flight, flush=True)
    service.close()
""")


def _run(code: str) -> subprocess.CompletedProcess:
    # The timeout only stops a hung child; how long a run takes is not asserted.
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)


def test_a_check_still_running_does_not_keep_a_closed_service_alive():
    result = _run(SERVICE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "check took longer than 0.5 s, this server's limit", "[1] finding(s), in flight: 1"]


def test_the_pool_runs_calls_in_order_hands_back_errors_and_cancels_what_waits():
    result = _run(textwrap.dedent("""
        import threading
        from mtqa.server.workers import DaemonPool

        pool = DaemonPool(1, "t")
        print(pool.submit(sum, [1, 2]).result(), type(pool.submit(int, "x").exception()).__name__)
        started = threading.Event()
        running = pool.submit(lambda: (started.set(), threading.Event().wait()))
        waiting = pool.submit(print, "never")
        started.wait()
        pool.shutdown()
        print(running.running(), waiting.cancelled())
        try:
            pool.submit(print, "after")
        except RuntimeError as exc:
            print(exc)
    """))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["3 ValueError", "True True", "cannot submit after shutdown"]
