"""Builds one Document from aligned units: targets joined by newlines, offsets kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mtqa.model import Document, Segment


@dataclass(frozen=True, slots=True)
class Unit:
    target: str
    id: str | None = None
    source: str | None = None
    reference: str | None = None
    origin: tuple[int, int | None] | None = None  # where the target starts in the file (Segment.origin)


def document_from_units(
    doc_id: str,
    path: str,
    units: Sequence[Unit],
    source_lang: str | None,
    metadata: dict | None = None,
) -> Document:
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for index, unit in enumerate(units):
        if index:
            parts.append("\n")
            pos += 1
        parts.append(unit.target)
        segments.append(
            Segment(pos, pos + len(unit.target), id=unit.id if unit.id is not None else str(index + 1),
                    source=unit.source, reference=unit.reference, origin=unit.origin)
        )
        pos += len(unit.target)
    has_source = any(u.source is not None for u in units)
    has_reference = any(u.reference is not None for u in units)
    return Document(
        id=doc_id,
        path=path,
        text="".join(parts),
        source_text="\n".join(u.source or "" for u in units) if has_source else None,
        reference_text="\n".join(u.reference or "" for u in units) if has_reference else None,
        source_lang=source_lang,
        units=tuple(segments),
        metadata=dict(metadata or {}),
    )
