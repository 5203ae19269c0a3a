"""TSV: `source<TAB>target` a line (an optional third column is a reference); one document.

A first line of column names (`source<TAB>target`, `src<TAB>mt<TAB>ref`…) is a header and
skipped: every cell one of the usual names, so a real segment is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.readers.lines import split_lines
from mtqa.readers.segments import Unit, document_from_units


HEADER_NAMES = frozenset({
    "source", "src", "source_text", "source_sentence", "original", "input",
    "target", "tgt", "target_text", "mt", "mt_output", "translation", "hypothesis", "hyp", "output",
    "reference", "ref", "reference_text", "human", "post_edit", "pe",
})


def is_header(columns: list[str]) -> bool:
    names = [re.sub(r"[^a-z0-9]+", "_", c.strip().lower()).strip("_") for c in columns]
    return len(names) >= 2 and all(name in HEADER_NAMES for name in names)


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    units: list[Unit] = []
    first = True
    for line_no, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        columns = line.split("\t")
        header, first = first and is_header(columns), False
        if header:
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
