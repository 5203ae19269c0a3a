"""Which LanguageTool server a run uses, and keeping it alive for the whole run.

In order: the configured URL (`--languagetool-url`, `[checkers.grammar] url`), else the
server `mtqa languagetool start` left running, else a server this process starts and stops
itself. When the server dies mid-run, a server mtqa can start is started (again) and the
batch retried, so the report stays complete; a configured URL that stops answering is an
error instead, because mtqa cannot restart someone else's server.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from mtqa.languagetool.client import LanguageToolClient, RawMatch, ServerGone
from mtqa.languagetool.install import LanguageToolMissing, find_java, require_installed
from mtqa.languagetool.server import WARMUP_TEXT, ServerProcess
from mtqa.languagetool.state import running_server

MAX_RESTARTS = 3


class Connection:
    def __init__(self, options: Mapping[str, Any], disabled_rules: tuple[str, ...],
                 disabled_categories: tuple[str, ...]) -> None:
        self.options = options
        self.language = options["language"]
        self.disabled_rules = disabled_rules
        self.disabled_categories = disabled_categories
        self.url = options["url"].rstrip("/")
        self.mode = "remote" if self.url else "managed"
        self._version: str | None = None
        self.restarts = 0
        self.failed: str | None = None  # why the server was given up on, once it was
        self.server: ServerProcess | None = None
        self.client: LanguageToolClient | None = None
        # `mtqa serve` checks from several threads: one of them starts or restarts the
        # server, the others wait and then use the client it made.
        self._lock = threading.RLock()
        if self.url:
            self._client()  # a wrong or dead URL should fail before any document is read
        elif options.get("shared_url"):
            # The server of the run's parent process (`--jobs`): mtqa's own, like a daemon;
            # if it dies, this process starts one of its own instead.
            self.mode, self.url = "daemon", str(options["shared_url"]).rstrip("/")
            self._version = options.get("shared_version")
        else:
            daemon = running_server()
            if daemon is not None:
                self.mode, self.url, self._version = "daemon", daemon["url"], daemon.get("version")
            else:
                self.installation = require_installed()
                find_java()
                self._version = self.installation.version

    def version(self) -> str:
        """LanguageTool version, without starting a JVM when mtqa already knows it. Else it
        is asked with a check that goes through check(), so a server that fails it is
        handled as any failed check: restarted, or for a configured URL a one-line error."""
        if self._version is None:
            self.check("Hello.")
            client = self.client
            self._version = (client.version() if client is not None else None) or "unknown"
        return self._version

    def known_version(self) -> str | None:
        return self._version

    def start(self) -> None:
        """Reach (or start) the server now, from the calling thread, instead of inside the
        first check: `mtqa serve` calls this before it listens, so no request pays for the
        JVM's start-up and the JVM's parent-death signal is tied to the main thread. One
        check with mtqa's own request options follows: LanguageTool builds and caches a
        rule pipeline per set of options, and the first request with a new set pays for it."""
        self.check(WARMUP_TEXT)

    def status(self) -> str:
        """`ready`, `starting` (no server reached yet or restarting) or `failed`."""
        if self.failed:
            return "failed"
        return "ready" if self.client is not None else "starting"

    def check(self, text: str, mother_tongue: str | None = None) -> list[RawMatch]:
        while True:
            client = self._client()
            try:
                return client.check(text, mother_tongue)
            except ServerGone as exc:
                with self._lock:
                    if self.client is not client:
                        continue  # another thread already replaced the dead server
                    self._restart(exc)

    def _restart(self, exc: ServerGone) -> None:
        """Called with the lock held, once per dead server."""
        if self.mode == "remote":
            raise LanguageToolMissing(f"LanguageTool at {self.url} stopped answering: {exc}") from None
        if self.restarts >= MAX_RESTARTS:
            self.failed = f"LanguageTool server died {self.restarts} times; giving up"
            raise LanguageToolMissing(self.failed) from None
        self.restarts += 1
        self.close()  # a dead daemon is not ours to restart: start our own instead
        self.mode = "managed"
        if not hasattr(self, "installation"):
            self.installation = require_installed()

    def _client(self) -> LanguageToolClient:
        client = self.client
        if client is not None:
            return client
        with self._lock:
            if self.client is None:
                if self.mode == "managed":
                    self.server = ServerProcess.for_grammar(self.installation, self.options)
                    try:
                        self.url = self.server.start()
                    except LanguageToolMissing as exc:
                        self.server, self.failed = None, str(exc)
                        raise
                self.client = LanguageToolClient(
                    self.url, self.language, self.disabled_rules, self.disabled_categories,
                    picky=self.options["picky"], max_suggestions=self.options["max_suggestions"],
                    timeout=self.options["timeout"], enabled_rules=tuple(self.options["enable_rules"]))
            return self.client

    def close(self) -> None:
        with self._lock:
            if self.client is not None:
                self.client.close()
                self.client = None
            if self.server is not None:
                self.server.stop()
                self.server = None
