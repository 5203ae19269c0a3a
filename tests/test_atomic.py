"""One atomic writer: every file mtqa writes goes through `mtqa.atomic`."""

from __future__ import annotations

import re

from tests.conftest import REPO

# Ways of writing a file outside the one writer: a temporary file renamed into place, or a
# file opened for writing. (LanguageTool's server.properties and logs are exempt: the
# JVM, not a reader, consumes them, and a half file is rewritten on the next start.)
_WRITES = re.compile(r"os\.replace\(|\.replace\((?:tmp|path|target)|mkstemp\(|NamedTemporaryFile\(|write_text\(|"
                     r"write_bytes\(")
_EXEMPT = {"atomic.py", "properties.py"}


def test_only_the_atomic_module_writes_files():
    offenders = []
    for path in sorted((REPO / "src" / "mtqa").rglob("*.py")):
        if path.name in _EXEMPT:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _WRITES.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []
