"""TSV: `source<TAB>target` a line (an optional third column is a reference); one document.

A first line reading `source<TAB>target` is a header and skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.readers.segments import Unit, document_from_units


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    units: list[Unit] = []
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        columns = line.split("\t")
        if line_no == 1 and [c.strip().lower() for c in columns[:2]] == ["source", "target"]:
            continue
        if len(columns) < 2:
            raise InputError(path, f"line {line_no}: expected source<TAB>target, found no tab")
        if len(columns) > 3:
            raise InputError(path, f"line {line_no}: expected 2 or 3 tab-separated columns, found {len(columns)}")
        reference = columns[2] if len(columns) == 3 else None
        units.append(Unit(target=columns[1], id=str(line_no), source=columns[0], reference=reference))
    if not units:
        raise InputError(path, "no segments")
    yield document_from_units(path, path, units, settings.source_lang)
