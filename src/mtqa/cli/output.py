"""Writes a report to stdout or to a file (atomically, so a failed run leaves no half file)."""

from __future__ import annotations

import os
import sys
import tempfile

from mtqa.errors import MtqaError


def write_output(text: str, path: str | None) -> None:
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".mtqa-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise MtqaError(f"{path}: cannot write report: {exc.strerror or exc}") from None
