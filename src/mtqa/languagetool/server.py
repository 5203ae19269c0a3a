"""One LanguageTool JVM started by mtqa: free loopback port, readiness wait, warm-up, stop.

language-tool-python can start the server too, but it waits only 15 s (too short on a
loaded 2-core machine), then starts another JVM on another port without killing the first,
and sets no heap limit. mtqa starts the JVM itself and hands the URL to the client.

A server that is not ``detached`` dies with the process that started it: it is stopped by
``stop``, by an atexit hook, on SIGTERM/SIGHUP, and by the kernel's parent-death signal
even if Python is killed outright (mtqa.languagetool.lifetime).
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from mtqa.languagetool.install import MAIN_CLASS, Installation, LanguageToolMissing, find_java
from mtqa.languagetool.lifetime import spawn
from mtqa.languagetool.properties import write_properties

# JVM system property naming the process that owns a server (tests look for leftovers by it).
OWNER_PROPERTY = "mtqa.owner"
WARMUP_TEXT = "This is a short warm-up text. It has one eror in it, and he go home."

_LIVE: set[ServerProcess] = set()


class ServerStartError(LanguageToolMissing):
    """The JVM did not come up; the message carries the last line of its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        return requests.get(f"{url}/v2/healthcheck", timeout=timeout).status_code == 200
    except requests.RequestException:
        return False


class ServerProcess:
    """A LanguageTool HTTP server on 127.0.0.1; ``start`` returns once it answers checks."""

    def __init__(
        self,
        installation: Installation,
        *,
        heap: str = "1g",
        properties: dict | None = None,
        ready_timeout: float = 240.0,
        detached: bool = False,
        log_path: Path | None = None,
        language: str = "en-US",
    ) -> None:
        self.installation = installation
        self.heap = heap
        self.properties = properties or {}
        self.ready_timeout = ready_timeout
        self.detached = detached
        self.language = language
        self.port: int | None = None
        self.process: subprocess.Popen | None = None
        if detached and log_path is not None:
            self._workdir = log_path.parent  # outlives this process, like the server
        else:
            self._workdir = Path(tempfile.mkdtemp(prefix="mtqa-lt-"))
        self.log_path = log_path or self._workdir / "server.log"

    @classmethod
    def for_grammar(cls, installation: Installation, options, properties: dict | None = None,
                    **where) -> ServerProcess:
        """A server with the `[checkers.grammar]` options (heap, server properties, timeouts);
        ``where``: ``detached``/``log_path`` for the server `mtqa languagetool start` leaves."""
        return cls(
            installation,
            heap=options["heap"],
            properties=dict(options["server"]) if properties is None else properties,
            ready_timeout=options["ready_timeout"],
            language=options["language"],
            **where,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def command(self, port: int) -> list[str]:
        config = write_properties(self._workdir / "server.properties", self.properties)
        return [
            find_java(), f"-Xmx{self.heap}", "-Xms64m", "-XX:+UseSerialGC",
            f"-D{OWNER_PROPERTY}={os.getpid()}", "-Dfile.encoding=UTF-8",
            "-cp", self.installation.classpath, MAIN_CLASS,
            "--port", str(port), "--config", str(config),
        ]

    def start(self) -> str:
        last_error: Exception | None = None
        for _ in range(3):  # a port taken between free_port() and the JVM's bind: try another
            self.port = free_port()
            try:
                self._launch()
                self._wait_ready()
                return self.url
            except ServerStartError as exc:
                last_error = exc
                self.stop()
                if "port" not in str(exc).lower():
                    break
        raise last_error  # type: ignore[misc]

    def _launch(self) -> None:
        log = open(self.log_path, "ab")
        kwargs: dict = {"stdout": log, "stderr": subprocess.STDOUT, "stdin": subprocess.DEVNULL}
        try:
            if self.detached:
                self.process = subprocess.Popen(self.command(self.port), start_new_session=True, **kwargs)
            else:
                self.process = spawn(self.command(self.port), **kwargs)
        finally:
            log.close()
        if not self.detached:
            _LIVE.add(self)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout
        while not healthy(self.url, timeout=1.0):
            if self.process.poll() is not None:
                raise ServerStartError(f"LanguageTool server exited at start-up: {self.log_tail()}")
            if time.monotonic() > deadline:
                raise ServerStartError(f"LanguageTool server not ready after {self.ready_timeout:.0f} s")
            time.sleep(0.25)
        # The first check loads the English rules (seconds); do it now, not in a user's request.
        try:
            requests.post(f"{self.url}/v2/check", data={"text": WARMUP_TEXT, "language": self.language},
                          timeout=max(5.0, deadline - time.monotonic())).raise_for_status()
        except requests.RequestException as exc:
            raise ServerStartError(f"LanguageTool server failed its first check: {exc}") from None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "no log"
        useful = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("at ")]
        for line in reversed(useful):
            if "Exception" in line or "Error" in line or "rror:" in line:
                return line[:300]
        return useful[-1][:300] if useful else "no output"

    def stop(self, timeout: float = 10.0) -> None:
        process, self.process = self.process, None
        _LIVE.discard(self)
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout)
        if not self.detached:
            for path in self._workdir.glob("*"):
                path.unlink(missing_ok=True)
            try:
                self._workdir.rmdir()
            except OSError:
                pass


@atexit.register
def _stop_all() -> None:
    for server in list(_LIVE):
        server.stop(timeout=5.0)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_languagetool_process(pid: int, port: int | None = None) -> bool:
    """True when ``pid`` is a live LanguageTool JVM, listening on ``port`` when one is given
    (guards against signalling, or taking for the started server, a reused pid)."""
    if not process_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return not sys.platform.startswith("linux")
    if port is not None and f"\0--port\0{port}\0".encode() not in cmdline + b"\0":
        return False
    return MAIN_CLASS.encode() in cmdline
