"""Line-aligned source and reference files (`--source FILE`, `--reference FILE`).

Line *i* of the sidecar file belongs to line *i* of the input (or to unit *i* of a
segment-based input such as JSONL). A folder given as the sidecar mirrors the input
folder: `mtqa check mt/ --source src/` pairs `mt/a/b.txt` with `src/a/b.txt`. The
document text is never changed, so offsets stay exact; the lines become the document's
aligned units.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from mtqa.config.settings import Settings
from mtqa.errors import InputError
from mtqa.model import Document, Segment

_LINE = re.compile(r"[^\n]*")


def sidecar_path(sidecar: str, input_path: str, root: str) -> str:
    """The sidecar file for ``input_path``: the file itself, or its mirror under a folder."""
    if not os.path.isdir(sidecar):
        return sidecar
    if os.path.isdir(root):
        relative = os.path.relpath(input_path, root)
    else:
        relative = os.path.basename(input_path)
    return os.path.join(sidecar, relative)


def read_lines(path: str, settings: Settings) -> list[str]:
    from mtqa.readers.decode import decode_bytes

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file (aligned file for --source/--reference)") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    text = decode_bytes(data, path, settings.encoding_confidence)
    return text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n").split("\n")


def line_spans(text: str) -> list[tuple[int, int]]:
    """Start/end of each line of ``text`` (a final newline does not start a new line)."""
    spans = []
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        spans.append((pos, line_end))
        pos = end + 1
    if len(spans) > 1 and spans[-1][0] == len(text):
        spans.pop()
    return spans


def attach(document: Document, sources: list[str] | None, references: list[str] | None,
           names: tuple[str | None, str | None] = (None, None)) -> Document:
    """``document`` with aligned source/reference lines; InputError when counts differ."""
    if document.units:
        spans = [(u.start, u.end) for u in document.units]
        ids = [u.id for u in document.units]
        kind = "segments"
    else:
        spans = line_spans(document.text)
        ids = [str(i + 1) for i in range(len(spans))]
        kind = "lines"
    for lines, name in ((sources, names[0]), (references, names[1])):
        if lines is not None and len(lines) != len(spans):
            raise InputError(
                document.path,
                f"{len(spans)} {kind}, but the aligned file {name or ''} has {len(lines)} lines".replace("  ", " "),
            )
    units = []
    for i, (start, end) in enumerate(spans):
        old = document.units[i] if document.units else None
        units.append(Segment(
            start, end, id=ids[i],
            source=sources[i] if sources is not None else (old.source if old else None),
            reference=references[i] if references is not None else (old.reference if old else None),
        ))
    return replace(
        document,
        units=tuple(units),
        source_text="\n".join(u.source or "" for u in units) if sources is not None else document.source_text,
        reference_text="\n".join(u.reference or "" for u in units) if references is not None
        else document.reference_text,
        _cache={},
    )


def attach_sidecars(document: Document, root: str, settings: Settings) -> Document:
    """Attach ``settings.source_file``/``reference_file`` to a document read from under ``root``."""
    found = []
    for sidecar in (settings.source_file, settings.reference_file):
        if not sidecar:
            found.append((None, None))
            continue
        path = sidecar_path(sidecar, document.path, root)
        found.append((read_lines(path, settings), path))
    (sources, source_path), (references, reference_path) = found
    if sources is None and references is None:
        return document
    return attach(document, sources, references, (source_path, reference_path))
