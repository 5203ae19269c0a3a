"""A progress line on stderr for multi-file runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool) -> None:
        self.stream = sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.count = 0
        self._last = 0.0
        self._shown = False

    def advance(self, path: str) -> None:
        self.count += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1:
            return
        self._last = now
        name = path if len(path) <= 60 else "…" + path[-59:]
        self.stream.write(f"\r\033[Kmtqa: {self.count} file(s) checked  {name}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False
