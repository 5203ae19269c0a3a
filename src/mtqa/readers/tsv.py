"""TSV: `source<TAB>target` a line (an optional third column is a reference).

A first line of column names (`source<TAB>target`, `src<TAB>mt<TAB>ref`, `doc<TAB>source<TAB>target`…)
is a header and skipped: every cell one of the usual names, so a real segment is never
taken for one. A header also says which column is which; with a `doc` column, rows sharing
a `doc` form one document (in first-seen order), as in JSONL. Without one the file is one
document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document
from mtqa.readers.lines import split_lines
from mtqa.readers.segments import Unit, document_from_units

ROLES = {
    "source": ("source", "src", "source_text", "source_sentence", "original", "input"),
    "target": ("target", "tgt", "target_text", "mt", "mt_output", "translation", "hypothesis", "hyp", "output"),
    "reference": ("reference", "ref", "reference_text", "human", "post_edit", "pe"),
    "doc": ("doc", "doc_id", "docid", "document"),
    "id": ("id", "seg_id", "segment_id"),
}
ROLE_OF = {name: role for role, names in ROLES.items() for name in names}
HEADER_NAMES = frozenset(ROLE_OF)
DEFAULT_COLUMNS = ("source", "target", "reference")


def header_roles(columns: list[str]) -> tuple[str, ...] | None:
    """The role of each column when ``columns`` is a header row, else None."""
    names = [re.sub(r"[^a-z0-9]+", "_", c.strip().lower()).strip("_") for c in columns]
    if len(names) < 2 or not all(name in HEADER_NAMES for name in names):
        return None
    roles = tuple(ROLE_OF[n] for n in names)
    if len(set(roles)) != len(roles):
        return None
    return roles


def read(text: str, path: str, settings: Settings) -> Iterator[Document]:
    groups: dict[str, list[Unit]] = {}
    roles: tuple[str, ...] | None = None
    first = True
    for line_no, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        columns = line.split("\t")
        if first and (named := header_roles(columns)):
            first, roles = False, named
            continue
        first = False
        if roles is None or "target" not in roles:
            if len(columns) < 2:
                raise InputError(path, f"line {line_no}: expected source<TAB>target, found no tab")
            if len(columns) > 3:
                raise InputError(path, f"line {line_no}: expected 2 or 3 tab-separated columns, found {len(columns)}")
            row = dict(zip(DEFAULT_COLUMNS, columns))
        else:
            if len(columns) != len(roles):
                raise InputError(path, f"line {line_no}: expected {len(roles)} tab-separated columns as the header "
                                       f"names, found {len(columns)}")
            row = dict(zip(roles, columns))
        # The target cell starts after the cells before it and their tabs: its column in the file.
        before = roles.index("target") if roles and "target" in roles else 1
        unit = Unit(target=row["target"], id=row.get("id") or str(line_no), source=row.get("source"),
                    reference=row.get("reference"), origin=(line_no, sum(len(c) + 1 for c in columns[:before]) + 1))
        groups.setdefault(row.get("doc") or path, []).append(unit)
    if not groups:
        raise InputError(path, "no segments")
    for doc, units in groups.items():
        yield document_from_units(doc, path, units, settings.source_lang)
