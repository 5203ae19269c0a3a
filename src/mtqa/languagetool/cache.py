"""SQLite cache of LanguageTool results, keyed by (batch text, LanguageTool version, request settings).

What is cached is the raw server answer (UTF-16 offsets, rule ids), not findings: the MQM
mapping and the name/vocabulary suppression run after the cache, so changing them never
needs a cache flush. A second run over an unchanged corpus does not touch the server.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from mtqa.languagetool.client import RawMatch

_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL)"


def cache_key(text: str, version: str, fingerprint: str) -> str:
    digest = hashlib.sha256()
    for part in (version, fingerprint, text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class ResultCache:
    """Get and put raw matches; safe to share between processes (WAL, busy timeout)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            pass  # another process holds the switch; the default journal works too
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)

    def get_many(self, keys: Iterable[str]) -> dict[str, list[RawMatch]]:
        keys = list(keys)
        found: dict[str, list[RawMatch]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk)
            for key, blob in rows:
                found[key] = [RawMatch.from_json(item) for item in json.loads(blob)]
        return found

    def put_many(self, items: Iterable[tuple[str, list[RawMatch]]]) -> None:
        rows = [(key, json.dumps([m.to_json() for m in matches], ensure_ascii=False)) for key, matches in items]
        if not rows:
            return
        try:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO results (key, matches) VALUES (?, ?)", rows)
            self._db.execute("COMMIT")
        except sqlite3.Error:
            # A cache that cannot be written (read-only dir, lock held too long) must not fail a check.
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        self._db.close()
